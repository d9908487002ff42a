"""replan_plan: new settings and future days in one transaction, linked history untouched."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from db.plans import active_plan, planned_days, replan_plan, save_plan
from db.records import Athlete, PlannedDayRecord, PlanRecord
from db.sessions import start_session
from db.store import Store
from tests.db.helpers import NOW

RACE = date(2025, 6, 1)
FIRST = date(2025, 2, 23)


def a_plan(athlete_id: int) -> PlanRecord:
    return PlanRecord(
        athlete_id=athlete_id,
        race_date=RACE,
        weeks=14,
        long_run_day=6,
        speed_day=2,
        cramp_sites=("calf",),
        units="kg",
        created_at=NOW,
        options={"started_on": "2025-02-20"},
    )


def sundays(first: date, count: int) -> list[PlannedDayRecord]:
    return [
        PlannedDayRecord(
            date=first + timedelta(weeks=k),
            after="long_run",
            conditional=False,
            week=k + 1,
            weeks_out=14 - k,
            phase="phase1",
        )
        for k in range(count)
    ]


def test_settings_change_and_only_unlinked_future_days_are_replaced(
    store: Store, athlete: Athlete
) -> None:
    plan = save_plan(store, a_plan(athlete.id), sundays(FIRST, 4))
    days = planned_days(store, plan.id)
    start_session(
        store, athlete_id=athlete.id, kind="heavy", planned_day_id=days[2].id, started_at=NOW
    )
    later = replace(plan, race_date=RACE + timedelta(weeks=1), long_run_day=5, options={"x": 1})
    today = days[1].date
    moved = [replace(day, date=day.date - timedelta(days=1)) for day in sundays(FIRST, 4)[1:]]
    current = replan_plan(store, later, moved, from_date=today, now=NOW)

    stored = active_plan(store, athlete.id)
    assert stored is not None and stored.id == plan.id
    assert (stored.race_date, stored.long_run_day, dict(stored.options)) == (
        RACE + timedelta(weeks=1),
        5,
        {"x": 1},
    )
    assert days[0] in current and days[2] in current
    assert days[1] not in current and days[3] not in current
    assert sorted(d.date for d in current) == [
        FIRST,
        FIRST + timedelta(weeks=2, days=-1),
        FIRST + timedelta(weeks=2),
        FIRST + timedelta(weeks=3, days=-1),
    ]


def test_an_invalid_change_saves_nothing(store: Store, athlete: Athlete) -> None:
    plan = save_plan(store, a_plan(athlete.id), sundays(FIRST, 2))
    with pytest.raises(ValueError, match="different days"):
        replan_plan(store, replace(plan, speed_day=6), [], from_date=FIRST)
    assert active_plan(store, athlete.id) == plan
    assert len(planned_days(store, plan.id)) == 2


def test_an_unsaved_or_unknown_plan_is_refused(store: Store, athlete: Athlete) -> None:
    with pytest.raises(ValueError, match="saved plan"):
        replan_plan(store, a_plan(athlete.id), [], from_date=FIRST)
    with pytest.raises(LookupError):
        replan_plan(store, replace(a_plan(athlete.id), id=999), [], from_date=FIRST)
