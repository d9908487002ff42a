"""What a desktop app is expected to do: remember its window, offer a gym theme, explain itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.store import Store, open_store
from desktop import __version__
from desktop.runtime.paths import AppPaths
from desktop.ui.common.theme import apply_theme
from desktop.ui.shell.help_dialogs import AboutDialog, WhyDialog
from desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    data_dir.mkdir(parents=True)
    return AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")


@pytest.fixture
def open_window(qtbot: QtBot, paths: AppPaths) -> Iterator[Callable[[], MainWindow]]:
    stores: list[Store] = []

    def opened() -> MainWindow:
        store = open_store(paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
        stores.append(store)
        window = MainWindow(store=store, paths=paths)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield opened
    apply_theme(QApplication.instance(), high_contrast=False)


def test_window_size_and_place_survive_a_restart(open_window: Callable[[], MainWindow]) -> None:
    first = open_window()
    default_height = first.height()
    first.resize(800, 571)  # the offscreen test screen is 800×600
    first.close()
    second = open_window()
    assert (second.width(), second.height()) == (800, 571) != (800, default_height)


def test_gym_theme_is_high_contrast_and_remembered(open_window: Callable[[], MainWindow]) -> None:
    window = open_window()
    app = QApplication.instance()
    window.view_actions.high_contrast_action.trigger()
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#0b0b0b"
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    window.close()
    apply_theme(app, high_contrast=False)
    again = open_window()
    assert again.view_actions.high_contrast_action.isChecked()
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#0b0b0b"
    again.view_actions.high_contrast_action.trigger()
    assert app.palette().color(QPalette.ColorRole.Window).name() != "#0b0b0b"


def test_menus_in_desktop_order(open_window: Callable[[], MainWindow]) -> None:
    window = open_window()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Plan", "&View", "&Help"]


def test_why_this_works_explains_the_protocol(
    qtbot: QtBot, open_window: Callable[[], MainWindow]
) -> None:
    window = open_window()
    window.view_actions.why_action.trigger()
    dialog = window.view_actions.dialog
    assert isinstance(dialog, WhyDialog)
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    assert "Late-race cramps are mostly fatigue" in text
    assert "Stop 3 weeks before race day" in text


def test_about_names_version_and_data_folder(
    qtbot: QtBot, open_window: Callable[[], MainWindow], paths: AppPaths
) -> None:
    window = open_window()
    window.view_actions.about_action.trigger()
    dialog = window.view_actions.dialog
    assert isinstance(dialog, AboutDialog)
    assert __version__ in dialog.text.text()
    assert str(paths.data_dir) in dialog.text.text()
    assert "MIT" in dialog.text.text()
