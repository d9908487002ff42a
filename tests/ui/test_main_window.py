"""The main window over a real log: opens on the set-up screen, backs up, closes the log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from db.backup import list_backups
from db.store import open_store
from desktop.runtime.paths import AppPaths
from desktop.runtime.startup import Choice, StoreProblem
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.store_dialogs import build_problem_box, problem_text
from tests.gym_support import finished_session


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    data_dir.mkdir(parents=True)
    store = open_store(paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
    shown = MainWindow(store=store, paths=paths)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_opens_on_the_set_up_screen(run_cramproof: Callable[..., int]) -> None:
    def check(window: MainWindow) -> None:
        assert window.windowTitle() == "Welcome — Cramproof"
        assert window.centralWidget().currentWidget() is window.welcome_view
        assert window.welcome_view.isVisible()
        assert window.welcome_view.setup_button.text().startswith("Set up your build-up")
        assert str(window.store.path) in window.statusBar().currentMessage()

    assert run_cramproof(check=check) == 0


def test_the_welcome_page_has_its_primary_action_focused(
    run_cramproof: Callable[..., int],
) -> None:
    def check(window: MainWindow) -> None:
        assert QApplication.activeWindow() is window
        assert QApplication.focusWidget() is window.welcome_view.setup_button

    assert run_cramproof(check=check) == 0


def test_the_focused_set_up_button_shows_its_whole_label(
    run_cramproof: Callable[..., int],
) -> None:
    """The focus ring changes the border's colour, never its width: a ring that appeared with
    focus was not in the laid-out size and cut the "S" of "Set up" (seen at 1366×768)."""

    def check(window: MainWindow) -> None:
        button = window.welcome_view.setup_button
        assert QApplication.focusWidget() is button
        option = QStyleOptionButton()
        button.initStyleOption(option)
        inside = button.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, button
        )
        assert inside.width() >= button.fontMetrics().horizontalAdvance(button.text())

    assert run_cramproof(check=check) == 0


def test_tab_reaches_the_start_a_session_button_which_shows_it_and_takes_enter(
    run_cramproof: Callable[..., int],
) -> None:
    """The second way in is one Tab away, ringed like the first while focused, and Enter on
    it starts a session (it took Space only, and showed no focus at all)."""

    def check(window: MainWindow) -> None:
        button = window.welcome_view.session_button
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is button
        ring = button.grab().toImage().pixelColor(button.width() // 2, 1)
        assert ring.name() == "#f0b400"
        QTest.keyClick(button, Qt.Key.Key_Return)
        assert window.gym.view is not None and window.gym.view.isVisible()

    assert run_cramproof(check=check) == 0


def test_back_up_now_writes_a_manual_backup(window: MainWindow) -> None:
    window._backups.back_up_action.trigger()
    reasons = [info.reason for info in list_backups(window.store.backups_dir)]
    assert "manual" in reasons
    assert "Backed up" in window.statusBar().currentMessage()


def test_closing_closes_the_log(window: MainWindow) -> None:
    store = window.store
    window.close()
    assert window.store is None
    with pytest.raises(Exception, match="closed"):
        store.db.execute("SELECT 1")


def test_damaged_log_dialog_offers_restore_first(qtbot: QtBot, tmp_path: Path) -> None:
    from db.records import BackupInfo

    backup = BackupInfo(
        path=tmp_path / "b.db", taken_at=datetime(2027, 1, 3, tzinfo=UTC), reason=None
    )
    problem = StoreProblem("The log is damaged.", moved_to=tmp_path / "moved.db", backup=backup)
    box, buttons = build_problem_box(problem)
    qtbot.addWidget(box)
    assert list(buttons.values()) == [Choice.RESTORE, Choice.START_FRESH, Choice.QUIT]
    assert box.defaultButton().text() == "Restore backup"
    text = problem_text(problem)
    assert "moved, not deleted" in text and str(tmp_path / "moved.db") in text


def test_a_session_can_start_before_any_setup(
    qtbot: QtBot, run_cramproof: Callable[..., int]
) -> None:
    """The timer is never gated behind forms: a fresh log starts a session from the welcome."""

    def check(window: MainWindow) -> None:
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
        gym = window.gym.view
        assert gym is not None
        assert window.centralWidget().currentWidget() is gym
        assert window.windowTitle() == "Gym mode — Cramproof"
        field = gym.start_load.field  # a fresh log: the first load is asked, its keys filtered
        assert QApplication.focusWidget() is field, "Space and Enter reach gym mode at once"

    assert run_cramproof(check=check) == 0


def test_history_by_keyboard_reaches_the_sets(
    qtbot: QtBot, run_cramproof: Callable[..., int], data_dir: Path
) -> None:
    finished_session(data_dir)

    def check(window: MainWindow) -> None:
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F4)
        history = window.screens.history_view
        assert history is not None and window.centralWidget().currentWidget() is history
        assert QApplication.focusWidget() is history.sessions_table, "F4 lands on the sessions"
        qtbot.keyClick(history.sessions_table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is history.sets_table, "Tab goes on to their sets"

    assert run_cramproof(check=check) == 0
