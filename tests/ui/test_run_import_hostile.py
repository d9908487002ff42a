"""Hostile paths dropped on the window (or picked, or in a watched folder): a symlink, a FIFO, a
device, a huge file, an empty one, a folder named x.fit. One line each, never a hang or a
traceback, and the good run beside them still imports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from desktop.runs.importing.batch import BatchResult
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import OFFSCREEN_SIZE_HINTS, Harness
from tests.runs.fit_builder import Leg, fit_bytes
from tests.ui.run_import_support import drag, harness, import_dialog, stored_runs, window

__all__ = ["harness", "window"]
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def _hostile(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    good = folder / "good.fit"
    good.write_bytes(fit_bytes([Leg("running", 900)]))
    (folder / "link.fit").symlink_to(good)
    (folder / "loop").symlink_to(folder)  # a folder that contains itself
    os.mkfifo(folder / "pipe.fit")
    (folder / "device.fit").symlink_to("/dev/zero")
    with (folder / "huge.fit").open("wb") as huge:
        huge.truncate(1024**3)  # 1 GB, sparse
    (folder / "empty.gpx").write_bytes(b"")
    (folder / "x.fit").mkdir()
    return {
        "folder": folder,
        "pipe": folder / "pipe.fit",
        "zero": Path("/dev/zero"),
        "link": folder / "link.fit",
        "dir": folder / "x.fit",
        "huge": folder / "huge.fit",
    }


def test_hostile_paths_give_one_line_each(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    paths = _hostile(tmp_path / "hostile")
    ended: list[BatchResult] = []
    window.screens.run_imports.batch_ended.connect(ended.append)
    _enter, drop = drag(window, [QUrl.fromLocalFile(str(p)) for p in paths.values()])
    assert drop.isAccepted()
    dialog = import_dialog(qtbot, window)
    qtbot.waitUntil(lambda: bool(ended), timeout=30_000)
    lines = {f"{o.path.name}: {o.line}" for o in ended[0].outcomes}
    assert all("\n" not in line and "Traceback" not in line for line in lines)
    assert lines == {
        "good.fit: imported a 2.7 km run of 2027-03-14",
        "pipe.fit: unreadable: a named pipe or device, not a file",
        "huge.fit: unreadable: 1024 MB is far larger than any activity file",
        "empty.gpx: unreadable: empty file",
        "x.fit: unreadable: a folder, not a file",
        "zero: unreadable: not a FIT, GPX or TCX file",
        "link.fit: already there (a 2.7 km run of 2027-03-14)",  # named: followed
        # Found in the folder: not followed (a loop, a device), and said so.
        "link.fit: skipped: a symbolic link, not followed (import what it points to)",
        "loop: skipped: a symbolic link, not followed (import what it points to)",
        "device.fit: skipped: a symbolic link, not followed (import what it points to)",
    }
    assert dialog.summary.isVisible()
    assert len(stored_runs(harness)) == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closed by a key, as a runner does
    qtbot.waitUntil(lambda: not dialog.isVisible())
