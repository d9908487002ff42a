"""A sync client that writes a run in two parts, pausing between them: the first part is read
cut short (one box), and when the rest is written into the same file, which changes no folder,
the whole file is read again and imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.runs.importing.batch import BatchResult
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import OFFSCREEN_SIZE_HINTS, Harness
from tests.runs.fit_builder import Leg, fit_bytes
from tests.ui.run_import_support import harness, stored_runs, window
from tests.ui.test_watched_folder import _read

__all__ = ["harness", "window"]
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def test_a_file_cut_short_is_read_again_when_written_whole_in_place(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    whole = fit_bytes([Leg("running", 3600)])
    path = folder / "run.fit"
    path.write_bytes(whole[: len(whole) // 2])
    ended: list[BatchResult] = []
    window.screens.run_imports.batch_ended.connect(lambda r: _read(ended, r))
    watched = window.screens.watched_folder
    watched.set_folder(folder)
    qtbot.waitUntil(lambda: len(ended) == 1, timeout=20_000)
    assert [o.unreadable for o in ended[0].outcomes] == [True]
    assert str(path) in watched.watcher.files()

    inode = path.stat().st_ino
    with path.open("r+b") as file:  # the rest, into the same file: no folder changes
        file.seek(len(whole) // 2)
        file.write(whole[len(whole) // 2 :])
    assert path.stat().st_ino == inode
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=20_000)
    assert [o.line for o in ended[1].outcomes] == [
        f"imported a {stored_runs(harness)[0].distance_m / 1000:.1f} km run of "
        f"{stored_runs(harness)[0].started_at.date().isoformat()}"
    ]
    assert len(stored_runs(harness)) == 1
    assert window.statusBar().currentMessage() == "Watched folder: 1 run imported."
    assert watched.watcher.files() == []  # read whole: no longer watched on its own
