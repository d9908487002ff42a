"""The voice in the real window: a resumed session is said aloud through the app's own path, and
without a speech engine the chime is still heard and the status bar says once why there is no
voice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow, start_window
from desktop.gym.opening.start import start_workout
from desktop.runtime.paths import AppPaths
from desktop.ui.shell.main_window import MainWindow
from tests.audio_server import PulseServer, recording, run_audio_child
from tests.fake_clock import FakeClock
from tests.gym_support import lift_set
from tests.planning_support import OFFSCREEN_SIZE_HINTS, open_test_store
from tests.ui.test_sound_audio import LOUD, bursts

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS, "pipewire", "PulseAudioService")
NO_DISPATCHER = "unix_socket:/nonexistent/speechd.sock"  # as if speech-dispatcher were absent


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")


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


@pytest.mark.audio
def test_without_a_speech_engine_the_chime_is_heard_and_the_status_line_says_why_once(
    audio_server: PulseServer, data_dir: Path
) -> None:
    """The window in a process of its own, playing into the test's PulseAudio server: its first
    rest's ready chime is recorded from the sink, and the reason there is no voice is shown once
    over two rests."""
    screenshot = data_dir.parent / "no-voice.png"
    env = audio_server.client_env(SPEECHD_ADDRESS=NO_DISPATCHER)
    child = ["-m", "tests.ui.no_voice_window_child", str(data_dir), str(screenshot)]
    with recording(audio_server) as samples:
        seen = run_audio_child(child, env)
    why = "Voice is off: Connection to speech-dispatcher failed"
    assert seen["reason"] == why
    assert seen["stages"] == ["RESTING", "RESTING"], "two sets saved, each starting a rest"
    assert seen["lines"].count(why) == 1, seen["lines"]
    assert seen["cues"][0] == "ready", seen["cues"]
    assert max(map(abs, samples)) > LOUD, "the ready chime is heard without a voice"
    assert len(bursts(samples)) >= 3, "the chime's three beeps"
    assert screenshot.is_file()
