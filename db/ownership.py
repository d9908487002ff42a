"""Whether a SQLite file is a Cramproof training log this version may write, read-only.

A log is ours when its header carries Cramproof's application_id, or, for logs made before that
mark existed, when its migrations table records Cramproof's first migration. Any other SQLite
file with tables belongs to another program: it is never migrated, backed up over or restored
from, whatever its tables are called. A log with migrations this version does not know was
written by a newer Cramproof and is not written to either.
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from db.connection import database_on, read_only_connection, sqlite_uri
from db.errors import ForeignDatabase, NewerDatabase, store_errors
from db.files import companions
from db.migration_set import applied_names
from db.migrations import APPLICATION_ID, MIGRATIONS, known_migrations, refuse_newer

if TYPE_CHECKING:
    from db.migration_set import AnyMigrations as Migrations

Ownership = Literal["ours", "empty", "foreign", "newer"]
_FIRST = "0001_core_tables"
_SQLITE_HEADER = b"SQLite format 3\x00"


def ownership(conn: sqlite3.Connection, *, migrations: Migrations = MIGRATIONS) -> Ownership:
    """Classify the database behind `conn` without writing to it."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id not in (0, APPLICATION_ID):
        return "foreign"
    tables = {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
    }
    if not tables and app_id == 0:
        return "empty"
    applied = applied_names(conn, migrations.name) if "_sqlite_migrations" in tables else []
    if app_id == 0 and applied[:1] != [_FIRST]:
        return "foreign"
    known = set(known_migrations(migrations=migrations))
    return "newer" if any(name not in known for name in applied) else "ours"


def foreign_message(path: Path) -> str:
    return (
        f"The file {path} is another program's database, not a Cramproof training log, so "
        "Cramproof left it exactly as it is. Move it elsewhere or use another data folder."
    )


def require_ours(path: Path, *, migrations: Migrations = MIGRATIONS) -> None:
    """Raise ForeignDatabase or NewerDatabase unless this version may write the file at `path`."""
    with store_errors():
        conn = read_only_connection(path)
        try:
            found = ownership(conn, migrations=migrations)
            if found == "newer":
                refuse_newer(database_on(conn), migrations=migrations)
        finally:
            conn.close()
    if found == "foreign":
        raise ForeignDatabase(foreign_message(path))


def foreign_file(path: Path) -> str | None:
    """The refusal in words when the file at `path` is another program's SQLite database; None
    for anything else (no file, ours, a newer Cramproof's, damaged: the caller's own checks say
    what those are).

    Decided before anything else opens the file: a read-only connection to a database in WAL
    mode makes a -wal and a -shm beside it, in a folder that is not ours. With no -wal there the
    file alone holds everything, so it is read as immutable and nothing is created.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO would block the open
            return None
        with path.open("rb") as handle:
            header = handle.read(100)
    except (OSError, ValueError):  # missing, unreadable, a name no file system takes
        return None
    marked = int.from_bytes(header[68:72], "big") == APPLICATION_ID
    if len(header) < 100 or not header.startswith(_SQLITE_HEADER) or marked:
        return None
    immutable = not companions(path)[0].exists()
    try:
        conn = sqlite3.connect(sqlite_uri(path, immutable=immutable), uri=True)
        try:
            found = ownership(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return foreign_message(path) if found == "foreign" else None


def ownership_problem(path: Path) -> str | None:
    """For `cramproof check`: None when the log is ours (or empty), else the reason in words,
    naming the file once (the refusal of another program's file already names it)."""
    try:
        require_ours(path)
    except ForeignDatabase as error:
        return error.message
    except NewerDatabase as error:
        return f"{path}: {error.message}"
    return None
