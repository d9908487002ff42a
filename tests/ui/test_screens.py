"""Moving between Plan, Progress and History with one key, charts loaded only when asked for."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.store import Store, open_store
from desktop.runtime.paths import AppPaths
from desktop.ui.history.view import HistoryView
from desktop.ui.progress.view import ProgressView
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import REPO_ROOT, child_env


@pytest.fixture
def open_window(qtbot: QtBot, data_dir: Path) -> Iterator[Callable[[], MainWindow]]:
    data_dir.mkdir(parents=True)
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    stores: list[Store] = []

    def opened() -> MainWindow:
        store = open_store(paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
        stores.append(store)
        window = MainWindow(store=store, paths=paths)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        # Window shortcuts only fire in the active window; waitActive can return before that.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    yield opened


def test_function_keys_switch_screens(qtbot: QtBot, open_window: Callable[[], MainWindow]) -> None:
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert isinstance(window._pages.currentWidget(), ProgressView)
    assert window.current_view() == "progress"
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert isinstance(window._pages.currentWidget(), HistoryView)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window._pages.currentWidget() is window.welcome_view


def test_next_start_opens_on_the_last_screen(open_window: Callable[[], MainWindow]) -> None:
    window = open_window()
    window.screens.show_history()
    window.close()
    again = open_window()
    assert again.current_view() == "history"


CHARTS_ON_DEMAND = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from db.store import open_store
from desktop.runtime.paths import AppPaths
from desktop.ui.shell.main_window import MainWindow
folder = Path(sys.argv[1])
paths = AppPaths(data_dir=folder, log_dir=folder / "logs")
store = open_store(paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
window = MainWindow(store=store, paths=paths)
window.show(); app.processEvents()
print("pyqtgraph" in sys.modules, "numpy" in sys.modules)
window.screens.show_progress(); app.processEvents()
print("pyqtgraph" in sys.modules)
"""


def test_charts_load_only_when_progress_is_first_shown(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "-c", CHARTS_ON_DEMAND, str(data_dir)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=child_env(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]
