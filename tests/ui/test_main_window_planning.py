"""The main window's planning flow over a real log: welcome → setup → plan, athletes, the weekly
questions on open, export and Start."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.plans import active_plan, gate_decisions
from db.settings import get_setting
from desktop.runtime.paths import AppPaths
from desktop.ui.plan.checkin_dialog import CheckinDialog
from desktop.ui.plan.second_day_dialog import SecondDayDialog
from desktop.ui.plan.setup_dialog import SetupDialog
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import (
    FORM,
    HEAVY_DONE,
    OFFSCREEN_SIZE_HINTS,
    WEEK1,
    Harness,
    log_session,
    open_harness,
)

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


@pytest.fixture
def harness(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir) as opened:
        yield opened


@pytest.fixture
def open_window(qtbot: QtBot, harness: Harness, data_dir: Path) -> Callable[[], MainWindow]:
    def opened() -> MainWindow:
        paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
        window = MainWindow(store=harness.store, paths=paths, now=harness.clock)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    return opened


def wait_for_dialog(qtbot: QtBot, window: MainWindow, kind: type) -> object:
    qtbot.waitUntil(lambda: isinstance(window.plan_actions.dialog, kind))
    dialog = window.plan_actions.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_welcome_then_setup_then_the_whole_plan(
    qtbot: QtBot, run_cramproof: Callable[..., int], data_dir: Path
) -> None:
    """Through the composition root, as `cramproof` starts on a fresh log."""

    def check(window: MainWindow) -> None:
        pages = window.centralWidget()
        assert pages.currentWidget() is window.welcome_view and window.plan_view is None
        assert not window.plan_actions.export_action.isEnabled()
        assert not window.athlete_switcher.isVisible()
        qtbot.mouseClick(window.welcome_view.setup_button, Qt.MouseButton.LeftButton)
        dialog = wait_for_dialog(qtbot, window, SetupDialog)
        assert isinstance(dialog, SetupDialog)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name_edit)  # typed first
        qtbot.keyClicks(dialog.name_edit, "Ana")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.race_edit
        race = date.today() + timedelta(weeks=15)
        qtbot.keyClicks(dialog.race_edit, race.isoformat())
        qtbot.keyClick(dialog.race_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: pages.currentWidget() is window.plan_view)
        assert window.plan_view is not None and window.plan_view.isVisible()
        assert window.plan_view.table.rowCount() == 14 + 1
        assert window.windowTitle() == "Ana — Cramproof"
        assert window.athlete_switcher.isVisible()
        assert window.athlete_switcher.combo.currentText() == "Ana"
        assert window.plan_actions.export_action.isEnabled()
        assert "New build-up saved for Ana" in window.statusBar().currentMessage()

    assert run_cramproof(check=check) == 0


def test_a_past_race_date_in_the_window_saves_nothing(
    qtbot: QtBot, open_window: Callable[[], MainWindow], harness: Harness
) -> None:
    window = open_window()
    window.plan_actions.new_build_up_action.trigger()
    dialog = wait_for_dialog(qtbot, window, SetupDialog)
    assert isinstance(dialog, SetupDialog)
    qtbot.keyClicks(dialog.name_edit, "Ana")
    qtbot.keyClicks(dialog.race_edit, "2026-01-01")
    qtbot.keyClick(dialog.race_edit, Qt.Key.Key_Return)
    assert "in the past" in dialog.message.text() and dialog.isVisible()
    assert harness.planning.athletes() == []
    assert window.welcome_view.isVisible()


def test_the_last_athlete_opens_and_the_switcher_changes_plans(
    qtbot: QtBot, open_window: Callable[[], MainWindow], harness: Harness
) -> None:
    harness.planning.set_up(FORM)
    harness.planning.set_up(replace(FORM, name="Bo", race_date="2027-05-30"))
    window = open_window()
    assert window.plan_view is not None and window.plan_view.overview.athlete == "Bo"
    combo = window.athlete_switcher.combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Ana", "Bo", "Add athlete…"]
    ana = combo.findText("Ana")
    combo.setCurrentIndex(ana)
    combo.activated.emit(ana)
    assert window.plan_view.overview.athlete == "Ana"
    assert window.windowTitle() == "Ana — Cramproof"
    ana_id = harness.planning.athletes()[0].id
    assert get_setting(harness.store, "last_athlete_id") == str(ana_id)
    add = combo.findText("Add athlete…")
    combo.activated.emit(add)
    dialog = wait_for_dialog(qtbot, window, SetupDialog)
    assert isinstance(dialog, SetupDialog) and dialog.name_edit.text() == ""
    assert combo.currentText() == "Ana"


def test_the_weekly_check_in_and_the_second_day_are_asked_on_open(
    qtbot: QtBot, open_window: Callable[[], MainWindow], harness: Harness
) -> None:
    planning = harness.planning
    planning.set_up(FORM)
    overview = planning.overview()
    assert overview is not None
    for entry in overview.days[:3]:
        log_session(
            harness.store,
            athlete_id=harness.athlete_id(),
            kind="heavy",
            day=entry.day.date,
            sets=HEAVY_DONE,
            planned_day_id=entry.day_id,
        )
    for number in (1, 2):
        harness.clock.set_day(WEEK1 + timedelta(weeks=number))
        question = planning.checkin_due()
        assert question is not None
        planning.record_checkin(question.week_start, pain=False, recovered=True)
    harness.clock.set_day(WEEK1 + timedelta(weeks=3, days=1))

    window = open_window()
    checkin = wait_for_dialog(qtbot, window, CheckinDialog)
    assert isinstance(checkin, CheckinDialog)
    assert checkin.question.week_start == WEEK1 + timedelta(weeks=2)
    qtbot.keyClick(checkin, Qt.Key.Key_1)
    offer = wait_for_dialog(qtbot, window, SecondDayDialog)
    assert isinstance(offer, SecondDayDialog)
    qtbot.keyClick(offer, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: window.plan_actions.dialog is None)

    plan = active_plan(harness.store, harness.athlete_id())
    assert plan is not None
    assert [d.decision for d in gate_decisions(harness.store, plan.id)] == ["accepted"]
    assert window.plan_view is not None
    view_overview = window.plan_view.overview
    speed = [e for e in view_overview.days if e.day.after == "speed_run"]
    assert speed and not any(e.day.conditional for e in speed)
    assert view_overview.note == "Second double day: on, after the speed run."
    assert "Second double day added" in window.statusBar().currentMessage()


def test_no_question_when_nothing_is_due(
    qtbot: QtBot, open_window: Callable[[], MainWindow], harness: Harness
) -> None:
    harness.planning.set_up(FORM)
    window = open_window()
    qtbot.wait(50)
    assert window.plan_actions.dialog is None


def test_export_writes_a_calendar_and_start_opens_todays_session(
    qtbot: QtBot, open_window: Callable[[], MainWindow], harness: Harness, tmp_path: Path
) -> None:
    harness.planning.set_up(FORM)
    harness.clock.set_day(WEEK1)
    window = open_window()
    target = tmp_path / "ana.ics"
    window.plan_actions.export_to(target)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert window.statusBar().currentMessage() == f"Exported 19 double days to {target}"
    assert window.plan_view is not None
    window.plan_view.start_button.click()
    gym = window.gym.view
    assert gym is not None and window._pages.currentWidget() is gym
    assert gym.session.plan.kind == "heavy"
    assert gym.session.book.record.planned_day_id is not None, "linked to today's planned day"
    window.gym.close()
    assert window._pages.currentWidget() is window.plan_view


def test_changing_the_race_date_re_plans_the_shown_plan(
    qtbot: QtBot, open_window: Callable[[], MainWindow], harness: Harness
) -> None:
    harness.planning.set_up(FORM)
    window = open_window()
    window.plan_actions.change_plan_action.trigger()
    dialog = wait_for_dialog(qtbot, window, SetupDialog)
    assert isinstance(dialog, SetupDialog) and dialog.name_edit.isReadOnly()
    dialog.race_edit.selectAll()
    qtbot.keyClicks(dialog.race_edit, "2027-05-02")
    qtbot.keyClick(dialog.race_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.plan_actions.dialog is None)
    assert window.plan_view is not None
    assert window.plan_view.overview.settings.race_date.isoformat() == "2027-05-02"
    assert "Re-planned from today" in window.statusBar().currentMessage()


def test_closing_before_the_first_question_asks_nothing(
    qtbot: QtBot, harness: Harness, data_dir: Path
) -> None:
    harness.planning.set_up(FORM)
    harness.clock.set_day(WEEK1 + timedelta(weeks=1))
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    window = MainWindow(store=harness.store, paths=paths, now=harness.clock)
    qtbot.addWidget(window)
    window.close()
    qtbot.wait(20)
    assert window.store is None and window.plan_actions.dialog is None


def test_choosing_a_variant_changes_every_day_of_the_plan(
    qtbot: QtBot, open_window: Callable[[], MainWindow], harness: Harness
) -> None:
    from desktop.ui.plan.exercises_dialog import ExercisesDialog

    harness.planning.set_up(replace(FORM, cramp_sites=("calf",)))
    window = open_window()
    window.plan_actions.exercises_action.trigger()
    dialog = wait_for_dialog(qtbot, window, ExercisesDialog)
    assert isinstance(dialog, ExercisesDialog)
    assert dialog.combos["squat"].currentData() == "back_squat"
    assert dialog.combos["accessory"].currentData() == "calf_raise"
    dialog.combos["squat"].setCurrentIndex(dialog.combos["squat"].findData("front_squat"))
    dialog.combos["accessory"].setCurrentIndex(dialog.combos["accessory"].findData(None))
    settings = harness.planning.settings()
    assert settings is not None
    assert settings.selection.squat == "front_squat"
    assert not settings.selection.include_accessory
    heavy = [day.heavy.exercises for day in harness.planning.saved_build_up().days]
    assert heavy and all("front_squat" in names and "calf_raise" not in names for names in heavy)
    assert "Exercises updated" in window.statusBar().currentMessage()


def test_a_runner_added_from_history_sees_their_new_plan(
    qtbot: QtBot, open_window: Callable[[], MainWindow], harness: Harness
) -> None:
    """Found by a trial: Add athlete… from History left the window on an empty History; and the
    last runner's "New build-up saved" stayed in the status line after switching back."""
    harness.planning.set_up(FORM)
    window = open_window()
    window.screens.history_action.trigger()  # F4
    assert window.screens.current_name() == "history"
    combo = window.athlete_switcher.combo
    combo.activated.emit(combo.findText("Add athlete…"))
    dialog = wait_for_dialog(qtbot, window, SetupDialog)
    assert isinstance(dialog, SetupDialog)
    qtbot.keyClicks(dialog.name_edit, "Bo")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.race_edit, "2027-05-30")
    qtbot.keyClick(dialog.race_edit, Qt.Key.Key_Return)
    pages = window.centralWidget()
    qtbot.waitUntil(lambda: pages.currentWidget() is window.plan_view)
    assert window.plan_view is not None and window.plan_view.overview.athlete == "Bo"
    assert "New build-up saved for Bo" in window.statusBar().currentMessage()
    ana = combo.findText("Ana")
    combo.setCurrentIndex(ana)
    combo.activated.emit(ana)
    assert window.plan_view.overview.athlete == "Ana"
    assert "Bo" not in window.statusBar().currentMessage()
