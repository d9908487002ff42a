"""File → Import runs… over a real log with real FIT files: the import runs off the window's
thread with its progress dialog, ends in a summary read and closed with the keyboard, tells the
screens, and Cancel midway keeps what was stored and no half run. Files and folders dropped on
the window import the same way."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.runtime.changes import Change
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import OFFSCREEN_SIZE_HINTS, Harness
from tests.runs.fit_builder import Leg, fit_bytes
from tests.ui.run_import_support import (
    DAY,
    answer_file_dialog,
    drag,
    harness,
    import_dialog,
    stored_runs,
    window,
    write_watch,
)

__all__ = ["harness", "window"]
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def test_the_file_menu_offers_import_with_keys(window: MainWindow) -> None:
    texts = [action.text() for action in window.menuBar().actions()[0].menu().actions()]
    assert texts[:2] == ["&Import runs…", "Import runs from a f&older…"]
    imports = window.screens.run_imports
    assert imports.files_action.shortcut().toString() == "Ctrl+I"
    assert imports.folder_action.shortcut().toString() == "Ctrl+Shift+I"


def test_a_folder_imports_with_a_summary_the_runner_reads(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    folder = write_watch(tmp_path / "GARMIN" / "Activity")
    heard: list[Change] = []
    window.log_changes.changes.subscribe(heard.append)
    answered = answer_file_dialog(qtbot, str(folder))
    qtbot.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = import_dialog(qtbot, window)
    assert answered()
    qtbot.waitUntil(lambda: dialog.summary.isVisible(), timeout=20_000)
    summary = "4 runs imported, 1 file skipped (not runs), 1 unreadable: x.fit — empty file."
    assert dialog.summary.text() == summary
    assert dialog.count.text() == "6 of 6 files read"
    assert QApplication.focusWidget() is not None
    assert QApplication.focusWidget().text() == "Close"  # type: ignore[attr-defined]
    dialog.grab().save(str(Path("/tmp") / "cramproof-import-summary.png"))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(stored_runs(harness)) == 4
    assert [c.what for c in heard] == ["runs"]
    assert window.statusBar().currentMessage() == summary

    # Sunday 14 March's run is a planned long-run day's: its cramp report is offered (Wednesday's
    # shorter run is no long run), and Esc says not now.
    offer = window.screens.cramp_offer
    for heading in ("Sunday 14 March 2027",):
        qtbot.waitUntil(lambda: offer.dialog is not None and offer.dialog.isVisible())
        qtbot.waitUntil(lambda: QApplication.activeWindow() is offer.dialog)
        assert offer.dialog is not None and heading in offer.dialog.heading.text()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda shown=offer.dialog: not shown.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keys go back there
    again = answer_file_dialog(qtbot, str(folder / "a-0.fit"))
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(again)
    qtbot.waitUntil(lambda: window.screens.run_imports.dialog is not dialog)
    second = import_dialog(qtbot, window)
    qtbot.waitUntil(lambda: second.summary.isVisible(), timeout=20_000)
    assert second.summary.text() == "0 runs imported, 1 already there."
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not second.isVisible())
    assert len(stored_runs(harness)) == 4


def test_cancel_midway_keeps_what_was_stored_and_no_half_run(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    folder = write_watch(tmp_path / "watch", runs=4)
    # Another writer holds the log, so the first run read waits to be stored: Cancel then
    # lands while that file is in hand, and the import must stop right after it.
    other = sqlite3.connect(harness.store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert window.screens.run_imports.import_paths([folder])
        dialog = import_dialog(qtbot, window)
        qtbot.waitUntil(lambda: dialog.line.text() == "Reading a-0.fit…", timeout=20_000)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()  # Esc while importing cancels; it does not walk away
        assert dialog.line.text() == "Cancelling after this file…"
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: dialog.summary.isVisible(), timeout=20_000)
    assert dialog.summary.text() == "Cancelled after 1 of 6 files: 1 run imported."
    runs = stored_runs(harness)
    assert len(runs) == 1
    assert runs[0].source == "a-0.fit"
    splits = harness.store.db.execute("SELECT COUNT(*) FROM run_splits").fetchone()[0]
    assert splits == len(runs[0].splits_s) > 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not window.screens.run_imports.busy()


def test_files_and_folders_dropped_on_the_window_import(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    folder = write_watch(tmp_path / "watch", runs=2)
    loose = tmp_path / "loose.fit"
    loose.write_bytes(fit_bytes([Leg("running", 1200, offset_s=5 * DAY)]))
    enter, drop = drag(window, [QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(loose))])
    assert enter.isAccepted() and drop.isAccepted()
    dialog = import_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.summary.isVisible(), timeout=20_000)
    assert dialog.summary.text() == (
        "3 runs imported, 1 file skipped (not runs), 1 unreadable: x.fit — empty file."
    )
    assert sorted(run.source for run in stored_runs(harness)) == ["a-0.fit", "a-1.fit", "loose.fit"]


def test_a_dropped_web_link_is_not_taken(window: MainWindow, harness: Harness) -> None:
    enter, _drop = drag(window, [QUrl("https://example.com/run.fit")])
    assert not enter.isAccepted()
    assert window.screens.run_imports.dialog is None
    assert stored_runs(harness) == []
