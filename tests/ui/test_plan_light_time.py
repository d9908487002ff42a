"""The Plan screen names the light session's time the heavy session set ("at 17:30")."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from db.light_reminders import LightReminder, save_light_reminder
from desktop.plan.light_session import TOO_LATE_TEXT
from tests.local_zone import local_time
from tests.planning_support import HEAVY_DONE, OFFSCREEN_SIZE_HINTS, WEEK1, Harness, log_session
from tests.ui.test_plan_view import show

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def test_after_the_heavy_session_the_plan_shows_the_light_sessions_time(
    qtbot: QtBot, harness: Harness
) -> None:
    today = WEEK1 + timedelta(weeks=3)
    harness.clock.set_day(today)
    athlete = harness.athlete_id()
    log_session(harness.store, athlete_id=athlete, kind="heavy", day=today, sets=HEAVY_DONE)
    ended, at = local_time(today, 11, 30), local_time(today, 17, 30)
    save_light_reminder(harness.store, LightReminder(athlete, today, ended, at))
    view = show(qtbot, harness.planning)
    assert view.today_label.text() == "Today: light session at 17:30."
    assert view.start_button.text() == "&Start light session"


def test_without_a_stored_time_it_stays_later_today(qtbot: QtBot, harness: Harness) -> None:
    today = WEEK1 + timedelta(weeks=3)
    harness.clock.set_day(today)
    athlete = harness.athlete_id()
    log_session(harness.store, athlete_id=athlete, kind="heavy", day=today, sets=HEAVY_DONE)
    yesterday = today - timedelta(days=1)
    save_light_reminder(
        harness.store,
        LightReminder(athlete, yesterday, local_time(yesterday, 9), local_time(yesterday, 15)),
    )
    view = show(qtbot, harness.planning)
    assert view.today_label.text() == "Today: light session, later today."


def test_after_a_heavy_session_past_the_cut_off_it_says_too_late(
    qtbot: QtBot, harness: Harness
) -> None:
    """A heavy session ending at 23:14 proposed no time: the Plan screen says so plainly, in the
    summary's words, instead of promising the light session "later today"."""
    today = WEEK1 + timedelta(weeks=3)
    harness.clock.moment = local_time(today, 23, 20)
    log_session(
        harness.store, athlete_id=harness.athlete_id(), kind="heavy", day=today, sets=HEAVY_DONE
    )
    view = show(qtbot, harness.planning)
    assert view.today_label.text() == TOO_LATE_TEXT
    assert view.start_button.text() == "&Start light session", "doing it now is still allowed"
