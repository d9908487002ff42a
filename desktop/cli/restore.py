"""`cramproof restore [BACKUP|latest]`: list the backups, or put one back (the current is kept)."""

from __future__ import annotations

import argparse
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.cli.guard import describe_os_error, fail, say
from desktop.runtime.paths import AppPaths, ensure_private_dir


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "restore", help="list backups, or replace the database with one (the current is kept)"
    )
    parser.add_argument(
        "backup", nargs="?", metavar="BACKUP", help="a backup file, or 'latest'; omit to list"
    )
    return parser


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from db.backup import list_backups, restore_backup
    from desktop.runtime.log_owner import not_ours

    refusal = None if args.backup is None else not_ours(paths)
    if refusal:  # before the lock is made beside another program's file
        return fail(refusal)
    backups = list_backups(paths.backups) if paths.backups.is_dir() else []
    if args.backup is None:
        if not backups:
            say(f"No backups in {paths.backups}")
        for info in backups:
            say(f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {info.reason or '':<14} {info.path}")
        return 0
    if args.backup == "latest":
        if not backups:
            return fail(f"no backups in {paths.backups}")
        chosen = backups[0].path
    else:
        chosen = Path(args.backup).expanduser()
    if not chosen.is_file():
        return fail(_not_a_backup(chosen))
    # Only QtCore (no display): the same lock the window holds, so a log is never swapped
    # from under an open window.
    from desktop.ui.shell.single_instance import acquire_lock

    try:
        note = ensure_private_dir(paths.data_dir)
        lock = acquire_lock(paths.lock_file)
    except OSError as error:
        return fail(f"cannot restore into {paths.data_dir}: {describe_os_error(error)}")
    if note:
        logging.getLogger(__name__).warning("%s", note)  # shown with --verbose
    if lock is None:
        return fail(f"Cramproof is open on {paths.data_dir}: close it, then restore")
    try:
        restore_backup(chosen, paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
    finally:
        lock.unlock()
    say(f"Restored {chosen} into {paths.database}")
    return 0


def _not_a_backup(path: Path) -> str:
    """Why `path` is no backup: missing, or a folder, a named pipe... (not "no such file")."""
    from db.atomic import describe_kind, shown

    try:
        mode = path.stat().st_mode
    except OSError:
        return f"no such backup file: {shown(path)}"
    return f"{shown(path)} is {describe_kind(mode)}, not a backup file"
