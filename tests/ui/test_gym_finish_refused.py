"""Finish refused by the log (a full disk, a log gone read-only): the runner sees it at once.

At 1366x768 the summary's note and cramp report fill the screen: a refusal shown under them was
never seen, and Enter seemed to do nothing. It is said in the window's status line and at the top
of the summary, and Enter, pressed again once the disk has room, finishes the session.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.sessions import get_session
from desktop.domain.gym.workout import Stage
from desktop.runtime.paths import AppPaths
from desktop.ui.common.window_state import WindowState
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import OFFSCREEN_SIZE_HINTS, open_harness
from tests.ui.gym_ui import leave_start_loads

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def press(qtbot: QtBot, window: MainWindow, *keys: Qt.Key) -> None:
    for key in keys:
        qtbot.keyClick(QApplication.focusWidget() or window, key)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_refused_finish_is_said_at_the_top_and_enter_retries(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    with open_harness(data_dir) as harness:
        paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
        # Cues flash, no audio device is looked for: the status line is the log's to use.
        WindowState(paths.window_settings).set_sound(volume=1.0, muted=True, device=None)
        window = MainWindow(paths=paths, now=harness.clock)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.attach_store(harness.store)
        for _ in range(5):  # start-up's next turns, before the runner presses a key
            qtbot.wait(20)
        try:
            press(qtbot, window, Qt.Key.Key_F5)
            gym = window.gym.view
            assert gym is not None
            leave_start_loads(qtbot, gym)  # the first-time load questions: left to the form
            press(
                qtbot, window, Qt.Key.Key_Space, Qt.Key.Key_Space, Qt.Key.Key_Return
            )  # one set saved
            press(qtbot, window, Qt.Key.Key_E, Qt.Key.Key_Return)  # end the session: the summary
            assert gym.session.stage is Stage.SUMMARY
            qtbot.wait(50)  # the summary's layout settles, as it does before a runner reads it

            harness.store.db.execute("PRAGMA query_only = ON")  # the log refuses every write
            press(qtbot, window, Qt.Key.Key_Return)
            qtbot.wait(50)
            window.grab().save(str(tmp_path / "refused.png"))
            assert window.gym.view is gym and not gym.session.finished
            status = window.statusBar().currentMessage()
            assert status.startswith("Cramproof cannot save its training log"), status
            message = gym.summary.message
            assert message.isVisible() and message.text() == status
            shown = message.visibleRegion().boundingRect()
            assert shown.height() >= message.height() // 2, "the refusal is on screen, not below it"
            top = message.mapTo(gym, shown.topLeft()).y()
            assert top < gym.height() // 3, f"said at the top of the screen, not at y={top}"
            assert message.font().pixelSize() >= 22 and message.font().bold()

            harness.store.db.execute("PRAGMA query_only = OFF")  # room again
            press(qtbot, window, Qt.Key.Key_Return)  # the same key retries
            qtbot.waitUntil(lambda: window.gym.view is None)
            assert get_session(harness.store, gym.session.session_id).state == "finished"
        finally:
            window.close()
