"""Child process for the window test without an audio output: the real window and its real
Qt Multimedia player in a process of its own (Qt picks its audio server once per process).

Run as `python -m tests.ui.no_sound_window_child DATA_DIR SCREENSHOT`, with PULSE_SERVER
pointing nowhere. Opens gym mode on a fresh log as `cramproof gym heavy` does, presses no key,
and prints, as JSON, what the gym screen's sound label and the status line say after the
screen has been up a moment.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app import StartedWindow, start_window
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.view import GymView


def run(data_dir: Path, screenshot: Path) -> dict[str, object]:
    QApplication(sys.argv[:1])
    shown = start_window(AppPaths(data_dir=data_dir, log_dir=data_dir / "logs"), gym_kind="heavy")
    assert isinstance(shown, StartedWindow), shown
    try:
        window = shown.window
        deadline = QDeadlineTimer(20_000)
        while getattr(getattr(window, "gym", None), "view", None) is None:
            if deadline.hasExpired():
                raise SystemExit("timed out waiting for gym mode")
            QTest.qWait(20)
        view = window.gym.view
        assert isinstance(view, GymView)
        first = view.progress.text()  # as gym mode is first drawn
        QTest.qWait(1000)  # the screen up a moment, no key pressed
        window.grab().save(str(screenshot))
        return {
            "first": first,
            "progress": view.progress.text(),
            "status": window.statusBar().currentMessage(),
            "stage": view.session.stage.name,
            "reason": view.player.unavailable_reason,
        }
    finally:
        shown.window.close()
        shown.shut_down()


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), Path(sys.argv[2]))), flush=True)
