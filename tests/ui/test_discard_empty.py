"""A session ended with no sets is not praised and saved: the runner is asked to discard it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.store import open_store
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.dialogs.discard import DiscardEmptyDialog
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.ui.gym_ui import leave_start_loads

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)
K = Qt.Key


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    data_dir.mkdir(parents=True)
    store = open_store(paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
    shown = MainWindow(store=store, paths=paths)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def sessions(window: MainWindow) -> int:
    assert window.store is not None
    return window.store.db.execute("SELECT count(*) FROM sessions").fetchone()[0]


def end_with_no_sets(qtbot: QtBot, window: MainWindow) -> DiscardEmptyDialog:
    window.welcome_view.session_button.click()
    view = window.gym.view
    assert view is not None and sessions(window) == 1
    leave_start_loads(qtbot, view)
    qtbot.keyClick(view, K.Key_E)  # end the session…
    qtbot.keyClick(view, K.Key_Return)  # …yes, now
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.summary)
    summary_focus = view.focusWidget() or view
    qtbot.keyClick(summary_focus, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.gym.discard_dialog, DiscardEmptyDialog))
    dialog = window.gym.discard_dialog
    assert isinstance(dialog, DiscardEmptyDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_one_key_discards_a_session_with_no_sets(qtbot: QtBot, window: MainWindow) -> None:
    dialog = end_with_no_sets(qtbot, window)
    assert dialog.question_label.text() == "No sets were saved in this session. Discard it?"
    assert "Well done" not in window.statusBar().currentMessage()
    qtbot.keyClick(dialog, K.Key_1)
    qtbot.waitUntil(lambda: sessions(window) == 0)
    assert window.statusBar().currentMessage() == "Session discarded: it had no sets."
    assert window.gym.view is None


def test_keeping_it_leaves_it_in_history(qtbot: QtBot, window: MainWindow) -> None:
    dialog = end_with_no_sets(qtbot, window)
    qtbot.keyClick(dialog, K.Key_Escape)
    qtbot.waitUntil(lambda: window.gym.discard_dialog is None)
    assert sessions(window) == 1
    assert window.statusBar().currentMessage() == "Session kept in History, with no sets."


def test_esc_with_nothing_logged_says_so_and_leaving_keeps_no_session(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The question said "Saved sets are kept and the session can be resumed" with none saved."""
    window.welcome_view.session_button.click()
    view = window.gym.view
    assert view is not None and sessions(window) == 1
    leave_start_loads(qtbot, view)
    qtbot.keyClick(view, K.Key_Escape)
    asked = view.controls.prompt.text()
    assert asked.startswith("Leave this session? Nothing was logged."), asked
    assert "Saved sets" not in asked and "resumed" not in asked, asked
    qtbot.wait(20)
    view.grab().save("/tmp/gymfix_leave_empty.png")
    qtbot.keyClick(view, K.Key_Return)
    assert window.gym.view is None
    assert sessions(window) == 0, "no empty session left to offer at the next start"


@pytest.mark.qt_log_ignore("pipewire", "PulseAudioService", "Qt multimedia")  # the rest's sound
def test_esc_after_a_set_says_the_saved_sets_are_kept(qtbot: QtBot, window: MainWindow) -> None:
    window.welcome_view.session_button.click()
    view = window.gym.view
    assert view is not None
    leave_start_loads(qtbot, view)
    for key in (K.Key_Space, K.Key_Space, K.Key_Return):
        qtbot.keyClick(view.focusWidget() or view, key)
    qtbot.keyClick(view.focusWidget() or view, K.Key_Escape)
    assert "Saved sets are kept" in view.controls.prompt.text()
    qtbot.keyClick(view, K.Key_Return)
    assert window.gym.view is None and sessions(window) == 1
