"""The day's first start puts the log on screen, then backs it up before a key can change it.

The daily backup used to be written while the log opened, before the plan was shown: on most of
a runner's starts (the first of their day) they waited for a copy of the whole log. It is now
taken right after the screen is painted, before the event loop runs again, so the backup is
still the log as it was opened. `cramproof gym` starts a session while opening: there the backup
comes first, so that it holds no session the runner has not started.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.backup import list_backups, new_backup_path, write_backup
from db.store import open_store
from desktop.app import StartedWindow, start_window
from desktop.runtime.paths import AppPaths
from tests.hostile_support import make_log_as
from tests.planning_support import OFFSCREEN_SIZE_HINTS

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def _morning(tmp_path: Path) -> AppPaths:
    """Ana's log, whose newest backup is yesterday's and older than the log."""
    data = tmp_path / "data"
    data.mkdir()
    make_log_as(data, as_nobody=False)
    shutil.rmtree(data / "backups", ignore_errors=True)
    older = tmp_path / "older"
    older.mkdir()
    open_store(older / "cramproof.db", backups_dir=older / "b", now=datetime.now(UTC)).close()
    yesterday = datetime.now(UTC) - timedelta(days=1)
    write_backup(older / "cramproof.db", new_backup_path(data / "backups", now=yesterday))
    return AppPaths(data_dir=data, log_dir=tmp_path / "logs")


def _open(qtbot: QtBot, paths: AppPaths, started: list[StartedWindow], gym: str | None) -> None:
    shown = start_window(paths, gym_kind=gym)
    assert isinstance(shown, StartedWindow), f"the window was refused (exit {shown})"
    started.append(shown)
    qtbot.waitUntil(lambda: shown.opened, timeout=10_000)


def _sessions(backup: Path) -> int:
    with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as db:
        return int(db.execute("SELECT count(*) FROM sessions").fetchone()[0])


def test_the_plan_is_on_screen_before_the_day_s_backup(
    qtbot: QtBot, tmp_path: Path, started: list[StartedWindow]
) -> None:
    paths = _morning(tmp_path)
    _open(qtbot, paths, started, gym=None)
    todays = list_backups(paths.backups)[0]
    assert todays.taken_at.date() == datetime.now(UTC).date(), "today's backup was written"
    lines = paths.log_file.read_text(encoding="utf-8").splitlines()
    shown = next(n for n, line in enumerate(lines) if "Main window shown" in line)
    backed_up = next(n for n, line in enumerate(lines) if "Backed up" in line)
    assert shown < backed_up


def test_cramproof_gym_backs_up_before_its_session_starts(
    qtbot: QtBot, tmp_path: Path, started: list[StartedWindow]
) -> None:
    paths = _morning(tmp_path)
    _open(qtbot, paths, started, gym="heavy")
    window = started[0].window
    assert window.gym.view is not None, "gym mode is on screen"
    todays = list_backups(paths.backups)[0]
    assert todays.taken_at.date() == datetime.now(UTC).date()
    assert _sessions(todays.path) == 0, "the backup holds the log as it was opened"
    with sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True) as db:
        assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
