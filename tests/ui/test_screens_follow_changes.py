"""A set logged in gym mode reaches Progress, History and the Plan cell by itself.

Through the real window: the screens redraw from the log's one change notification, not because
the runner pressed F3 or F4 (Screens.show puts a page on screen without asking it to re-read).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.gym.workout import Stage
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.view import GymView
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import FORM, OFFSCREEN_SIZE_HINTS, WEEK1, Harness, open_harness
from tests.ui.gym_ui import leave_start_loads

# Gym mode loads QtMultimedia, which reports a missing sound server here.
pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS, "pipewire", "PulseAudioService", "Qt multimedia"
)


@pytest.fixture
def harness(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir) as opened:
        opened.planning.set_up(FORM)
        opened.clock.set_day(WEEK1)
        yield opened


@pytest.fixture
def window(qtbot: QtBot, harness: Harness, data_dir: Path) -> Iterator[MainWindow]:
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    shown = MainWindow(paths=paths, now=harness.clock)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.attach_store(harness.store)
    yield shown
    shown.gym.close()


def today_cell(window: MainWindow) -> str:
    plan = window.plan_view
    assert plan is not None
    today = next(entry for entry in plan.overview.days if entry.is_today)
    cell = plan.table.day_cell(today.day_id)
    assert cell is not None
    item = plan.table.item(*cell)
    return item.text()


def log_one_set(qtbot: QtBot, gym: GymView) -> None:
    """Space starts the set, Space ends it, Enter saves it as shown (Esc first to each
    first-time load question: the loads are left to the form)."""
    leave_start_loads(qtbot, gym)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Space, Qt.Key.Key_Return):
        qtbot.keyClick(gym, key)
    assert gym.session.stage is Stage.RESTING, gym.session.message


def test_a_set_logged_in_gym_mode_reaches_every_screen_without_f3_or_f4(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.screens.show_progress()
    window.screens.show_history()
    progress, history = window.screens.progress_view, window.screens.history_view
    assert progress is not None and history is not None
    assert history.sessions_model.rowCount() == 0
    assert progress.data is not None and not progress.data.exercises
    cell_before = today_cell(window)

    gym = window.gym.open("heavy")
    assert gym is not None
    log_one_set(qtbot, gym)
    session_id = gym.session.session_id
    qtbot.keyClick(gym, Qt.Key.Key_Escape)
    qtbot.keyClick(gym, Qt.Key.Key_Return)  # leave gym mode: the plan is on show
    qtbot.waitUntil(lambda: window.gym.view is None)

    qtbot.waitUntil(lambda: today_cell(window) != cell_before)
    assert "◐" in today_cell(window), today_cell(window)
    window.screens.show(history)  # on screen, not asked to re-read
    qtbot.waitUntil(lambda: history.sessions_model.rowCount() == 1)
    assert history.sessions_model.session_at(0).id == session_id
    assert history.sets_model.rowCount() >= 1
    assert not history.message.text().startswith("No sessions yet"), "the empty-log note went"
    window.screens.show(progress)
    qtbot.waitUntil(lambda: bool(progress.data and progress.data.exercises))
