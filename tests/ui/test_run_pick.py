"""Plan → Choose the long run… with keys only, in the real window: Ctrl+L on Sunday's double
day lists the two runs near it and "Automatic (longest)"; ↑ and Enter make the shorter one the
long run, and the plan says so; Ctrl+L, End, Enter goes back to the longest."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.run_picks import picks_for
from desktop.runs.importing.importer import import_file
from desktop.runtime.paths import AppPaths
from desktop.ui.plan.run_pick_dialog import AUTOMATIC, RunPickDialog
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import FORM, OFFSCREEN_SIZE_HINTS, WEEK1, Harness, at_noon, open_harness
from tests.runs.test_run_picks import run_fit

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)
K = Qt.Key


@pytest.fixture
def harness(data_dir: Path, tmp_path: Path) -> Iterator[Harness]:
    """Ana's build-up on its first double day (Sunday 10 Jan 2027), with Saturday's 30.2 km
    and Sunday morning's 12.0 km imported."""
    with open_harness(data_dir) as opened:
        opened.planning.set_up(FORM)
        opened.clock.set_day(WEEK1)
        noon = at_noon(WEEK1)
        for name, end, km in (
            ("sat.fit", noon - timedelta(days=1, hours=2), 30.2),
            ("sun.fit", noon - timedelta(hours=2), 12.0),
        ):
            import_file(opened.store, opened.athlete_id(), run_fit(tmp_path, name, end, km), noon)
        yield opened


@pytest.fixture
def window(qtbot: QtBot, harness: Harness, data_dir: Path) -> Iterator[MainWindow]:
    for _ in range(5):  # an earlier test's dialog, left open, would hold every shortcut here
        if (left := QApplication.activeModalWidget()) is not None:
            left.close()
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    shown = MainWindow(paths=paths, now=harness.clock)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    shown.attach_store(harness.store)
    yield shown
    shown.gym.close()


def _pick_dialog(qtbot: QtBot, window: MainWindow) -> RunPickDialog:
    assert window.plan_view is not None
    if QApplication.activeWindow() is not window:  # as a desktop gives it back after a dialog
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    picker = window.plan_actions.run_picker
    before = picker.dialog
    qtbot.keyClick(window.plan_view.table, K.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: picker.dialog is not before and picker.dialog.isVisible())
    dialog = picker.dialog
    assert isinstance(dialog, RunPickDialog)
    return dialog


def test_the_runner_picks_the_shorter_run_with_keys_and_the_plan_follows(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    plan = window.plan_view
    assert plan is not None
    assert "Long run: 30.2 km on Sat 9 Jan" in plan.detail.text()
    assert "Ctrl+L: choose which run it was" in plan.detail.text()
    assert "Choose the long run…" in [
        a.text().replace("&", "") for a in window.menuBar().actions()[1].menu().actions()
    ]

    dialog = _pick_dialog(qtbot, window)
    rows = [dialog.runs.item(i).text() for i in range(dialog.runs.count())]
    assert dialog.windowTitle() == "Choose the long run of Sun 10 Jan"
    assert rows[0].startswith("Sat 9 Jan · ") and "30.2 km · 1:40:40 moving  ← now" in rows[0]
    assert rows[1].startswith("Sun 10 Jan · ") and rows[1].endswith("12.0 km · 0:40:00 moving")
    assert rows[2] == AUTOMATIC and dialog.runs.currentRow() == 2
    dialog.grab().save("/tmp/pick_dialog.png")
    qtbot.keyClick(dialog.runs, K.Key_Up)
    qtbot.keyClick(dialog.runs, K.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    qtbot.waitUntil(lambda: "Long run: 12.0 km on Sun 10 Jan" in plan.detail.text())
    assert list(picks_for(harness.store, harness.athlete_id()).values()) == [2]
    assert window.statusBar().currentMessage() == "The long run is now 12.0 km"
    window.grab().save("/tmp/pick_plan.png")

    dialog = _pick_dialog(qtbot, window)
    assert dialog.runs.currentRow() == 1  # the pick, selected
    qtbot.keyClick(dialog.runs, K.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert list(picks_for(harness.store, harness.athlete_id()).values()) == [2]

    dialog = _pick_dialog(qtbot, window)
    qtbot.keyClick(dialog.runs, K.Key_End)
    qtbot.keyClick(dialog.runs, K.Key_Return)
    qtbot.waitUntil(lambda: "Long run: 30.2 km on Sat 9 Jan" in plan.detail.text())
    assert picks_for(harness.store, harness.athlete_id()) == {}
