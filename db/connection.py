"""Open a Cramproof database with the pragmas that make a logged set survive a power cut.

The store's connection is a plain `sqlite3` one; the sqlite-utils `Database` that writes and
migrates through it is made the first time one is needed (`database_on`), because importing
sqlite-utils (with click and pluggy) costs start-up about 30 ms and the first screen only reads.
Reads that the first screen makes go through `read_rows` and `read`, which need only sqlite3.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from db.errors import store_errors
from db.files import companions, create_private, private_folder
from db.sqlite_utils_compat import import_sqlite_utils_lightly

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

# Order matters: the busy timeout must be in force before the journal mode switch takes locks.
# fullfsync settings only act on macOS, where a plain fsync does not reach the platter.
_PRAGMAS = (
    ("busy_timeout", "5000"),
    ("recursive_triggers", "ON"),  # what sqlite-utils' Database sets on every connection it wraps
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

    @property
    def conn(self) -> sqlite3.Connection: ...


StoreLike: TypeAlias = "Database | HasDatabase"


def as_database(target: StoreLike) -> Database:
    """Let every query accept either the Store the app holds or a bare Database.

    A Database has no `db` attribute; a Store makes its Database when first asked for it.
    """
    database = getattr(target, "db", None)
    return target if database is None else database


def database_on(conn: sqlite3.Connection) -> Database:
    """The sqlite-utils Database over an open connection (sqlite-utils is imported now)."""
    import_sqlite_utils_lightly()
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def read(target: StoreLike, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """Run one read-only statement on the plain connection, without sqlite-utils."""
    return target.conn.execute(sql, params)


def read_rows(target: StoreLike, sql: str, params: Sequence[Any] = ()) -> Iterator[dict]:
    """The rows of one SELECT as dicts (what Database.query gives), without sqlite-utils."""
    cursor = read(target, sql, params)
    keys = [column[0] for column in cursor.description]
    if len(set(keys)) != len(keys):  # Database.query would rename them: name them in the SQL
        raise ValueError(f"duplicate column names in {keys}")
    return (dict(zip(keys, row, strict=True)) for row in cursor)


def sqlite_uri(path: Path, *, mode: str = "ro", immutable: bool = False) -> str:
    """A `file:` URI that survives spaces, '?' and '#' in the data folder's name."""
    uri = f"{Path(path).absolute().as_uri()}?mode={mode}"
    return f"{uri}&immutable=1" if immutable else uri


def connect(path: Path) -> Database:
    """Open (creating if needed, private to the user) the database at `path`, pragmas applied."""
    return database_on(open_connection(path))


def open_connection(path: Path) -> sqlite3.Connection:
    """`connect` without sqlite-utils: the plain connection, created private, pragmas applied."""
    path = Path(path)
    with store_errors():
        private_folder(path.parent)
        created = create_private(path)
        conn = sqlite3.connect(str(path))
    try:
        with store_errors():
            apply_pragmas(conn)
    except BaseException:
        conn.close()
        raise
    if created:
        for companion in companions(path):
            if companion.exists():
                companion.chmod(0o600)
    return conn


def apply_pragmas(db: Database | sqlite3.Connection) -> None:
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
