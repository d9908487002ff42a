"""`cramproof gym` through the real start-up path: gym mode is what the runner sees, with the keys.

The desktop entry's "Start today's session" runs this command. A session the runner never saw
(the window showing the welcome page or the Plan while a session was started behind it) is the
bug these tests keep out.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow, start_window
from desktop.domain.gym.workout import Stage
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.view import GymView
from desktop.ui.plan.checkin_dialog import CheckinDialog
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import (
    FORM,
    OFFSCREEN_SIZE_HINTS,
    WEEK1,
    open_harness,
    plan_a_build_up,
)
from tests.ui.gym_ui import leave_start_loads

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")


def start(
    qtbot: QtBot, paths: AppPaths, held: list[StartedWindow], kind: str | None
) -> StartedWindow:
    shown = start_window(paths, gym_kind=kind)
    assert isinstance(shown, StartedWindow), f"the window was refused ({shown})"
    held.append(shown)
    qtbot.waitUntil(lambda: shown.opened, timeout=10_000)
    # Whatever start-up does on the next turns of the event loop (the weekly check-in, the
    # second-day offer, the last screen) happens before the runner looks.
    for _ in range(5):
        qtbot.wait(20)
    return shown


def shown_gym(shown: StartedWindow) -> GymView:
    gym = shown.window.gym.view
    assert gym is not None, "no gym mode was opened"
    pages = shown.window.centralWidget()
    assert pages.currentWidget() is gym, f"the window shows {type(pages.currentWidget()).__name__}"
    assert gym.isVisible()
    return gym


@pytest.mark.parametrize("kind", ["today", "heavy", "light"])
@pytest.mark.parametrize("with_plan", [False, True], ids=["fresh", "planned"])
def test_gym_command_shows_gym_mode_with_the_keys(
    qtbot: QtBot, paths: AppPaths, started: list[StartedWindow], kind: str, with_plan: bool
) -> None:
    if with_plan:
        plan_a_build_up(paths.data_dir)
    shown = start(qtbot, paths, started, kind)
    gym = shown_gym(shown)
    focus = shown.app.focusWidget()
    assert focus is gym or (focus is not None and gym.isAncestorOf(focus)), focus
    assert gym.session.stage is Stage.READY
    leave_start_loads(qtbot, gym)  # a fresh log's first heavy session asks the loads first
    qtbot.keyClick(gym.focusWidget() or gym, Qt.Key.Key_Space)
    assert gym.session.stage is Stage.LIFTING, "Space reached the gym screen and started the set"
    assert shown_gym(shown) is gym


def test_gym_command_session_is_the_one_on_screen(
    qtbot: QtBot, paths: AppPaths, started: list[StartedWindow]
) -> None:
    plan_a_build_up(paths.data_dir)
    shown = start(qtbot, paths, started, "heavy")
    gym = shown_gym(shown)
    with sqlite3.connect(paths.database) as db:
        open_ids = [
            row[0]
            for row in db.execute("SELECT id FROM sessions WHERE state = ?", ("in_progress",))
        ]
    assert open_ids == [gym.session.session_id]


def test_a_due_check_in_waits_until_gym_mode_is_left(qtbot: QtBot, data_dir: Path) -> None:
    """The weekly check-in is asked on open, but not over the timer of a runner who came to lift."""
    with open_harness(data_dir) as harness:
        harness.planning.set_up(FORM)
        harness.clock.set_day(WEEK1 + timedelta(weeks=1, days=1))
        assert harness.planning.checkin_due() is not None
        paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
        window = MainWindow(paths=paths, now=harness.clock)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.attach_store(harness.store)  # as start-up does for `cramproof gym`
        gym = window.gym.open("heavy")
        assert gym is not None
        for _ in range(5):
            qtbot.wait(20)
        assert window.plan_actions.dialog is None, "no question covers gym mode"
        assert window.centralWidget().currentWidget() is gym
        assert QApplication.focusWidget() is gym.start_load.field, "the first load is asked"
        leave_start_loads(qtbot, gym)
        assert QApplication.focusWidget() is gym
        qtbot.keyClick(gym, Qt.Key.Key_Escape)
        qtbot.keyClick(gym, Qt.Key.Key_Return)  # leave gym mode
        qtbot.waitUntil(lambda: isinstance(window.plan_actions.dialog, CheckinDialog))
        window.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_gym_command_while_the_window_is_open_shows_gym_mode_there(
    qtbot: QtBot, paths: AppPaths, started: list[StartedWindow]
) -> None:
    """The desktop entry's "Start today's session" with Cramproof already open."""
    plan_a_build_up(paths.data_dir)
    first = start(qtbot, paths, started, None)  # opened from the menu: the Plan
    assert first.window.gym.view is None
    assert start_window(paths, gym_kind="heavy") == 0, "the open window answered"
    qtbot.waitUntil(lambda: first.window.gym.view is not None, timeout=5_000)
    gym = shown_gym(first)
    assert gym.session.plan.kind == "heavy"
    assert QApplication.focusWidget() is gym.start_load.field, "the first load is asked"
