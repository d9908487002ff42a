"""The History screen by keyboard: correct a set, refuse nonsense, delete, undo, charts follow."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from bench.synthetic import populate
from db.athletes import create_athlete
from db.history_queries import delete_set
from db.sessions import start_session
from db.store import Store, open_store
from desktop.history.history import PAGE_SIZE, HistoryLog
from desktop.progress.series import ProgressSource
from desktop.runtime.changes import LogChanges
from desktop.ui.common.log_changes import ChangeSignal
from desktop.ui.history.models import LOAD, REPS
from desktop.ui.history.view import HistoryView
from desktop.ui.progress.view import ProgressView
from desktop.ui.shell.export_dialog import export_to

TODAY = date(2027, 3, 3)
NOW = datetime.combine(TODAY, time(19)).astimezone(UTC)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    data_dir.mkdir(parents=True, exist_ok=True)
    populate(data_dir, today=TODAY)
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    yield opened
    opened.close()


def told() -> ChangeSignal:
    """The log's change notification, as the window hands it to the History use case."""
    return ChangeSignal(LogChanges())


def shown(qtbot, store: Store, changes: ChangeSignal | None = None) -> HistoryView:
    log = HistoryLog(store, now=lambda: NOW, changes=changes.changes if changes else None)
    view = HistoryView(log)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def work_set_row(view: HistoryView) -> int:
    return next(
        row for row in range(view.sets_model.rowCount()) if not view.sets_model.set_at(row).warmup
    )


def type_into_cell(qtbot, view: HistoryView, row: int, column: int, text: str) -> None:
    index = view.sets_model.index(row, column)
    view.sets_table.setFocus()
    view.sets_table.setCurrentIndex(index)
    qtbot.keyClick(view.sets_table, Qt.Key.Key_F2)
    editor = view.sets_table.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits from the event loop (a queued call): let it run.
    qtbot.waitUntil(lambda: view.sets_table.state() != QAbstractItemView.State.EditingState)
    qtbot.wait(1)


def reps_in_store(store: Store, set_id: int) -> int:
    return store.db.execute("SELECT reps FROM sets WHERE id = ?", [set_id]).fetchone()[0]


def test_the_newest_session_opens_with_its_sets(qtbot, store: Store) -> None:
    view = shown(qtbot, store)
    sessions = store.db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert view.sessions_model.rowCount() == sessions
    assert view.sessions_table.selectionModel().selectedRows()[0].row() == 0
    assert view.sets_model.rowCount() > 0
    assert view.sets_model.headerData(LOAD, Qt.Orientation.Horizontal, 0) == "Load (kg)"
    counted = view.sessions_model.index(sessions - 1, 4).data()
    assert counted.startswith("½ double day (")


def test_correcting_reps_by_keyboard_commits_and_tells_the_other_screens(
    qtbot, store: Store
) -> None:
    changes = told()
    view = shown(qtbot, store, changes)
    row = work_set_row(view)
    line = view.sets_model.set_at(row)
    with qtbot.waitSignal(changes.changed):
        type_into_cell(qtbot, view, row, REPS, "2")
    assert reps_in_store(store, line.id) == 2
    assert view.sets_model.set_at(row).reps == 2
    assert view.message.text().startswith("Corrected ")
    assert view.undo_button.isEnabled()


def test_nonsense_is_refused_inline_and_nothing_is_saved(qtbot, store: Store) -> None:
    changes = told()
    view = shown(qtbot, store, changes)
    row = work_set_row(view)
    line = view.sets_model.set_at(row)
    with qtbot.assertNotEmitted(changes.changed):
        type_into_cell(qtbot, view, row, REPS, "150")
    assert view.message.text() == ("Not saved: Reps must be a whole number from 0 to 100, got 150.")
    assert "c62828" in view.message.styleSheet()
    type_into_cell(qtbot, view, row, LOAD, "heavy")
    assert view.message.text() == "Not saved: The load must be a number of kg, not 'heavy'."
    assert reps_in_store(store, line.id) == line.reps


def test_delete_key_then_ctrl_z(qtbot, store: Store) -> None:
    changes = told()
    view = shown(qtbot, store, changes)
    count = view.sets_model.rowCount()
    row = work_set_row(view)
    view.sets_table.setFocus()
    view.sets_table.selectRow(row)
    deleted = view.sets_model.set_at(row).id
    with qtbot.waitSignal(changes.changed):
        qtbot.keyClick(view.sets_table, Qt.Key.Key_Delete)
    assert view.sets_model.rowCount() == count - 1
    assert "Ctrl+Z brings it back" in view.message.text()
    with qtbot.waitSignal(changes.changed):
        qtbot.keyClick(view.sets_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.sets_model.rowCount() == count
    assert view.sets_model.set_at(row).id == deleted
    assert not view.undo_button.isEnabled()


def test_a_failed_undo_says_so_and_can_be_tried_again(qtbot, store: Store) -> None:
    changes = told()
    view = shown(qtbot, store, changes)
    count = view.sets_model.rowCount()
    view.sets_table.setFocus()
    view.sets_table.selectRow(work_set_row(view))
    view.delete_button.click()
    store.db.execute("PRAGMA query_only = ON")
    with qtbot.assertNotEmitted(changes.changed):
        qtbot.keyClick(view.sets_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.message.text().startswith("Not undone: Cramproof cannot save")
    assert "c62828" in view.message.styleSheet() and view.undo_button.isEnabled()
    store.db.execute("PRAGMA query_only = OFF")
    with qtbot.waitSignal(changes.changed):
        view.undo_button.click()
    assert view.sets_model.rowCount() == count


def test_deleting_a_set_that_is_already_gone_says_so(qtbot, store: Store) -> None:
    changes = told()
    view = shown(qtbot, store, changes)
    count = view.sets_model.rowCount()
    row = work_set_row(view)
    view.sets_table.setFocus()
    view.sets_table.selectRow(row)
    delete_set(store, view.sets_model.set_at(row).id)  # elsewhere, e.g. before a refresh
    with qtbot.assertNotEmitted(changes.changed):
        qtbot.keyClick(view.sets_table, Qt.Key.Key_Delete)
    assert view.message.text() == "Not deleted: that set is no longer in the training log."
    assert view.sets_model.rowCount() == count - 1
    assert not view.undo_button.isEnabled()


def test_correcting_a_set_that_is_already_gone_says_so(qtbot, store: Store) -> None:
    changes = told()
    view = shown(qtbot, store, changes)
    row = work_set_row(view)
    delete_set(store, view.sets_model.set_at(row).id)
    with qtbot.assertNotEmitted(changes.changed):
        type_into_cell(qtbot, view, row, REPS, "3")
    assert view.message.text() == "Not saved: that set is no longer in the training log."


def test_the_progress_screen_redraws_after_a_correction(qtbot, store: Store) -> None:
    changes = told()
    history = shown(qtbot, store, changes)
    progress = ProgressView(ProgressSource(store, now=lambda: NOW))
    qtbot.addWidget(progress)
    changes.changed.connect(progress.on_log_changed)
    progress.show()
    oldest = history.sessions_model.rowCount() - 1
    history.sessions_table.selectRow(oldest)  # week 1's heavy session, 3 sets per lift
    done_before = progress.data.weeks[0].done
    squat = next(
        row
        for row in range(history.sets_model.rowCount())
        if history.sets_model.set_at(row).exercise == "Back squat"
        and not history.sets_model.set_at(row).warmup
    )
    history.sets_table.setFocus()
    history.sets_table.selectRow(squat)
    qtbot.keyClick(history.sets_table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: progress.data.weeks[0].done == done_before - 0.5)
    history.undo_button.click()
    qtbot.waitUntil(lambda: progress.data.weeks[0].done == done_before)


def test_long_logs_load_page_by_page(qtbot, data_dir: Path) -> None:
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        athlete = create_athlete(store, "Runner")
        for number in range(PAGE_SIZE + 25):
            start_session(
                store,
                athlete_id=athlete.id,
                kind="light",
                planned_day_id=None,
                started_at=NOW - timedelta(hours=number),
            )
        view = shown(qtbot, store)
        model = view.sessions_model
        assert model.rowCount() == PAGE_SIZE and model.canFetchMore(view.sessions_table.rootIndex())
        model.fetchMore(view.sessions_table.rootIndex())
        assert model.rowCount() == PAGE_SIZE + 25
        assert not model.canFetchMore(view.sessions_table.rootIndex())
        view.close()


def test_an_empty_log_explains_itself(qtbot, data_dir: Path) -> None:
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        view = shown(qtbot, store)
        assert view.sessions_model.rowCount() == 0
        assert view.message.text().startswith("No sessions yet")
        assert not view.delete_button.isEnabled() and not view.undo_button.isEnabled()
        view.close()


def test_export_button_and_the_menus_export(qtbot, store: Store, tmp_path: Path) -> None:
    view = shown(qtbot, store)
    with qtbot.waitSignal(view.export_requested):
        view.export_button.click()
    message = export_to(store, fmt="strong", out=tmp_path / "for-strong", now=NOW)
    sessions = store.db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert message.startswith(f"Exported {sessions} sessions and ")
    assert (tmp_path / "for-strong.csv").read_text().startswith("Date,Workout Name,Duration")
    refused = export_to(store, fmt="json", out=tmp_path / "missing" / "log.json", now=NOW)
    assert refused.startswith("Could not write ") and "Nothing was exported" in refused
