"""Open the store at start, and when it is damaged, let the runner choose how to recover.

Qt-free so that the recovery rules (never overwrite, offer the newest good backup) are tested
without a display; the window supplies `ask`, which shows the problem and returns a choice.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path

from db.backup import restore_backup
from db.errors import CorruptDatabase, NotADatabase, StoreError, StoreUnwritable
from db.lean_dataclass import frozen_dataclass
from db.records import BackupInfo
from db.store import Store, open_read_only, open_store
from desktop.runtime.paths import AppPaths, ensure_private_dir

log = logging.getLogger(__name__)

MAX_RECOVERY_ATTEMPTS = 3


class Choice(Enum):
    RESTORE = "restore"
    START_FRESH = "start_fresh"
    QUIT = "quit"


@frozen_dataclass
class StoreProblem:
    """What went wrong, in words a runner understands, and what can be done about it."""

    message: str
    moved_to: Path | None = None
    backup: BackupInfo | None = None

    @property
    def choices(self) -> tuple[Choice, ...]:
        if self.moved_to is None:
            return (Choice.QUIT,)
        if self.backup is None:
            return (Choice.START_FRESH, Choice.QUIT)
        return (Choice.RESTORE, Choice.START_FRESH, Choice.QUIT)


def open_or_recover(
    paths: AppPaths,
    *,
    now: Callable[[], datetime],
    ask: Callable[[StoreProblem], Choice],
    daily_backup: bool = True,
) -> Store | None:
    """Return an open store, or None when the runner quit or nothing can be opened safely.

    `daily_backup=False`: the caller takes the day's backup (`db.store.take_daily_backup`).
    """
    try:
        ensure_private_dir(paths.data_dir)
    except OSError as error:
        log.error("Data folder unusable: %s", error)
        ask(StoreProblem(f"Cramproof cannot use its data folder {paths.data_dir}: {error}"))
        return None
    for _attempt in range(MAX_RECOVERY_ATTEMPTS):
        try:
            return open_store(
                paths.database, backups_dir=paths.backups, now=now(), daily_backup=daily_backup
            )
        except (CorruptDatabase, NotADatabase) as error:
            log.error("Database unusable: %s (moved to %s)", error.message, error.moved_to)
            backup = error.backups[0] if error.backups else None
            problem = StoreProblem(error.message, moved_to=error.moved_to, backup=backup)
            choice = ask(problem)
            if choice is Choice.QUIT:
                return None
            if choice is Choice.RESTORE and backup is not None:
                try:
                    restore_backup(
                        backup.path, paths.database, backups_dir=paths.backups, now=now()
                    )
                except StoreError as restore_error:
                    log.error("Restore failed: %s", restore_error.message)
                    ask(StoreProblem(restore_error.message))
                    return None
        except StoreUnwritable as error:
            store = _read_only_instead(paths)
            if store is not None:
                log.warning("Opened read-only: %s", error.message)
                return store
            log.error("Database cannot be opened: %s", error.message)
            ask(StoreProblem(error.message))
            return None
        except StoreError as error:
            log.error("Database cannot be opened: %s", error.message)
            ask(StoreProblem(error.message))
            return None
    return None


def _read_only_instead(paths: AppPaths) -> Store | None:
    """A log that exists but may not be written (read-only folder, mount or file) is opened for
    reading, so the runner still sees the plan and the history; None when that is not possible."""
    folder_writable = os.access(paths.data_dir, os.W_OK)
    if not paths.database.is_file() or (folder_writable and os.access(paths.database, os.W_OK)):
        return None
    try:
        return open_read_only(paths.database, backups_dir=paths.backups)
    except StoreError as error:
        log.error("Not even read-only: %s", error.message)
        return None
