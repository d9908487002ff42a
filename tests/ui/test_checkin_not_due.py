"""Plan → Weekly check-in when none is due: it says when the next one opens, and lets the runner
answer this week's now with one key (before, Ctrl+K did nothing at all)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.checkins import checkins_for
from desktop.ui.plan.actions import PlanActions
from desktop.ui.plan.checkin_dialog import CheckinDialog, CheckinNotDueDialog
from tests.planning_support import (
    BEFORE_START,
    OFFSCREEN_SIZE_HINTS,
    RACE,
    WEEK1,
    Harness,
)

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    shown = QWidget()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def not_due_dialog(qtbot: QtBot, actions: PlanActions) -> CheckinNotDueDialog:
    actions.checkin_action.trigger()
    qtbot.waitUntil(lambda: isinstance(actions.dialog, CheckinNotDueDialog))
    dialog = actions.dialog
    assert isinstance(dialog, CheckinNotDueDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_ctrl_k_with_nothing_due_says_when_and_answers_this_week_now(
    qtbot: QtBot, window: QWidget, harness: Harness
) -> None:
    harness.clock.set_day(WEEK1 + timedelta(weeks=1, days=1))  # Mon 18 Jan, in week 2
    due = harness.planning.checkin_due()
    assert due is not None
    harness.planning.record_checkin(due.week_start, pain=False, recovered=True)
    actions = PlanActions(planning_getter=lambda: harness.planning, parent=window)
    posted: list[str] = []
    actions.message_posted.connect(posted.append)

    dialog = not_due_dialog(qtbot, actions)
    assert dialog.isVisible()
    assert dialog.question_label.text() == "No check-in is due now."
    assert "due on Sun 24 Jan, about the week Sun 17 Jan – Sat 23 Jan" in dialog.detail_label.text()
    assert [b.text() for b in dialog.buttons] == [
        "1   Answer now about this week (from Sun 17 Jan)"
    ]

    qtbot.keyClick(dialog, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: isinstance(actions.dialog, CheckinDialog))
    question = actions.dialog
    assert isinstance(question, CheckinDialog)
    qtbot.waitExposed(question)
    assert "Sun 17 Jan – Sat 23 Jan" in question.question_label.text()
    qtbot.keyClick(question, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: "Check-in saved" in posted)
    stored = checkins_for(harness.store, harness.athlete_id())
    assert [c.week_start for c in stored] == [WEEK1, WEEK1 + timedelta(weeks=1)]


def test_before_the_build_up_it_names_the_first_check_in_and_offers_nothing_to_answer(
    qtbot: QtBot, window: QWidget, harness: Harness
) -> None:
    harness.clock.set_day(BEFORE_START)
    actions = PlanActions(planning_getter=lambda: harness.planning, parent=window)
    dialog = not_due_dialog(qtbot, actions)
    assert "due on Sun 17 Jan, about the week Sun 10 Jan – Sat 16 Jan" in dialog.detail_label.text()
    assert dialog.buttons == []
    assert dialog.esc_label.text() == "Esc: close"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: actions.dialog is None)


def test_in_the_taper_it_says_none_is_left(qtbot: QtBot, window: QWidget, harness: Harness) -> None:
    harness.clock.set_day(RACE - timedelta(days=10))
    actions = PlanActions(planning_getter=lambda: harness.planning, parent=window)
    dialog = not_due_dialog(qtbot, actions)
    assert "none is left before the taper" in dialog.detail_label.text()
    assert dialog.buttons == []


def test_the_outlook_skips_weeks_already_answered(harness: Harness) -> None:
    harness.clock.set_day(WEEK1 + timedelta(days=2))
    harness.planning.record_checkin(WEEK1, pain=False, recovered=True)  # answered early
    outlook = harness.planning.checkin_outlook()
    assert outlook is not None
    assert outlook.anyway is None
    assert outlook.next_week == (WEEK1 + timedelta(weeks=1), date(2027, 1, 23))
    assert outlook.next_due == date(2027, 1, 24)
