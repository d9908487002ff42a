"""Check a database file without ever writing to it, or compare it with a copy; move it aside."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from db.atomic import describe_kind as _kind
from db.connection import read_only_connection, sqlite_uri
from db.files import companions, sync_folder
from db.lean_dataclass import frozen_dataclass
from db.records import require_aware

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
CheckKind = Literal["missing", "ok", "not_sqlite", "corrupt", "unreadable"]
_MAX_DETAIL = 300


@frozen_dataclass
class IntegrityReport:
    ok: bool
    kind: CheckKind
    detail: str


def _report(kind: CheckKind, detail: str = "") -> IntegrityReport:
    return IntegrityReport(ok=kind == "ok", kind=kind, detail=detail[:_MAX_DETAIL])


def check_database(path: Path) -> IntegrityReport:
    """Header first, then PRAGMA quick_check through a read-only connection.

    An empty file counts as missing: SQLite writes the header when it first sets up the journal,
    so a zero-byte file holds nothing (unless a write-ahead log beside it does: then it is corrupt).
    """
    path = Path(path)
    wal = companions(path)[0]
    orphan_log = wal.is_file() and wal.stat().st_size > 0
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # opening a FIFO would hang; a device is not a log
            return _report("unreadable", f"the database path is {_kind(info.st_mode)}, not a file")
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        if orphan_log:
            return _report("corrupt", "the database file is gone but its write-ahead log remains")
        return _report("missing", "no database file yet")
    except OSError as error:
        return _report("unreadable", error.strerror or str(error))
    if not header:
        if orphan_log:
            return _report("corrupt", "empty database file beside a non-empty write-ahead log")
        return _report("missing", "empty file: no data was ever saved in it")
    if not header.startswith(SQLITE_HEADER):
        return _report("not_sqlite", "the file does not start with the SQLite header")
    if len(header) < 100:
        return _report("corrupt", "the file is cut off inside its header")
    return _quick_check(path)


def _quick_check(path: Path) -> IntegrityReport:
    """Run quick_check read-only (as immutable in a folder nobody may write, see
    read_only_connection)."""
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as error:
        return _failure(error)
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.Error as error:
        return _failure(error)
    finally:
        conn.close()
    if rows == ["ok"]:
        return _report("ok", "quick_check passed")
    return _report("corrupt", "; ".join(str(row) for row in rows[:3]))


def _failure(error: sqlite3.Error) -> IntegrityReport:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_FORMAT):
        return _report("corrupt", str(error))
    return _report("unreadable", str(error))


def quarantine(path: Path, *, now: datetime) -> Path:
    """Rename the database and its companions to `<name>.corrupt-YYYYmmdd-HHMMSS[-n]` (UTC).

    Renames only: the bytes are never copied, rewritten or deleted. The log goes first so that a
    crash half-way can never leave an old log beside a fresh database that would replay it.
    """
    require_aware(now, what="now")
    path = Path(path)
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    target = _free_name(path, f"{path.name}.corrupt-{stamp}")
    for source in [*companions(path), path]:
        if source.exists():
            destination = target.with_name(target.name + source.name[len(path.name) :])
            os.rename(source, destination)
            log.warning("Moved damaged %s to %s", source, destination)
    sync_folder(path.parent)
    return target


def _free_name(path: Path, base: str) -> Path:
    """A name that neither the file nor its companions already use, so nothing is replaced."""
    candidate, number = path.with_name(base), 2
    while any(p.exists() for p in [candidate, *companions(candidate)]):
        candidate = path.with_name(f"{base}-{number}")
        number += 1
    return candidate


def same_content(path: Path, copy: Path) -> bool:
    """True when `copy` holds exactly the schema and rows of `path`; False when either cannot be
    read.

    SQLite compares the two itself, read-only: the same schema, the same number of rows in every
    table, and every row of `path` unchanged under its rowid in `copy` (VACUUM INTO, which makes
    the backups, keeps rowids). A five-year log takes 25 ms, where hashing both files row by row
    in Python took 250 ms.
    """
    try:
        conn = read_only_connection(path)
        try:
            conn.execute("ATTACH DATABASE ? AS copy", (sqlite_uri(copy),))
            return _same_schema(conn) and all(
                _same_rows(conn, name)
                for (name,) in conn.execute(
                    "SELECT name FROM main.sqlite_master WHERE type = 'table'"
                ).fetchall()
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _same_schema(conn: sqlite3.Connection) -> bool:
    schema = "SELECT type, name, tbl_name, sql FROM {}.sqlite_master"
    return sorted(conn.execute(schema.format("main"))) == sorted(
        conn.execute(schema.format("copy"))
    )


def _same_rows(conn: sqlite3.Connection, table: str) -> bool:
    counts = f"SELECT (SELECT count(*) FROM main.[{table}]), (SELECT count(*) FROM copy.[{table}])"
    here, there = conn.execute(counts).fetchone()
    if here != there:
        return False
    changed = " OR ".join(
        f"a.[{name}] IS NOT b.[{name}] COLLATE BINARY"
        + ("" if _one_type_per_value(declared) else f" OR typeof(a.[{name}]) != typeof(b.[{name}])")
        for _cid, name, declared, *_rest in conn.execute(f"PRAGMA main.table_info([{table}])")
    )
    missing_or_changed = (
        f"SELECT EXISTS (SELECT 1 FROM main.[{table}] AS a LEFT JOIN copy.[{table}] AS b "
        f"ON b.rowid = a.rowid WHERE b.rowid IS NULL OR {changed})"
    )
    return not conn.execute(missing_or_changed).fetchone()[0]


def _one_type_per_value(declared: str) -> bool:
    """Whether SQLite stores equal values of a column declared so as one type (its affinity);
    elsewhere 1 and 1.0 compare equal although they differ, so their types are compared too."""
    return any(
        word in declared.upper() for word in ("INT", "CHAR", "CLOB", "TEXT", "REAL", "FLOA", "DOUB")
    )
