"""Open a Cramproof database with the pragmas that make a logged set survive a power cut."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from db.errors import store_errors
from db.files import companions, create_private, private_folder

log = logging.getLogger(__name__)

# Order matters: the busy timeout must be in force before the journal mode switch takes locks.
# fullfsync settings only act on macOS, where a plain fsync does not reach the platter.
_PRAGMAS = (
    ("busy_timeout", "5000"),
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("foreign_keys", "ON"),
    ("fullfsync", "ON"),
    ("checkpoint_fullfsync", "ON"),
)


class HasDatabase(Protocol):
    """Anything that carries an open database, such as db.store.Store."""

    @property
    def db(self) -> Database: ...


StoreLike = Database | HasDatabase


def as_database(target: StoreLike) -> Database:
    """Let every query accept either the Store the app holds or a bare Database."""
    return target if isinstance(target, Database) else target.db


def sqlite_uri(path: Path, *, mode: str = "ro", immutable: bool = False) -> str:
    """A `file:` URI that survives spaces, '?' and '#' in the data folder's name."""
    uri = f"{Path(path).absolute().as_uri()}?mode={mode}"
    return f"{uri}&immutable=1" if immutable else uri


def connect(path: Path) -> Database:
    """Open (creating if needed, private to the user) the database at `path`, pragmas applied."""
    path = Path(path)
    with store_errors():
        private_folder(path.parent)
        created = create_private(path)
        db = Database(path, execute_plugins=False)
    try:
        with store_errors():
            apply_pragmas(db)
    except BaseException:
        db.close()
        raise
    if created:
        for companion in companions(path):
            if companion.exists():
                companion.chmod(0o600)
    return db


def apply_pragmas(db: Database) -> None:
    """Set durability and integrity pragmas; they are per connection, so on every open."""
    for name, value in _PRAGMAS:
        db.execute(f"PRAGMA {name}={value}")
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    if mode.lower() != "wal":
        log.warning("SQLite refused WAL journaling (got %r); writes stay safe but slower", mode)


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that can never write to the database file (URI mode=ro).

    In a folder nobody may write to (a read-only mount, another user's folder) SQLite cannot make
    the shared-memory file a WAL database needs and refuses even to read. When no write-ahead
    log is there, nothing can be writing and the file alone holds everything, so it is opened as
    immutable instead: the log of a read-only folder can still be checked, backed up, exported.
    """
    conn = sqlite3.connect(sqlite_uri(path), uri=True)
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        conn.close()
        if not _needs_immutable(path, error):
            raise
        conn = sqlite3.connect(sqlite_uri(path, immutable=True), uri=True)
    return conn


def _needs_immutable(path: Path, error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
        return False
    wal = companions(Path(path))[0]
    return not wal.exists() and not os.access(Path(path).parent, os.W_OK)
