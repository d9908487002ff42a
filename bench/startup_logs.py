"""The logs the start-up benchmark opens, and how the runner's own start reaches them.

A runner starts Cramproof from the desktop entry: `cramproof` with no arguments, its data
folder the platform's (platformdirs). The 8-week log is opened that way, not with --data-dir,
so that resolving the default folder is measured too. Most of a runner's starts are the first
of their day (one gym session a day at most), and the first start of a day takes the daily
backup before the log is on screen: one candidate starts every time with only yesterday's
backup, of different content, so that the backup is written as on a runner's morning.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.backup import new_backup_path, write_backup
from desktop.runtime.paths import AppPaths, resolve_paths

Candidate = tuple[list[str], str, Path | None]


def desktop_action(python: str, home: Path) -> tuple[Candidate, AppPaths]:
    """`cramproof` with no arguments, its data and logs under `home` as XDG folders."""
    folders = {"XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state")}
    saved = {name: os.environ.get(name) for name in (*folders, "CRAMPROOF_DATA_DIR")}
    os.environ.pop("CRAMPROOF_DATA_DIR", None)
    os.environ.update(folders)
    try:  # platformdirs reads the environment itself
        paths = resolve_paths(None, os.environ)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    command = ["env", "-u", "CRAMPROOF_DATA_DIR"]
    command += [f"{name}={value}" for name, value in folders.items()]
    return ([*command, python, "-m", "desktop"], "Cramproof", paths.log_file), paths


def yesterdays_backup_only(paths: AppPaths, older_log: Path) -> Callable[[], None]:
    """Before each start: the backups folder holds one backup, taken yesterday of `older_log`."""

    def reset() -> None:
        shutil.rmtree(paths.backups, ignore_errors=True)
        paths.backups.mkdir(mode=0o700)
        yesterday = datetime.now(UTC) - timedelta(days=1)
        write_backup(older_log, new_backup_path(paths.backups, now=yesterday))

    return reset


def five_year_log(data_dir: Path, *, sets: int) -> None:
    from bench.synthetic import generate_years

    data_dir.mkdir()
    generate_years(data_dir / "cramproof.db", years=5, sets=sets)
