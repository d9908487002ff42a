"""A sync folder nests its runs by year and month: a run that arrives in a subfolder, or in a
month folder made after the folder was chosen, imports by itself; a symbolic link looping back
up the tree is neither watched nor read twice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.runs.importing.batch import BatchResult
from desktop.runs.importing.watched import MOST_FOLDERS, folders_to_watch
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import OFFSCREEN_SIZE_HINTS, Harness
from tests.ui.run_import_support import harness, stored_runs, window
from tests.ui.test_watched_folder import _read, _run_file

__all__ = ["harness", "window"]
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def test_runs_arriving_in_subfolders_import_by_themselves(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    folder = tmp_path / "Sync"
    (folder / "2027" / "03").mkdir(parents=True)
    (folder / "2027" / "loop").symlink_to(folder)  # a link back to the top: a loop
    _run_file(folder / "2027" / "03", "first.fit", 0)
    ended: list[BatchResult] = []
    window.screens.run_imports.batch_ended.connect(lambda r: _read(ended, r))
    watched = window.screens.watched_folder
    watched.set_folder(folder)
    qtbot.waitUntil(lambda: len(ended) == 1, timeout=20_000)
    assert sorted(watched.watcher.directories()) == [
        str(folder),
        str(folder / "2027"),
        str(folder / "2027" / "03"),
    ]

    shutil.copy(_run_file(tmp_path, "second.fit", 1), folder / "2027" / "03" / "second.fit")
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=20_000)
    assert [o.path.name for o in ended[1].outcomes] == ["second.fit"]

    (folder / "2027" / "04").mkdir()  # next month's folder, then a run in it
    qtbot.waitUntil(lambda: str(folder / "2027" / "04") in watched.watcher.directories())
    shutil.copy(_run_file(tmp_path, "third.fit", 2), folder / "2027" / "04" / "third.fit")
    qtbot.waitUntil(lambda: len(ended) == 3, timeout=20_000)
    assert [o.path.name for o in ended[2].outcomes] == ["third.fit"]
    assert len(stored_runs(harness)) == 3
    assert window.statusBar().currentMessage() == "Watched folder: 1 run imported."


def test_a_folder_of_folders_is_watched_up_to_the_bound_without_following_links(
    tmp_path: Path,
) -> None:
    top = tmp_path / "deep"
    for n in range(MOST_FOLDERS + 10):
        (top / f"{n:04d}").mkdir(parents=True)
    (top / "0000" / "up").symlink_to(top)
    found = folders_to_watch(top)
    assert len(found) == MOST_FOLDERS and found[0] == top
    assert all(not path.is_symlink() for path in found)
