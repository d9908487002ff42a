"""History by keyboard inside the real window: Enter and F2 edit a cell (F2 is also the window's
Plan key), Delete removes a set or a whole session, Ctrl+Z undoes again and again, Ctrl+Shift+Z
redoes, and a later successful export clears an old red "Not saved…"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot

from bench.synthetic import populate
from db.store import Store, open_store
from desktop.plan.planning import Planning
from desktop.runtime.paths import AppPaths
from desktop.ui.common.colours import FOCUS_RING
from desktop.ui.history.models import LOAD, REPS
from desktop.ui.history.view import ERROR_STYLE, HistoryView
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import OFFSCREEN_SIZE_HINTS

TODAY = date(2027, 3, 3)
NOW = datetime.combine(TODAY, time(19)).astimezone(UTC)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    data_dir.mkdir(parents=True, exist_ok=True)
    populate(data_dir, today=TODAY)
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    store = open_store(paths.database, backups_dir=paths.backups, now=NOW)
    planning = Planning(store, now=lambda: NOW)
    if (due := planning.checkin_due()) is not None:  # answered: no dialog takes the focus
        planning.record_checkin(due.week_start, pain=False, recovered=True)
    shown = MainWindow(store=store, paths=paths, now=lambda: NOW)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitActive(shown)
    shown.screens.history_action.trigger()
    yield shown
    shown.close()


def history(window: MainWindow) -> HistoryView:
    view = window.screens.history_view
    assert view is not None and view.isVisible()
    return view


def store_of(window: MainWindow) -> Store:
    assert window.store is not None
    return window.store


def on_work_set(qtbot: QtBot, view: HistoryView, column: int) -> int:
    row = next(r for r in range(view.sets_model.rowCount()) if not view.sets_model.set_at(r).warmup)
    view.sets_table.setFocus()
    qtbot.waitUntil(view.sets_table.hasFocus)
    view.sets_table.setCurrentIndex(view.sets_model.index(row, column))
    return row


def editor_of(qtbot: QtBot, view: HistoryView) -> QLineEdit:
    qtbot.waitUntil(lambda: view.sets_table.state() == QAbstractItemView.State.EditingState)
    editor = view.sets_table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    return editor


def commit(qtbot: QtBot, view: HistoryView, editor: QLineEdit, text: str) -> None:
    said = view.message.text()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.sets_table.state() != QAbstractItemView.State.EditingState)
    qtbot.waitUntil(lambda: view.message.text() != said)  # told once the list is re-read


def reps_of(window: MainWindow, set_id: int) -> int:
    return store_of(window).db.execute("SELECT reps FROM sets WHERE id = ?", [set_id]).fetchone()[0]


def test_f2_in_the_sets_table_edits_the_cell_and_stays_in_history(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = history(window)
    row = on_work_set(qtbot, view, REPS)
    set_id = view.sets_model.set_at(row).id
    qtbot.keyClick(view.sets_table, Qt.Key.Key_F2)
    editor = editor_of(qtbot, view)
    assert window.current_view() == "history", "F2 edited; it did not jump to the Plan"
    commit(qtbot, view, editor, "2")
    assert reps_of(window, set_id) == 2
    assert view.message.text().endswith("× 2.")


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_edits_even_from_a_column_that_cannot_be_edited(
    qtbot: QtBot, window: MainWindow, key: Qt.Key
) -> None:
    view = history(window)
    row = on_work_set(qtbot, view, 1)  # the exercise's name: not editable, Enter edits reps
    set_id = view.sets_model.set_at(row).id
    qtbot.keyClick(view.sets_table, key)
    editor = editor_of(qtbot, view)
    assert view.sets_table.currentIndex().column() == REPS
    commit(qtbot, view, editor, "3")
    assert reps_of(window, set_id) == 3


def test_f2_outside_history_still_shows_the_plan(qtbot: QtBot, window: MainWindow) -> None:
    history(window).sessions_table.setFocus()
    qtbot.keyClick(history(window).sessions_table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.current_view() == "plan")


def test_ctrl_z_undoes_change_after_change_and_ctrl_shift_z_redoes(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = history(window)
    row = on_work_set(qtbot, view, LOAD)
    line = view.sets_model.set_at(row)
    count = view.sets_model.rowCount()
    qtbot.keyClick(view.sets_table, Qt.Key.Key_F2)
    commit(qtbot, view, editor_of(qtbot, view), f"{line.load + 5:g}")
    assert view.message.text() == (
        f"Corrected {line.exercise} {line.load:g} kg × {line.reps}"
        f" → {line.load + 5:g} kg × {line.reps}."
    )
    view.sets_table.selectRow(row)
    qtbot.keyClick(view.sets_table, Qt.Key.Key_Delete)
    assert view.sets_model.rowCount() == count - 1
    qtbot.keyClick(view.sets_table, Qt.Key.Key_Z, CTRL)
    assert view.sets_model.rowCount() == count
    assert view.sets_model.set_at(row).load == line.load + 5
    qtbot.keyClick(view.sets_table, Qt.Key.Key_Z, CTRL)
    assert view.sets_model.set_at(row).load == line.load, "the second Ctrl+Z undid the edit"
    assert not view.undo_button.isEnabled() and view.redo_button.isEnabled()
    qtbot.keyClick(view.sets_table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert view.sets_model.set_at(row).load == line.load + 5
    qtbot.keyClick(view.sets_table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert view.sets_model.rowCount() == count - 1
    assert view.message.text().startswith("Redid the deletion of ")


def test_delete_in_the_sessions_list_removes_the_session_and_ctrl_z_brings_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = history(window)
    sessions = view.sessions_model.rowCount()
    newest = view.sessions_model.session_at(0)
    view.sessions_table.setFocus()
    view.sessions_table.selectRow(0)
    qtbot.keyClick(view.sessions_table, Qt.Key.Key_Delete)
    assert view.sessions_model.rowCount() == sessions - 1
    assert view.sessions_model.row_of(newest.id) is None
    assert view.message.text().startswith(f"Deleted the {newest.kind} session of ")
    assert view.message.text().endswith("Ctrl+Z brings it back.")
    qtbot.keyClick(view.sessions_table, Qt.Key.Key_Z, CTRL)
    assert view.sessions_model.rowCount() == sessions
    assert view.sessions_model.row_of(newest.id) == 0


def test_a_successful_export_clears_an_old_not_saved(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = history(window)
    on_work_set(qtbot, view, REPS)
    qtbot.keyClick(view.sets_table, Qt.Key.Key_F2)
    commit(qtbot, view, editor_of(qtbot, view), "150")
    assert view.message.text().startswith("Not saved: ")
    assert view.message.styleSheet() == ERROR_STYLE
    target = tmp_path / "log.json"
    monkeypatch.setattr(
        "desktop.ui.shell.export_dialog.QFileDialog.getSaveFileName",
        lambda *_args, **_kwargs: (str(target), ""),
    )
    window.screens.export()
    assert target.exists()
    assert window.statusBar().currentMessage().startswith("Exported ")
    assert not view.message.text().startswith("Not saved"), "no stale red line after it worked"


def test_the_table_with_the_keyboard_is_ringed(qtbot: QtBot, window: MainWindow) -> None:
    """Found by a trial: which of History's two tables had the keys was nearly invisible."""
    view = history(window)
    qtbot.waitUntil(view.sessions_table.hasFocus)

    def edge(table: QAbstractItemView) -> str:
        return table.grab().toImage().pixelColor(1, table.height() // 2).name()

    assert edge(view.sessions_table) == FOCUS_RING
    assert edge(view.sets_table) != FOCUS_RING
    qtbot.keyClick(view.sessions_table, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.sets_table.hasFocus)
    assert edge(view.sets_table) == FOCUS_RING
    assert edge(view.sessions_table) != FOCUS_RING
