"""A window over a log with a plan, and a watch's folder of real FIT files (Garmin's Encoder),
for the tests of importing runs from the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from db.runs import runs_for
from desktop.runtime.paths import AppPaths
from desktop.ui.runs.import_dialog import ImportDialog
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import FORM, Harness, open_harness
from tests.runs.fit_builder import Leg, fit_bytes

DAY = 86_400


@pytest.fixture
def harness(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir) as opened:
        opened.planning.set_up(FORM)
        yield opened


@pytest.fixture
def window(qtbot: QtBot, harness: Harness, data_dir: Path) -> MainWindow:
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    shown = MainWindow(store=harness.store, paths=paths, now=harness.clock)
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)  # where the shortcuts work
    return shown


def write_watch(folder: Path, *, runs: int = 4, minutes: int = 20) -> Path:
    """`runs` runs a day apart (a-0.fit, a-1.fit, …), an empty file and a ride: a watch's folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for day in range(runs):
        leg = Leg("running", minutes * 60, offset_s=day * DAY)
        (folder / f"a-{day}.fit").write_bytes(fit_bytes([leg]))
    (folder / "x.fit").write_bytes(b"")
    (folder / "y-ride.fit").write_bytes(fit_bytes([Leg("cycling", 600, speed=8.0)]))
    return folder


def stored_runs(harness: Harness) -> list:
    return runs_for(harness.store, harness.athlete_id())


def answer_file_dialog(qtbot: QtBot, typed: str) -> Callable[[], None]:
    """Once the file dialog is up, type `typed` in its name field and press Enter, as a runner
    who knows the path would; returns the check that the dialog was answered."""
    answered: list[bool] = []

    def answer() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
        shown = [d for d in dialogs if d.isVisible()]
        if not shown:
            QTimer.singleShot(20, answer)
            return
        name = shown[0].findChild(QLineEdit)
        assert name is not None
        name.setText(typed)
        qtbot.keyClick(name, "\r")
        answered.append(True)

    QTimer.singleShot(20, answer)
    return lambda: bool(answered)


def import_dialog(qtbot: QtBot, window: MainWindow) -> ImportDialog:
    qtbot.waitUntil(lambda: window.screens.run_imports.dialog is not None)
    dialog = window.screens.run_imports.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def drag(window: MainWindow, urls: list[QUrl]) -> tuple[QDragEnterEvent, QDropEvent]:
    """A drag from a file manager onto the plan on show: its enter event and its drop."""
    mime = QMimeData()
    mime.setUrls(urls)
    target = window.centralWidget().currentWidget()
    where = QPoint(target.width() // 2, target.height() // 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, buttons, keys)
    drop = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    if enter.isAccepted():
        QApplication.sendEvent(target, drop)
    mime.setParent(window)  # kept until the events are done with it
    return enter, drop
