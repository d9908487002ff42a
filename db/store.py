"""Open the store at start: check, move damage aside, refuse newer files, back up, migrate."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from db.backup import (
    good_backups,
    list_backups,
    new_backup_path,
    prune_backups,
    write_backup,
)
from db.connection import database_on, open_connection, read_only_connection
from db.errors import (
    CorruptDatabase,
    ForeignDatabase,
    NotADatabase,
    StoreError,
    StoreUnwritable,
    backup_failed_notice,
    store_errors,
    unwritable_message,
)
from db.files import companions, create_private, private_folder, remove_quietly
from db.integrity import IntegrityReport, check_database, quarantine, same_content
from db.migration_set import pending_names
from db.migrations import MIGRATIONS, SCHEMA_NEUTRAL, apply_migrations, pending_migrations
from db.ownership import foreign_file, require_ours
from db.records import require_aware

if TYPE_CHECKING:
    from sqlite_utils import Database

    from db.migration_set import AnyMigrations as Migrations

log = logging.getLogger(__name__)


class Store:
    """The open training log: the app holds one and passes it to every query function.

    It holds the plain sqlite3 connection; `db`, the sqlite-utils Database over that same
    connection, is made when first used (a write, a migration), so that showing the log at
    start-up never imports sqlite-utils (see db.connection).
    """

    def __init__(
        self,
        *,
        conn: sqlite3.Connection,
        path: Path,
        backups_dir: Path,
        notices: tuple[str, ...],
        read_only: bool = False,
    ):
        self.conn = conn
        self.path = path
        self.backups_dir = backups_dir
        self.notices = notices
        self.read_only = read_only  # opened by open_read_only: every write fails
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = database_on(self.conn)
        return self._db

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def open_store(
    db_path: Path,
    *,
    backups_dir: Path,
    now: datetime,
    migrations: Migrations = MIGRATIONS,
    daily_backup: bool = True,
) -> Store:
    """What the app calls at start. Raises a StoreError subclass with a message for the runner.

    `daily_backup=False` leaves the day's backup to the caller (`take_daily_backup`): the window
    takes it once the log is on screen. A migration's own backup is always taken first.
    """
    require_aware(now, what="now")
    db_path, backups_dir = Path(db_path), Path(backups_dir)
    refusal = foreign_file(db_path)  # before the folder is tried for writing: it is not ours
    if refusal is not None:
        raise ForeignDatabase(refusal)
    _require_writable_folder(db_path.parent)
    _require_writable_file(db_path)
    report = check_database(db_path)
    if report.kind in ("not_sqlite", "corrupt"):
        raise _moved_aside(db_path, report, backups_dir=backups_dir, now=now)
    if report.kind == "unreadable":
        raise StoreUnwritable(
            f"Cramproof cannot read its training log at {db_path} ({report.detail}). The file "
            "was left exactly as it is. Check that it belongs to you."
        )
    if report.ok:
        require_ours(db_path, migrations=migrations)
    conn = open_connection(db_path)
    try:
        _migrate(conn, db_path, backups_dir=backups_dir, now=now, migrations=migrations)
        notices = (
            _daily_backup(conn, db_path, backups_dir=backups_dir, now=now) if daily_backup else ()
        )
    except BaseException:
        conn.close()
        raise
    return Store(conn=conn, path=db_path, backups_dir=backups_dir, notices=notices)


def open_read_only(
    db_path: Path, *, backups_dir: Path, migrations: Migrations = MIGRATIONS
) -> Store:
    """Open a log the runner may read but not write (a read-only folder, mount or file) so that
    it can still be looked at; every write then fails as StoreUnwritable. Nothing is written:
    no backup, no migration. Raises a StoreError when the file is damaged, not ours, newer, or
    too old to be read without the upgrade that would have to write to it."""
    db_path = Path(db_path)
    report = check_database(db_path)
    if not report.ok:
        raise StoreUnwritable(
            f"Cramproof cannot open its training log at {db_path} even read-only "
            f"({report.kind}: {report.detail}). The file was left exactly as it is."
        )
    require_ours(db_path, migrations=migrations)
    with store_errors():
        conn = read_only_connection(db_path)
        try:
            pending = set(pending_names(conn, migrations)) - SCHEMA_NEUTRAL
        except BaseException:
            conn.close()
            raise
    if pending:
        conn.close()
        raise StoreUnwritable(
            unwritable_message("this older training log must be upgraded, which writes to it")
        )
    notice = (
        f"Read-only: Cramproof cannot write to {db_path.parent}, so the training log is open "
        "for reading only and nothing you change can be saved."
    )
    return Store(
        conn=conn, path=db_path, backups_dir=backups_dir, notices=(notice,), read_only=True
    )


def _require_writable_folder(folder: Path) -> None:
    """Prove the folder takes new files (the -wal and -shm need it) before touching anything."""
    try:
        private_folder(folder)
        probe = folder / f".cramproof-write-test-{os.urandom(6).hex()}"
        create_private(probe)
        remove_quietly(probe)
    except OSError as error:
        raise StoreUnwritable(
            unwritable_message(f"the data folder {folder} is not writable ({error.strerror})")
        ) from error


def _require_writable_file(db_path: Path) -> None:
    for path in [db_path, *companions(db_path)]:
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise StoreUnwritable(
                unwritable_message(f"{path} is read-only or not yours, so it was left untouched")
            )


def _moved_aside(
    db_path: Path, report: IntegrityReport, *, backups_dir: Path, now: datetime
) -> StoreError:
    """Quarantine the damaged file and describe it, listing the backups that pass the check."""
    try:
        moved_to = quarantine(db_path, now=now)
    except OSError as error:
        return StoreUnwritable(
            unwritable_message(f"the damaged training log could not be moved aside ({error})")
        )
    backups = good_backups(backups_dir)
    offer = "You can restore the newest backup." if backups else "There is no backup to restore."
    if report.kind == "not_sqlite":
        return NotADatabase(
            f"The file where Cramproof keeps its training log is not a Cramproof database. It "
            f"was moved, unchanged, to {moved_to}. {offer}",
            moved_to=moved_to,
            backups=backups,
        )
    return CorruptDatabase(
        f"Cramproof's training log is damaged ({report.detail}). It was moved, unchanged, to "
        f"{moved_to}. {offer}",
        moved_to=moved_to,
        backups=backups,
    )


def _migrate(
    conn: sqlite3.Connection,
    db_path: Path,
    *,
    backups_dir: Path,
    now: datetime,
    migrations: Migrations,
) -> None:
    """Back up a database that holds data before any pending migration runs.

    Nothing pending, as on almost every start, is seen from the names alone, over the plain
    connection; only then is sqlite-utils, which runs migrations, imported.
    """
    if not pending_names(conn, migrations):
        return
    db = database_on(conn)
    if not pending_migrations(db, migrations=migrations):
        return
    if has_data(conn):
        try:
            write_backup(db_path, new_backup_path(backups_dir, now=now, reason="pre-migration"))
        except (OSError, StoreError) as error:
            raise StoreUnwritable(
                unwritable_message(
                    f"the backup that must precede this upgrade could not be written ({error})"
                )
            ) from error
        prune_backups(backups_dir)
    with store_errors():
        apply_migrations(db, migrations=migrations)


def take_daily_backup(store: Store, *, now: datetime) -> tuple[str, ...]:
    """The day's backup of an open log, unless one was taken today or nothing changed since
    the last; its failure comes back as a notice. A read-only log takes none."""
    if store.read_only:
        return ()
    return _daily_backup(store.conn, store.path, backups_dir=store.backups_dir, now=now)


def _daily_backup(
    conn: sqlite3.Connection, db_path: Path, *, backups_dir: Path, now: datetime
) -> tuple[str, ...]:
    """At most one backup a (local) day, and only when the data differs from the newest backup.

    A failure here must not keep the runner from training, so it becomes a notice instead.
    """
    backups = list_backups(backups_dir)
    newest = backups[0] if backups else None
    if newest and newest.taken_at.astimezone().date() == now.astimezone().date():
        return ()
    if not has_data(conn):
        return ()
    try:
        if newest and same_content(db_path, newest.path):
            return ()
        write_backup(db_path, new_backup_path(backups_dir, now=now))
        prune_backups(backups_dir)
    except (StoreError, OSError, sqlite3.Error) as error:
        log.warning("Daily backup failed: %s", error)
        return (backup_failed_notice(error),)
    return ()


def has_data(conn: sqlite3.Connection | Database) -> bool:
    """True when any table other than the migration record holds a row."""
    tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return any(
        conn.execute(f"SELECT EXISTS (SELECT 1 FROM [{name}])").fetchone()[0]
        for (name,) in tables
        if name != "_sqlite_migrations"
    )
