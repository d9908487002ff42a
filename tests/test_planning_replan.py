"""Re-planning over a real log: future days only, logged sessions keep their day, plan stays."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from db.plans import active_plan, planned_days
from db.sessions import get_session
from db.store import Store
from desktop.domain.buildup.model import PlanInputError
from desktop.plan.planning import Planning
from tests.planning_support import (
    BEFORE_START,
    FORM,
    HEAVY_DONE,
    RACE,
    WEEK1,
    SettableClock,
    log_session,
    open_test_store,
)


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(BEFORE_START)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_test_store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def planning(store: Store, clock: SettableClock) -> Planning:
    planning = Planning(store, now=clock)
    planning.set_up(FORM)
    return planning


def first_two_weeks_logged(planning: Planning, store: Store) -> list[int]:
    """Week 1 done through its link, week 2 done a day late without one; returns session ids."""
    athlete = planning.current_athlete()
    assert athlete is not None
    overview = planning.overview()
    assert overview is not None
    week1, week2 = overview.days[0], overview.days[1]
    return [
        log_session(
            store,
            athlete_id=athlete.id,
            kind="heavy",
            day=week1.day.date,
            sets=HEAVY_DONE,
            planned_day_id=week1.day_id,
        ),
        log_session(
            store,
            athlete_id=athlete.id,
            kind="heavy",
            day=week2.day.date + timedelta(days=1),
            sets=HEAVY_DONE,
        ),
    ]


def test_a_later_race_re_plans_the_future_and_keeps_logged_history(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    sessions = first_two_weeks_logged(planning, store)
    athlete = planning.current_athlete()
    before = planning.overview()
    assert athlete is not None and before is not None
    linked_day_id = before.days[0].day_id
    plan_before = active_plan(store, athlete.id)
    today = WEEK1 + timedelta(weeks=2, days=2)
    clock.set_day(today)
    form = planning.current_form()
    assert form is not None and form.race_date == RACE.isoformat()
    later_race = RACE + timedelta(weeks=2)
    overview = planning.change_plan(replace(form, race_date=later_race.isoformat()))

    assert overview.settings.race_date == later_race
    plan = active_plan(store, athlete.id)
    assert plan is not None and plan_before is not None and plan.id == plan_before.id
    assert get_session(store, sessions[0]).planned_day_id == linked_day_id
    assert linked_day_id in {d.id for d in planned_days(store, plan.id)}
    assert [(e.day.date, e.heavy) for e in overview.days[:3]] == [
        (WEEK1, "done"),
        (WEEK1 + timedelta(weeks=1), "done"),
        (WEEK1 + timedelta(weeks=2), "missed"),
    ]
    assert overview.days[0].day_id == linked_day_id
    future = [e.day for e in overview.days[3:]]
    assert all(day.date >= today for day in future)
    assert (future[0].date, future[0].weeks_out) == (WEEK1 + timedelta(weeks=3), 13)
    assert overview.weeks[0].start == WEEK1 + timedelta(weeks=2)
    assert [e.day.date for e in overview.earlier] == [WEEK1, WEEK1 + timedelta(weeks=1)]


def test_a_new_long_run_weekday_moves_only_future_days(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    first_two_weeks_logged(planning, store)
    clock.set_day(WEEK1 + timedelta(weeks=2))
    form = planning.current_form()
    assert form is not None
    overview = planning.change_plan(replace(form, long_run_day=5, speed_day=1))
    past = [e.day.date.weekday() for e in overview.days if e.day.date < clock().date()]
    future = [e.day for e in overview.days if e.day.date >= clock().date()]
    assert past == [6, 6]
    assert {d.date.weekday() for d in future if d.after == "long_run"} == {5}
    assert {d.date.weekday() for d in future if d.after == "speed_run"} == {1}


def test_an_earlier_race_shows_done_days_in_the_new_weeks(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    first_two_weeks_logged(planning, store)
    today = WEEK1 + timedelta(weeks=2)
    clock.set_day(today)
    form = planning.current_form()
    assert form is not None
    overview = planning.change_plan(
        replace(form, race_date=(RACE - timedelta(weeks=2)).isoformat())
    )
    assert overview.weeks[0].start == WEEK1 - timedelta(weeks=2)
    assert [(e.day.date, e.heavy) for e in overview.weeks[2].days] == [(WEEK1, "done")]
    assert overview.weeks[3].phase == "phase2"
    assert [e.heavy for e in overview.weeks[3].days] == ["done"]
    assert [(e.day.date, e.day.conditional) for e in overview.weeks[4].days] == [
        (today, False),
        (today + timedelta(days=3), True),
    ]
    assert overview.earlier == ()


def test_a_change_that_cannot_be_planned_changes_nothing(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    clock.set_day(WEEK1 + timedelta(weeks=1))
    before = planning.saved_build_up()
    rows_before = store.db.execute("SELECT count(*) FROM planned_days").fetchone()[0]
    form = planning.current_form()
    assert form is not None
    for bad, message in (
        (replace(form, race_date="2027-01-01"), "in the past"),
        (replace(form, speed_day=6), "different days"),
        (replace(form, race_date="2027-02-01"), "No strength plan"),
        (replace(form, race_date="9999-12-31"), "more than 2 years away"),
    ):
        with pytest.raises(PlanInputError, match=message):
            planning.change_plan(bad)
    assert planning.saved_build_up() == before
    assert store.db.execute("SELECT count(*) FROM planned_days").fetchone()[0] == rows_before
