"""Child process for the window test without a speech engine: the real window in a process of its
own, so its Qt Multimedia plays into the PulseAudio server the test recorded from (Qt picks its
audio server once per process, at the first sound).

Run as `python -m tests.ui.no_voice_window_child DATA_DIR SCREENSHOT`, with SPEECHD_ADDRESS
pointing nowhere and PULSE_SERVER at the test's server. The log holds a plan for today whose
heavy rests are 3-5 s, so the first rest's ready chime comes while the test listens. Keys as a
runner presses them: Space, Space, Enter (first set, rest begins); once the ready cue sounded,
Space, Space, Enter again (second set, second rest). Prints what the runner saw, as JSON.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app import StartedWindow, start_window
from desktop.domain.gym.workout import Prompt
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.gym_support import open_log, plan_for_today

SHORT_RESTS = {"heavy_rest_s": [3, 5]}
WAIT_MS = 20_000


def wait_until(ready: Callable[[], bool], what: str) -> None:
    """Turn the event loop until `ready()`; fail the child, saying what never came."""
    deadline = QDeadlineTimer(WAIT_MS)
    while not ready():
        if deadline.hasExpired():
            raise SystemExit(f"timed out waiting for {what}")
        QTest.qWait(20)


def press(*keys: Qt.Key) -> None:
    for key in keys:
        focus = QApplication.focusWidget()
        if focus is None:
            raise SystemExit("no widget has the keyboard focus")
        QTest.keyClick(focus, key)


def lift_a_set(view: GymView) -> None:
    """Space (start), Space (done), Enter (save as shown); an early start is confirmed, and a
    first-time load question is left to the form (Esc) first."""
    while view.session.prompt is Prompt.START_LOAD:
        press(Qt.Key.Key_Escape)
    press(Qt.Key.Key_Space)
    if view.session.prompt is not None:
        press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Space, Qt.Key.Key_Return)


def plan_short_rests(data_dir: Path) -> None:
    store = open_log(data_dir, now=datetime.now(UTC))
    try:
        plan_for_today(store, FakeClock(start=0.0, wall=datetime.now(UTC)), options=SHORT_RESTS)
    finally:
        store.close()


def run(data_dir: Path, screenshot: Path) -> dict[str, object]:
    plan_short_rests(data_dir)
    QApplication(sys.argv[:1])
    shown = start_window(AppPaths(data_dir=data_dir, log_dir=data_dir / "logs"), gym_kind="heavy")
    assert isinstance(shown, StartedWindow), shown
    try:
        window = shown.window
        wait_until(
            lambda: getattr(getattr(window, "gym", None), "view", None) is not None, "gym mode"
        )
        view = window.gym.view
        assert isinstance(view, GymView)
        status = window.statusBar()
        lines: list[str] = []
        cues: list[str] = []
        status.messageChanged.connect(lines.append)
        view.rests.cue_reached.connect(cues.append)
        lift_a_set(view)
        stages = [view.session.stage.name]
        voice = window.gym.voice
        wait_until(lambda: "ready" in cues, "the ready cue")
        wait_until(lambda: voice.unavailable_reason in lines, "the status line's reason")
        lift_a_set(view)
        stages.append(view.session.stage.name)
        QTest.qWait(1500)  # the chime plays out; a second "why" would have come by now
        window.grab().save(str(screenshot))
        return {"lines": lines, "cues": cues, "stages": stages, "reason": voice.unavailable_reason}
    finally:
        shown.window.close()
        shown.shut_down()


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), Path(sys.argv[2]))), flush=True)
