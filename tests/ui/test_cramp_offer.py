"""After an import that brought a long run, the cramp report is offered for it: the run's date
and distance on show, the km of onset picked on the run's own scale, Enter saves, Esc dismisses;
a run that no planned long-run day hangs on brings no question."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from db.checkins import cramp_reports
from desktop.ui.runs.cramp_offer import CrampOfferDialog
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import OFFSCREEN_SIZE_HINTS, Harness
from tests.runs.fit_builder import Leg, fit_bytes
from tests.ui.run_import_support import DAY, harness, import_dialog, window

__all__ = ["harness", "window"]
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def _import(qtbot: QtBot, window: MainWindow, *files: Path) -> None:
    """Import `files` from the window and close the summary with Enter, as a runner would."""
    imports = window.screens.run_imports
    before = imports.dialog
    assert imports.import_paths(list(files))
    qtbot.waitUntil(lambda: imports.dialog is not before)
    dialog = import_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.summary.isVisible(), timeout=20_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _run(tmp_path: Path, name: str, seconds: int, *, day: int = 0) -> Path:
    path = tmp_path / name
    path.write_bytes(fit_bytes([Leg("running", seconds, offset_s=day * DAY)]))
    return path


def _offer(qtbot: QtBot, window: MainWindow) -> CrampOfferDialog:
    offer = window.screens.cramp_offer
    qtbot.waitUntil(lambda: offer.dialog is not None and offer.dialog.isVisible())
    assert offer.dialog is not None
    return offer.dialog


def test_a_long_run_brings_the_cramp_report_on_its_own_scale(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    _import(qtbot, window, _run(tmp_path, "long.fit", 3900))  # 65 min at 3 m/s: 11.7 km
    dialog = _offer(qtbot, window)
    assert dialog.heading.text() == (
        "Your 11.7 km run of Sunday 14 March 2027: did anything cramp?"
    )
    assert (dialog.onset.minimum(), dialog.onset.maximum()) == (0, 117)
    qtbot.keyClick(dialog.form.yes, Qt.Key.Key_Space)
    assert dialog.onset.isVisible()
    qtbot.keyClick(dialog.form.sites["calf"], Qt.Key.Key_Space)
    for _ in range(2):  # two pages down the run's scale: 2 km before its end
        qtbot.keyClick(dialog.onset, Qt.Key.Key_PageDown)
    assert dialog.form.distance.text() == "9.7"
    dialog.grab().save("/tmp/cramproof-cramp-offer.png")
    qtbot.keyClick(dialog.onset, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (report,) = cramp_reports(harness.store, harness.athlete_id())
    assert (str(report.date), report.cramped, report.sites) == ("2027-03-14", True, ("calf",))
    assert report.distance_km == 9.7 and report.session_id is None
    assert window.statusBar().currentMessage() == (
        "Cramp report saved for your 11.7 km run of Sunday 14 March 2027."
    )


def test_one_key_dismisses_it_and_nothing_is_stored(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    _import(qtbot, window, _run(tmp_path, "long.fit", 3900))
    dialog = _offer(qtbot, window)
    qtbot.keyClick(dialog.form.no, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert cramp_reports(harness.store, harness.athlete_id()) == []


def test_an_onset_past_the_run_is_refused_in_words(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    _import(qtbot, window, _run(tmp_path, "long.fit", 3900))
    dialog = _offer(qtbot, window)
    qtbot.keyClick(dialog.form.yes, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.form.sites["calf"], Qt.Key.Key_Space)
    dialog.form.distance.setText("")
    qtbot.keyClicks(dialog.form.distance, "30")
    qtbot.keyClick(dialog.form.distance, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text() == "That run was 11.7 km: the cramp came at a km from 0 to 11.7."
    assert cramp_reports(harness.store, harness.athlete_id()) == []


def test_a_run_no_long_run_day_hangs_on_brings_no_question(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    _import(qtbot, window, _run(tmp_path, "sunday.fit", 3000))  # 50 min: a long-run day's
    first = _offer(qtbot, window)
    qtbot.keyClick(first.form.no, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not first.isVisible())
    # The Saturday before (14 March 2027 is a long-run Sunday), shorter: Sunday's run stays
    # the long run.
    _import(qtbot, window, _run(tmp_path, "saturday.fit", 1200, day=-1))
    qtbot.wait(100)
    assert window.screens.cramp_offer.dialog is first and not first.isVisible()


def test_every_long_run_of_an_import_is_offered_newest_first_each_skippable(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    # Three Sundays' long runs in one import (a watch plugged in after three weeks away).
    files = [_run(tmp_path, f"week-{n}.fit", 3900, day=-7 * n) for n in range(3)]
    _import(qtbot, window, *files)
    first = _offer(qtbot, window)
    assert first.heading.text().startswith("Your 11.7 km run of Sunday 14 March 2027")
    assert any(
        label.text() == "Enter: save · Esc: not now · 2 more long runs of this import next"
        for label in first.findChildren(QLabel)
    )
    first.grab().save("/tmp/cramproof-cramp-offer-first.png")
    qtbot.keyClick(first.form.no, Qt.Key.Key_Escape)  # not now: the next one comes
    qtbot.waitUntil(lambda: window.screens.cramp_offer.dialog is not first)
    second = _offer(qtbot, window)
    assert second.heading.text().startswith("Your 11.7 km run of Sunday 7 March 2027")
    qtbot.keyClick(second.form.no, Qt.Key.Key_Space)
    qtbot.keyClick(second.form.no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.screens.cramp_offer.dialog is not second)
    third = _offer(qtbot, window)
    assert third.heading.text().startswith("Your 11.7 km run of Sunday 28 February 2027")
    third.grab().save("/tmp/cramproof-cramp-offer-third.png")
    qtbot.keyClick(third.form.no, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not third.isVisible())
    qtbot.wait(50)
    assert window.screens.cramp_offer.dialog is third  # none after the last
    reports = cramp_reports(harness.store, harness.athlete_id())
    assert [(str(r.date), r.cramped) for r in reports] == [("2027-03-07", False)]


def test_skip_the_rest_ends_the_import_s_questions(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    files = [_run(tmp_path, f"week-{n}.fit", 3900, day=-7 * n) for n in range(3)]
    _import(qtbot, window, *files)
    first = _offer(qtbot, window)
    first.activateWindow()  # as a desktop activates a dialog it shows: Alt+R needs it
    qtbot.waitUntil(first.isActiveWindow)
    qtbot.keyClick(first.form.no, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not first.isVisible())
    qtbot.wait(50)
    assert window.screens.cramp_offer.dialog is first and window.screens.cramp_offer.waiting == []
    assert cramp_reports(harness.store, harness.athlete_id()) == []


def test_not_now_is_the_one_way_out_and_enter_without_an_answer_says_so(
    qtbot: QtBot, window: MainWindow, harness: Harness, tmp_path: Path
) -> None:
    """The form's "Skip" meant what the Not now button means: here only the button says it."""
    _import(qtbot, window, _run(tmp_path, "long.fit", 3900))
    dialog = _offer(qtbot, window)
    assert dialog.form.unanswered.isHidden()
    assert dialog.focusWidget() is dialog.form.no
    qtbot.keyClick(dialog.form.no, Qt.Key.Key_Return)  # no answer chosen yet
    assert dialog.isVisible()
    assert dialog.message.text() == (
        "Choose No cramps or Cramped to save; Not now closes without a report."
    )
    dialog.grab().save(str(tmp_path / "cramp_offer.png"))
    assert cramp_reports(harness.store, harness.athlete_id()) == []
    qtbot.keyClick(dialog.form.no, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.form.no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (report,) = cramp_reports(harness.store, harness.athlete_id())
    assert report.cramped is False
