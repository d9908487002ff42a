"""A long run moved to Saturday takes its double day along: done there, not missed, and never
credited to Friday's speed day; the run anchors one planned day only."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from desktop.domain.progress.day_status import (
    LoggedSession,
    PlannedSession,
    moved,
    session_statuses,
)
from desktop.domain.runs.run_anchor import RunSpan, anchor_days

SUNDAY = date(2027, 1, 31)
SATURDAY = SUNDAY - timedelta(days=1)
FRIDAY = SUNDAY - timedelta(days=2)
LIFTS = ("back_squat", "conventional_deadlift", "lunge")
WORK = {"back_squat": 3, "conventional_deadlift": 3}
# Friday's speed day (id 2) and Sunday's long-run day (id 1), heavy then light, in date order.
PLAN = [
    PlannedSession(2, FRIDAY, "heavy", LIFTS, 3),
    PlannedSession(2, FRIDAY, "light", LIFTS, 2),
    PlannedSession(1, SUNDAY, "heavy", LIFTS, 3),
    PlannedSession(1, SUNDAY, "light", LIFTS, 2),
]
ON_SATURDAY = [
    LoggedSession(SATURDAY, "heavy", None, WORK),
    LoggedSession(SATURDAY, "light", None, WORK),
]


def _run(run_id: int, day: date, km: float) -> RunSpan:
    start = datetime(day.year, day.month, day.day, 8, tzinfo=timezone(timedelta(hours=1)))
    return RunSpan(run_id, start, start + timedelta(hours=2), km * 1000)


def test_without_the_run_saturday_s_sessions_would_count_for_friday() -> None:
    # The one-day slack alone: Friday's speed day is as near as Sunday's and comes first.
    statuses = session_statuses(PLAN, ON_SATURDAY, today=SUNDAY + timedelta(days=2))
    assert statuses == ["done", "done", "missed", "missed"]


def test_the_long_run_on_saturday_moves_the_double_day_and_it_counts_as_done() -> None:
    runs = [_run(7, SATURDAY, 30.2)]
    days = [(2, FRIDAY, "speed_run"), (1, SUNDAY, "long_run")]
    anchored = {day_id: run.day for day_id, run in anchor_days(runs, days).items()}
    assert anchored == {1: SATURDAY}  # the long run is Sunday's, not also Friday's speed run
    statuses = session_statuses(moved(PLAN, anchored), ON_SATURDAY, today=SUNDAY + timedelta(2))
    assert statuses == ["missed", "missed", "done", "done"]


def test_a_moved_day_is_due_from_the_run_s_day_and_missed_after_the_slack() -> None:
    plan = moved(PLAN[2:], {1: SATURDAY})
    assert session_statuses(plan, [], today=FRIDAY) == ["upcoming", "upcoming"]
    assert session_statuses(plan, [], today=SATURDAY) == ["today", "today"]
    assert session_statuses(plan, [], today=SUNDAY + timedelta(days=1)) == ["today", "today"]
    assert session_statuses(plan, [], today=SUNDAY + timedelta(days=2)) == ["missed", "missed"]


def test_a_run_on_the_planned_day_moves_nothing() -> None:
    assert moved(PLAN, {1: SUNDAY}) == PLAN
