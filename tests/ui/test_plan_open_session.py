"""A session left open by switching runner mid-rest is shown on her Plan, and F5 resumes it.

Two runners share the laptop: Ana rests between sets, Ben takes the keyboard (Alt+A, Down) and
gym mode is left. Back on Ana's Plan, "Nothing to lift today" hid that her session was still
open; the Plan now says so and its button resumes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.gym.workout import Prompt, Stage
from desktop.plan.setup_form import SetupForm
from desktop.runtime.paths import AppPaths
from desktop.ui.common.window_state import WindowState
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import FORM, OFFSCREEN_SIZE_HINTS, WEEK1, Harness, open_harness

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


@pytest.fixture
def two_runners(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir) as harness:
        ana = harness.planning.set_up(FORM)
        harness.planning.set_up(SetupForm(name="Ben", race_date="2027-04-18"))
        [athlete] = [a for a in harness.planning.athletes() if a.name == ana.athlete]
        harness.planning.switch_athlete(athlete.id)  # Ana's plan on show, Ben below her
        harness.clock.set_day(WEEK1)  # her first double day
        yield harness


def shown_window(qtbot: QtBot, harness: Harness, data_dir: Path) -> MainWindow:
    """The window over the two runners' log, muted, as it opens on the laptop."""
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    WindowState(paths.window_settings).set_sound(volume=1.0, muted=True, device=None)
    window = MainWindow(paths=paths, now=harness.clock)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.attach_store(harness.store)
    return window


def press(
    qtbot: QtBot,
    window: MainWindow,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_a_session_left_mid_rest_is_shown_on_the_plan_and_f5_resumes_it(
    qtbot: QtBot, two_runners: Harness, data_dir: Path, tmp_path: Path
) -> None:
    window = shown_window(qtbot, two_runners, data_dir)
    try:
        for _ in range(5):
            qtbot.wait(20)
        if window.plan_actions.dialog is not None:
            window.plan_actions.dialog.reject()
        press(qtbot, window, Qt.Key.Key_F5)
        gym = window.gym.view
        assert gym is not None
        while gym.session.prompt is Prompt.START_LOAD:  # the loads left to the form
            press(qtbot, window, Qt.Key.Key_Escape)
        for key in (Qt.Key.Key_Space, Qt.Key.Key_Space, Qt.Key.Key_Return):
            press(qtbot, window, key)
        assert gym.session.stage is Stage.RESTING
        session_id = gym.session.session_id

        press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        press(qtbot, window, Qt.Key.Key_Down)  # Ben
        qtbot.waitUntil(lambda: window.athlete_switcher.combo.currentText() == "Ben")
        press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        press(qtbot, window, Qt.Key.Key_Up)  # back to Ana
        qtbot.waitUntil(lambda: window.athlete_switcher.combo.currentText() == "Ana")
        for _ in range(3):
            qtbot.wait(20)
        if window.plan_actions.dialog is not None:
            window.plan_actions.dialog.reject()
        plan = window.plan_view
        assert plan is not None and window.centralWidget().currentWidget() is plan
        window.grab().save(str(tmp_path / "plan.png"))
        today = plan.today_label.text()
        assert "heavy session from" in today and "still open" in today, today
        assert "Nothing to lift" not in today
        assert plan.start_button.isEnabled()
        assert plan.start_button.text().replace("&", "") == "Resume heavy session"

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                poller.stop()
                qtbot.keyClick(box, Qt.Key.Key_Return)  # Resume, the default

        poller = QTimer()
        poller.setInterval(10)
        poller.timeout.connect(answer)
        poller.start()
        press(qtbot, window, Qt.Key.Key_F5)
        poller.stop()
        resumed = window.gym.view
        assert resumed is not None and resumed.session.session_id == session_id
        assert resumed.session.stage is Stage.RESTING
    finally:
        window.close()


def test_f5_for_the_other_runner_starts_their_own_session_not_hers(
    qtbot: QtBot, two_runners: Harness, data_dir: Path
) -> None:
    """Found by a trial: with Ana's session open, Ben's F5 offered hers, unnamed, and resumed
    it under his name. His F5 now starts his own; hers waits for her."""
    window = shown_window(qtbot, two_runners, data_dir)
    asked: list[str] = []

    def note_any_question() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            qtbot.keyClick(box, Qt.Key.Key_Escape)

    poller = QTimer()
    poller.setInterval(10)
    poller.timeout.connect(note_any_question)
    try:
        for _ in range(5):
            qtbot.wait(20)
        if window.plan_actions.dialog is not None:
            window.plan_actions.dialog.reject()
        ana_session = window.gym.open()
        assert ana_session is not None
        hers = ana_session.session.session_id
        window.gym.close()
        combo = window.athlete_switcher.combo
        ben = combo.findText("Ben")
        combo.setCurrentIndex(ben)
        combo.activated.emit(ben)
        if window.plan_actions.dialog is not None:
            window.plan_actions.dialog.reject()
        poller.start()
        his = window.gym.open()
        poller.stop()
        assert asked == [], f"Ben was asked about Ana's session: {asked}"
        assert his is not None and his.session.session_id != hers
        assert his.session.book.record.athlete_id != ana_session.session.book.record.athlete_id
    finally:
        poller.stop()
        window.close()
