"""F5 in the taper: no strength work three weeks out, said before any session starts.

The runner presses F5 on the Plan two weeks before race day: a large question says so, Enter goes
back to the plan with nothing written, S starts a session anyway. Leaving a session before any
set (Esc, Enter) leaves no empty session to be offered at the next start.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from db.sessions import open_sessions, sessions_for_athlete
from desktop.domain.gym.workout import Stage
from desktop.runtime.paths import AppPaths
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import FORM, OFFSCREEN_SIZE_HINTS, RACE, WEEK1, Harness, open_harness
from tests.ui.gym_ui import leave_start_loads

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)

TWO_WEEKS_OUT = RACE - timedelta(weeks=2)


@pytest.fixture
def planned(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir) as harness:
        harness.planning.set_up(FORM)
        yield harness


def shown_window(qtbot: QtBot, harness: Harness, data_dir: Path) -> MainWindow:
    window = MainWindow(
        paths=AppPaths(data_dir=data_dir, log_dir=data_dir / "logs"), now=harness.clock
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.attach_store(harness.store)
    for _ in range(5):  # the check-in and the rest of start-up's next turns
        qtbot.wait(20)
    if window.plan_actions.dialog is not None:
        window.plan_actions.dialog.reject()
    return window


def answer_with(qtbot: QtBot, key: Qt.Key, seen: dict[str, object], shot: Path) -> QTimer:
    """Press `key` on the question box once it is up, as the runner would."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            poller.stop()
            label = box.findChild(QLabel, "qt_msgbox_label")
            assert isinstance(label, QLabel)
            seen["text"], seen["px"] = box.text(), label.font().pixelSize()
            box.grab().save(str(shot))
            qtbot.keyClick(box, key)

    poller = QTimer()
    poller.setInterval(10)
    poller.timeout.connect(answer)
    poller.start()
    return poller


def test_f5_in_the_taper_says_so_and_enter_goes_back_to_the_plan(
    qtbot: QtBot, planned: Harness, data_dir: Path, tmp_path: Path
) -> None:
    planned.clock.set_day(TWO_WEEKS_OUT)
    window = shown_window(qtbot, planned, data_dir)
    assert window.centralWidget().currentWidget() is window.plan_view
    seen: dict[str, object] = {}
    poller = answer_with(qtbot, Qt.Key.Key_Return, seen, tmp_path / "taper.png")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    poller.stop()
    assert str(seen["text"]).startswith("Taper: no strength work \u2014 arrive fresh")
    assert "Race day is in 14 days" in str(seen["text"])
    assert int(seen["px"]) >= 26, "as large as gym mode's own questions"  # type: ignore[call-overload]
    assert window.gym.view is None
    assert window.centralWidget().currentWidget() is window.plan_view
    assert sessions_for_athlete(planned.store, planned.athlete_id()) == []
    assert "taper" in window.statusBar().currentMessage()
    window.close()


def test_s_in_the_taper_starts_a_session_anyway(
    qtbot: QtBot, planned: Harness, data_dir: Path, tmp_path: Path
) -> None:
    planned.clock.set_day(TWO_WEEKS_OUT)
    window = shown_window(qtbot, planned, data_dir)
    window.statusBar().showMessage("No session started: taper, arrive fresh.")  # a first F5's
    seen: dict[str, object] = {}
    poller = answer_with(qtbot, Qt.Key.Key_S, seen, tmp_path / "taper.png")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.gym.view is not None)
    poller.stop()
    gym = window.gym.view
    assert gym is not None and window.centralWidget().currentWidget() is gym
    assert gym.session.stage is Stage.READY
    assert "No session started" not in window.statusBar().currentMessage()
    window.close()


def test_leaving_a_session_before_any_set_leaves_none_open(
    qtbot: QtBot, planned: Harness, data_dir: Path, tmp_path: Path
) -> None:
    planned.clock.set_day(WEEK1 + timedelta(days=6))  # the first double day: no taper
    window = shown_window(qtbot, planned, data_dir)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    gym = window.gym.view
    assert gym is not None
    leave_start_loads(qtbot, gym)  # the first-time load questions: left to the form
    qtbot.keyClick(gym, Qt.Key.Key_Escape)
    qtbot.keyClick(gym, Qt.Key.Key_Return)
    assert window.gym.view is None
    assert open_sessions(planned.store, planned.athlete_id()) == []
    seen: dict[str, object] = {}
    poller = answer_with(qtbot, Qt.Key.Key_Return, seen, tmp_path / "asked.png")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    poller.stop()
    assert "text" not in seen, f"the next start asked: {seen.get('text')}"
    assert window.gym.view is not None and window.gym.view.session.stage is Stage.READY
    window.close()


def test_the_plan_in_the_taper_shows_this_week_not_the_first(
    qtbot: QtBot, planned: Harness, data_dir: Path
) -> None:
    """Found by a trial: with no double day left, the side panel described week 1."""
    planned.clock.set_day(TWO_WEEKS_OUT)
    window = shown_window(qtbot, planned, data_dir)
    view = window.plan_view
    assert view is not None
    text = view.detail.text()
    assert "Taper: no strength double days" in text
    assert "Week 1 " not in text
    window.close()
