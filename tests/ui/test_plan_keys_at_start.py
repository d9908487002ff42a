"""The first key of a start lands on the plan's weeks, as the screen shows.

The plan table asked for the keyboard while the plan was built, before it was in the window; Qt
forgot it, and when the window became active it gave the keys to the first control, the athlete
box: a runner's first Down picked "Add athlete…" and opened the set-up form over their plan.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.store import open_store
from desktop.app import StartedWindow, start_window
from desktop.plan.planning import Planning
from desktop.plan.setup_form import SetupForm
from desktop.runtime.paths import AppPaths
from desktop.ui.plan.table import PlanTable
from tests.planning_support import OFFSCREEN_SIZE_HINTS

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def test_the_first_down_moves_in_the_plan(
    qtbot: QtBot, tmp_path: Path, started: list[StartedWindow]
) -> None:
    data = tmp_path / "data"
    now = datetime.now(UTC)
    race = now.date().replace(year=now.year + 1)
    with open_store(data / "cramproof.db", backups_dir=data / "backups", now=now) as store:
        Planning(store, now=lambda: now).set_up(SetupForm(name="Ana", race_date=str(race)))
    shown = start_window(AppPaths(data_dir=data, log_dir=tmp_path / "logs"))
    assert isinstance(shown, StartedWindow), f"the window was refused (exit {shown})"
    started.append(shown)
    qtbot.waitUntil(lambda: shown.opened, timeout=10_000)
    window = shown.window
    window.activateWindow()  # as the window manager does once the window is mapped
    qtbot.waitUntil(window.isActiveWindow)
    table = window.findChild(PlanTable)
    assert table is not None
    assert window.focusWidget() is table, "the keys are on the weeks"
    row = table.currentRow()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Down)
    assert table.currentRow() == row + 1
    assert QApplication.activeModalWidget() is None, "no set-up form over the plan"
    assert window.windowTitle().startswith("Ana"), "still Ana's plan"
