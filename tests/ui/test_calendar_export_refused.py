"""Plan → Export to calendar aimed at a FIFO or a device: the window says why, nothing is
replaced, and no traceback reaches the terminal."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import FORM, WEEK1
from tests.test_atomic_writes import _leave_one_page, full_disk
from tests.ui.test_main_window_planning import Harness, harness, open_window

__all__ = ["full_disk", "harness", "open_window"]  # fixtures, used by name


def _answer_the_box(seen: list[str], tmp_path: Path) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _answer_the_box(seen, tmp_path))
        return
    box.grab().save(str(tmp_path / "refused.png"))
    seen.append(box.text())
    box.accept()


def test_a_calendar_export_to_a_full_disk_says_so_and_leaves_nothing(
    qtbot: QtBot,
    open_window: Callable[[], MainWindow],
    harness: Harness,
    tmp_path: Path,
    full_disk: Path,
) -> None:
    harness.planning.set_up(FORM)
    harness.clock.set_day(WEEK1)
    window = open_window()
    _leave_one_page(full_disk)
    before = sorted(full_disk.iterdir())
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_the_box(seen, tmp_path))
    window.plan_actions.export_to(full_disk / "calendar.ics")
    assert len(seen) == 1 and "No space left on device" in seen[0], seen
    assert sorted(full_disk.iterdir()) == before
    assert not window.statusBar().currentMessage().startswith("Exported")


def test_a_calendar_export_to_a_fifo_is_refused_in_a_message(
    qtbot: QtBot, open_window: Callable[[], MainWindow], harness: Harness, tmp_path: Path
) -> None:
    harness.planning.set_up(FORM)
    harness.clock.set_day(WEEK1)
    window = open_window()
    pipe = tmp_path / "calendar.ics"
    os.mkfifo(pipe)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        box.grab().save(str(tmp_path / "refused.png"))
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    window.plan_actions.export_to(pipe)
    assert len(seen) == 1 and "named pipe (FIFO)" in seen[0] and str(pipe) in seen[0]
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert not window.statusBar().currentMessage().startswith("Exported")
