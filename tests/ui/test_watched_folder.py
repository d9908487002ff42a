"""The watched folder: off by default, chosen from the File menu (per athlete, in the log's
settings), read quietly when chosen, when a file arrives, and a moment after start without
start-up loading the run readers; only an unreadable file raises a box."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db.settings import get_setting
from desktop.runs.importing.batch import BatchResult
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import REPO_ROOT, child_env
from tests.planning_support import OFFSCREEN_SIZE_HINTS, Harness
from tests.runs.fit_builder import Leg, fit_bytes
from tests.system_needs import require_qt
from tests.ui.run_import_support import (
    DAY,
    answer_file_dialog,
    harness,
    stored_runs,
    window,
)

__all__ = ["harness", "window"]
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def _run_file(folder: Path, name: str, day: int) -> Path:
    path = folder / name
    path.write_bytes(fit_bytes([Leg("running", 900, offset_s=day * DAY)]))
    return path


def _read(ended: list[BatchResult], result: BatchResult) -> None:
    """Keep the batches that read something: a look with nothing new (the one a moment after
    start, when a folder was chosen before it) says nothing and is not counted."""
    if result.outcomes or result.problem:
        ended.append(result)


def _file_menu_texts(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [action.text() for action in menu.actions() if action.isVisible()]


def test_no_folder_is_watched_until_one_is_chosen(qtbot: QtBot, window: MainWindow) -> None:
    watched = window.screens.watched_folder
    qtbot.wait(50)
    watched.reload()
    assert watched.folder is None
    assert watched.watcher.directories() == []
    assert "&Watch a folder for new runs…" in _file_menu_texts(window)
    assert not any(text.startswith("Stop &watching") for text in _file_menu_texts(window))


def test_a_chosen_folder_imports_quietly_and_then_what_arrives(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    folder = tmp_path / "Sync" / "runs"
    folder.mkdir(parents=True)
    _run_file(folder, "first.fit", 0)
    _run_file(folder, "second.fit", 1)
    ended: list[BatchResult] = []
    imports = window.screens.run_imports
    imports.batch_ended.connect(lambda r: _read(ended, r))
    answered = answer_file_dialog(qtbot, str(folder))
    window.screens.watched_folder.watch_action.trigger()
    assert answered()
    qtbot.waitUntil(lambda: len(ended) == 1, timeout=20_000)
    assert window.statusBar().currentMessage() == "Watched folder: 2 runs imported."
    assert imports.dialog is None and imports.unreadable_box is None  # quietly
    setting = get_setting(harness.store, "runs.watched_folder", athlete_id=harness.athlete_id())
    assert setting == str(folder)
    assert "Stop &watching runs" in _file_menu_texts(window)

    shutil.copy(_run_file(tmp_path, "third.fit", 2), folder / "third.fit")
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=20_000)
    assert window.statusBar().currentMessage() == "Watched folder: 1 run imported."
    assert [o.path.name for o in ended[1].outcomes] == ["third.fit"]  # not the whole folder
    assert len(stored_runs(harness)) == 3

    (folder / "broken.fit").write_bytes(b"")
    qtbot.waitUntil(lambda: len(ended) == 3, timeout=20_000)
    box = imports.unreadable_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "0 runs imported, 1 unreadable: broken.fit — empty file."
    box.grab().save("/tmp/cramproof-watched-unreadable.png")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    window.screens.watched_folder.stop_action.trigger()
    assert window.screens.watched_folder.watcher.directories() == []
    assert window.statusBar().currentMessage() == "No folder is watched for runs any more."


WATCHED_AT_START = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from desktop.app import start_window
from desktop.plan.planning import Planning
from desktop.plan.setup_form import SetupForm
from desktop.runtime.paths import AppPaths
from db.settings import set_setting
from db.store import open_store
folder, watched = Path(sys.argv[1]), sys.argv[2]
paths = AppPaths(data_dir=folder, log_dir=folder / "logs")
store = open_store(paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
race = datetime.now(UTC).date().replace(year=datetime.now(UTC).year + 1)
planning = Planning(store, now=lambda: datetime.now(UTC))
planning.set_up(SetupForm(name="Ana", race_date=str(race)))
set_setting(store, "runs.watched_folder", watched, athlete_id=planning.current_athlete().id)
store.close()
started = start_window(paths)
while not started.opened:
    started.app.processEvents()
for _ in range(5):  # start-up's queued steps
    started.app.processEvents()
readers = ("garmin_fit_sdk", "gpxpy", "tcxreader", "desktop.runs")
print(" ".join(name for name in readers if name in sys.modules) or "none")
window = started.window
while "Watched folder" not in window.statusBar().currentMessage():
    started.app.processEvents()
print(window.statusBar().currentMessage())
window.close()
started.shut_down()
"""


def test_the_watched_folder_is_read_after_start_up_not_during_it(
    data_dir: Path, tmp_path: Path
) -> None:
    require_qt()
    folder = tmp_path / "watch"
    folder.mkdir()
    _run_file(folder, "run.fit", 0)
    result = subprocess.run(
        [sys.executable, "-c", WATCHED_AT_START, str(data_dir), str(folder)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=child_env(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["none", "Watched folder: 1 run imported."]
