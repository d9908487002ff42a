"""The voice in the real window: a resumed session is said aloud through the app's own path, and
without a speech engine the status bar says once why there is no voice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow, start_window
from desktop.domain.gym.workout import Stage
from desktop.gym.opening.start import start_workout
from desktop.runtime.paths import AppPaths
from desktop.ui.shell.main_window import MainWindow
from tests.fake_clock import FakeClock
from tests.gym_support import lift_set
from tests.planning_support import OFFSCREEN_SIZE_HINTS, open_test_store

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS, "pipewire", "PulseAudioService")
NO_DISPATCHER = "unix_socket:/nonexistent/speechd.sock"  # as if speech-dispatcher were absent


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[list[StartedWindow]]:
    held: list[StartedWindow] = []
    yield held
    for window in held:
        window.window.close()
        window.shut_down()


def crash_mid_rest(paths: AppPaths) -> None:
    """A heavy session left open after its first set, two minutes ago, as a SIGKILL leaves it."""
    store = open_test_store(paths.data_dir)
    try:
        clock = FakeClock(start=5000.0, wall=datetime.now(UTC) - timedelta(minutes=2))
        lift_set(start_workout(store, clock=clock, kind="heavy"), clock)
    finally:
        store.close()


class ResumeAnswerer:
    """Presses Enter on the resume question when it shows (Resume is its default button),
    listening first to what the window's voice is handed to say."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.questions: list[str] = []
        self.said: list[str] = []
        self.timer = QTimer(interval=50)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible() or self.questions:
            return
        self.questions.append(box.text())
        window = box.parentWidget()
        if isinstance(window, MainWindow):
            window.gym.voice.words_sent.connect(self.said.append)
        self.qtbot.keyClick(box, Qt.Key.Key_Return)


def gym_view(shown: StartedWindow) -> object | None:
    """Gym mode, once the log is attached and it has opened."""
    return getattr(getattr(shown.window, "gym", None), "view", None)


def test_a_resumed_session_is_said_aloud(
    qtbot: QtBot, paths: AppPaths, started: list[StartedWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The words reach the speech process whether or not a daemon answers it; none is shared.
    monkeypatch.setenv("SPEECHD_ADDRESS", NO_DISPATCHER)
    crash_mid_rest(paths)
    answerer = ResumeAnswerer(qtbot)
    shown = start_window(paths, gym_kind="today")
    assert isinstance(shown, StartedWindow)
    started.append(shown)
    qtbot.waitUntil(lambda: gym_view(shown) is not None, timeout=15_000)
    answerer.timer.stop()
    [question] = answerer.questions
    assert question.startswith("Your heavy session from"), question
    assert shown.window.centralWidget().currentWidget() is shown.window.gym.view
    qtbot.waitUntil(lambda: bool(answerer.said), timeout=5_000)
    assert answerer.said == ["Resumed: Back squat, set 2 of 3."]


def press(qtbot: QtBot, shown: StartedWindow, *keys: Qt.Key) -> None:
    for key in keys:
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, key)


def test_without_a_speech_engine_the_status_line_says_why_once(
    qtbot: QtBot, paths: AppPaths, started: list[StartedWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPEECHD_ADDRESS", NO_DISPATCHER)
    shown = start_window(paths, gym_kind="heavy")
    assert isinstance(shown, StartedWindow)
    started.append(shown)
    qtbot.waitUntil(lambda: gym_view(shown) is not None, timeout=15_000)
    status = shown.window.statusBar()
    shown_lines: list[str] = []
    status.messageChanged.connect(shown_lines.append)
    gym = shown.window.gym.view
    press(qtbot, shown, Qt.Key.Key_Space, Qt.Key.Key_Space, Qt.Key.Key_Return)
    assert gym.session.stage is Stage.RESTING, "the first rest began: the voice gets ready"
    why = "Voice is off: Connection to speech-dispatcher failed"
    qtbot.waitUntil(lambda: status.currentMessage() == why, timeout=20_000)
    press(qtbot, shown, Qt.Key.Key_Space)  # the next set, before the rest's end…
    if gym.session.prompt is not None:
        press(qtbot, shown, Qt.Key.Key_Space)  # …confirmed
    assert gym.session.stage is Stage.LIFTING
    press(qtbot, shown, Qt.Key.Key_Space, Qt.Key.Key_Return)
    assert gym.session.stage is Stage.RESTING, "a second rest"
    qtbot.wait(500)
    assert shown_lines.count(why) == 1, shown_lines
    shown.window.grab().save(str(paths.data_dir / "no-voice.png"))
