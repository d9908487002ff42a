"""Consistent, private backups of the training log: write, list, thin out, restore."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.atomic import refuse_overwriting, replacing_one, require_regular
from db.connection import read_only_connection, sqlite_uri
from db.errors import CorruptDatabase, StoreBusy, StoreUnwritable, translates_errors
from db.files import (
    companions,
    log_companions,
    private_folder,
    sync_folder,
)
from db.integrity import check_database, quarantine
from db.ownership import require_ours
from db.records import BackupInfo, require_aware

log = logging.getLogger(__name__)

DEFAULT_KEEP = 10
_STAMP = "%Y%m%d-%H%M%S"
_REASON = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_NAME = re.compile(rf"cramproof-(\d{{8}}-\d{{6}})(?:-({_REASON}))?\.db")


def backup_name(*, taken_at: datetime, reason: str | None = None) -> str:
    """`cramproof-YYYYmmdd-HHMMSS[-reason].db`, in UTC so that names sort in time order."""
    require_aware(taken_at, what="taken_at")
    if reason is not None and not re.fullmatch(_REASON, reason):
        raise ValueError(f"backup reason must be lower-case words joined by '-', got {reason!r}")
    stamp = taken_at.astimezone(UTC).strftime(_STAMP)
    return f"cramproof-{stamp}-{reason}.db" if reason else f"cramproof-{stamp}.db"


def new_backup_path(backups_dir: Path, *, now: datetime, reason: str | None = None) -> Path:
    """A name no backup uses yet; a clash within one second moves on a second, never overwrites."""
    private_folder(backups_dir)
    taken_at = now
    while (candidate := backups_dir / backup_name(taken_at=taken_at, reason=reason)).exists():
        taken_at += timedelta(seconds=1)
    return candidate


@translates_errors
def write_backup(db_path: Path, out: Path) -> Path:
    """Write a consistent copy of a live database (VACUUM INTO) to `out`, atomically, 0600.

    `out` must not be the database or one of its companions, compared as files, not as names.
    """
    db_path, out = Path(db_path), Path(out)
    require_regular(db_path, what="database to back up")
    refuse_overwriting(out, [db_path, *log_companions(db_path)])
    private_folder(out.parent)
    with replacing_one(out) as temporary:
        conn = read_only_connection(db_path)
        try:
            # As a URI: a name with bytes that are not UTF-8 survives (the connection takes URIs).
            conn.execute("VACUUM INTO ?", (sqlite_uri(temporary, mode="rwc"),))
        finally:
            conn.close()
    log.info("Backed up %s to %s", db_path, out)
    return out


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Backups in `backups_dir`, newest first; other files (and temporaries) are ignored."""
    if not Path(backups_dir).is_dir():
        return []
    found = []
    for path in Path(backups_dir).iterdir():
        match = _NAME.fullmatch(path.name)
        if match and path.is_file():
            found.append(BackupInfo(path=path, taken_at=_stamp_time(match[1]), reason=match[2]))
    return _newest_first(found)


def _stamp_time(stamp: str) -> datetime:
    """The UTC time a backup's name gives (`_STAMP`, digits checked by `_NAME`); what strptime
    would return, without its first call's cost: importing calendar and locale and compiling
    its patterns takes about 7 ms of the start-up that checks for today's backup."""
    day, time = stamp.split("-")
    numbers = (day[:4], day[4:6], day[6:], time[:2], time[2:4], time[4:])
    return datetime(*(int(number) for number in numbers), tzinfo=UTC)


def _newest_first(backups: Sequence[BackupInfo]) -> list[BackupInfo]:
    return sorted(backups, key=lambda info: (info.taken_at, info.path.name), reverse=True)


def backups_to_delete(
    backups: Sequence[BackupInfo], *, keep: int = DEFAULT_KEEP
) -> list[BackupInfo]:
    """The backups beyond the newest `keep` (at least one is always kept), whatever their reason."""
    return _newest_first(backups)[max(keep, 1) :]


def good_backups(backups_dir: Path) -> list[BackupInfo]:
    """Backups that pass the integrity check, newest first: the ones worth offering."""
    return [info for info in list_backups(backups_dir) if check_database(info.path).ok]


@translates_errors
def prune_backups(backups_dir: Path, *, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete what backups_to_delete picks; returns the deleted paths."""
    deleted = []
    for info in backups_to_delete(list_backups(backups_dir), keep=keep):
        info.path.unlink(missing_ok=True)
        deleted.append(info.path)
    return deleted


@translates_errors
def restore_backup(backup: Path, db_path: Path, *, backups_dir: Path, now: datetime) -> None:
    """Replace the database with a verified backup; the current one is kept first.

    A healthy current database is backed up as 'pre-restore'; a damaged one is moved aside. Close
    every connection to the database before calling this.
    """
    require_aware(now, what="now")
    backup, db_path = Path(backup), Path(db_path)
    report = check_database(backup)
    if not report.ok:
        raise CorruptDatabase(
            f"The backup {backup.name} cannot be used ({report.detail}). "
            "Nothing was changed; choose another backup."
        )
    require_ours(backup)
    current = check_database(db_path)
    if current.ok:
        require_ours(db_path)
        write_backup(db_path, new_backup_path(backups_dir, now=now, reason="pre-restore"))
        _empty_log(db_path)
    elif current.kind == "unreadable":
        raise StoreUnwritable(
            f"The training log at {db_path} cannot be read ({current.detail}), so it was not "
            "replaced. Check that it is a file and belongs to you."
        )
    elif current.kind != "missing":
        quarantine(db_path, now=now)
    write_backup(backup, db_path)
    for stale in companions(db_path):
        stale.unlink(missing_ok=True)
    sync_folder(db_path.parent)
    log.warning("Restored %s from %s", db_path, backup)


def _empty_log(db_path: Path) -> None:
    """Fold the write-ahead log into the old file, so a leftover log can never be replayed onto
    the restored one, even after a crash between the swap and its removal."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        conn.close()
    if busy:
        raise StoreBusy(
            "The training log is still open elsewhere, so it was not replaced. Close Cramproof "
            "everywhere and restore again."
        )
