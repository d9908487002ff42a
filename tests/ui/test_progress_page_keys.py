"""PageUp, PageDown, Home and End scroll the Progress screen wherever the keyboard is on it,
and never pick an entry of the tool bar's athlete box, on any screen.

Found by a trial at 1366×768 and 1024×768 (the window as it first opens there), where the
charts scroll: with the Athlete box focused, PageDown picked "Add athlete…" and the charts
below the first two could not be reached from the keyboard at all. The keys here are real
key events sent to the focused widget, as a keyboard's are."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow
from desktop.ui.common.window_state import first_geometry
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.ui.test_progress_fits import progress_at

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)
PAGE_KEYS = (Qt.Key.Key_PageDown, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_Home)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> QWidget:
    """One key, to the widget that has the keyboard (as a keyboard sends it)."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard"
    qtbot.keyClick(focused, key, modifier)
    QApplication.processEvents()
    return focused


def focus_athlete_box(qtbot: QtBot, window: MainWindow) -> QComboBox:
    """Alt+A, the box's own key, as the runner reaches it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    combo = window.athlete_switcher.combo
    qtbot.waitUntil(combo.hasFocus)
    return combo


def assert_athlete_kept(window: MainWindow, name: str) -> None:
    assert window.athlete_switcher.combo.currentText() == name
    assert window.plan_actions.dialog is None, "a key opened the athlete form"


@pytest.mark.parametrize("screen", [(1366, 768), (1024, 768)], ids=["1366x768", "1024x768"])
def test_page_keys_in_the_athlete_box_scroll_the_charts(
    qtbot: QtBot, data_dir: Path, started: list[StartedWindow], screen: tuple[int, int]
) -> None:
    size = first_geometry(QRect(0, 0, *screen), QSize(800, 560)).size()
    view = progress_at(qtbot, data_dir, started, (size.width(), size.height()))
    window = view.window()
    assert isinstance(window, MainWindow)
    athlete = window.athlete_switcher.combo.currentText()
    bar = view.scroll.verticalScrollBar()
    assert bar.maximum() > 0, f"on a {screen} screen the charts are taller than the screen"
    focus_athlete_box(qtbot, window)

    press(qtbot, Qt.Key.Key_PageDown)
    assert bar.value() > 0, "PageDown scrolls the charts down"
    assert_athlete_kept(window, athlete)
    press(qtbot, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    assert_athlete_kept(window, athlete)
    press(qtbot, Qt.Key.Key_PageUp)
    assert bar.value() < bar.maximum()
    press(qtbot, Qt.Key.Key_Home)
    assert bar.value() == 0
    assert_athlete_kept(window, athlete)
    assert window.screens.current_name() == "progress"
    assert window.athlete_switcher.combo.hasFocus(), "the keyboard stays where it was"


def test_page_keys_in_the_lift_chooser_scroll_the_charts(
    qtbot: QtBot, data_dir: Path, started: list[StartedWindow]
) -> None:
    view = progress_at(qtbot, data_dir, started, (1024, 768))
    window = view.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    chooser = view.strength.chooser
    lift = chooser.currentText()
    bar = view.scroll.verticalScrollBar()
    for focused in (chooser, view.graphics):
        focused.setFocus()  # as a click on the chooser or on a chart leaves it
        qtbot.waitUntil(focused.hasFocus)
        press(qtbot, Qt.Key.Key_End)
        assert bar.value() == bar.maximum() > 0, f"End on {type(focused).__name__}"
        press(qtbot, Qt.Key.Key_PageUp)
        assert bar.value() < bar.maximum()
        press(qtbot, Qt.Key.Key_Home)
        assert bar.value() == 0
        press(qtbot, Qt.Key.Key_PageDown)
        assert bar.value() > 0
        press(qtbot, Qt.Key.Key_Home)
        assert chooser.currentText() == lift, "the keys scroll, they do not change the lift"


@pytest.mark.parametrize("screen", [Qt.Key.Key_F2, Qt.Key.Key_F4], ids=["plan", "history"])
def test_page_keys_never_pick_in_the_athlete_box_on_other_screens(
    qtbot: QtBot, data_dir: Path, started: list[StartedWindow], screen: Qt.Key
) -> None:
    view = progress_at(qtbot, data_dir, started, (1024, 768))
    window = view.window()
    assert isinstance(window, MainWindow)
    athlete = window.athlete_switcher.combo.currentText()
    qtbot.keyClick(window, screen)
    qtbot.waitUntil(lambda: window.screens.current_name() != "progress")
    focus_athlete_box(qtbot, window)
    for key in PAGE_KEYS:
        press(qtbot, key)
        assert_athlete_kept(window, athlete)
    assert window.athlete_switcher.combo.hasFocus()
