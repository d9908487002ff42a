"""Backing up and restoring the open training log from inside the app (Qt-free use cases)."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from db.backup import good_backups, new_backup_path, prune_backups, restore_backup, write_backup
from db.errors import StoreError
from db.records import BackupInfo
from db.restore_loss import restore_loss
from db.store import Store, open_store

log = logging.getLogger(__name__)


def back_up_now(store: Store, *, now: datetime) -> Path:
    """Write a 'manual' backup beside the log and keep only the newest ones."""
    written = write_backup(store.path, new_backup_path(store.backups_dir, now=now, reason="manual"))
    prune_backups(store.backups_dir)
    return written


def restorable_backups(backups_dir: Path) -> list[BackupInfo]:
    """The backups a restore may offer, newest first: those that open as a sound log."""
    return good_backups(backups_dir)


def restore_loss_words(store: Store, backup: Path) -> str | None:
    """What the log holds that `backup` does not ("the runner Ben, 2 sessions, 14 sets"), for
    the question before a restore: "" when nothing would go, None when it cannot be told."""
    try:
        return restore_loss(store.conn, backup).words
    except (StoreError, sqlite3.Error, OSError) as error:
        log.warning("Could not compare the log with %s: %s", backup, error)
        return None


def restore_and_reopen(store: Store, backup: Path, *, now: datetime) -> tuple[Store, str | None]:
    """Swap the log for `backup` and reopen it; on failure reopen the untouched log.

    Returns the open store and, if the restore was refused, the reason to show. The current log is
    always backed up (or, if damaged, moved aside) by restore_backup before it is replaced.
    """
    if store.read_only:  # nothing can be written there: keep the log open as it is
        return store, (
            f"The training log is open read-only ({store.path.parent} cannot be written to), "
            "so no backup can be restored into it."
        )
    db_path, backups_dir = store.path, store.backups_dir
    store.close()
    problem = None
    try:
        restore_backup(backup, db_path, backups_dir=backups_dir, now=now)
    except StoreError as error:
        log.error("Restore of %s refused: %s", backup, error.message)
        problem = error.message
    return open_store(db_path, backups_dir=backups_dir, now=now), problem
