"""The weekly check-in and the second double day over a real log: asked, offered, kept, closed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from db.checkins import checkins_for
from db.plans import active_plan, gate_decisions
from db.store import Store
from desktop.domain.buildup.model import PlanInputError
from desktop.plan.planning import Planning
from tests.planning_support import (
    BEFORE_START,
    FORM,
    HEAVY_DONE,
    LIGHT_DONE,
    WEEK1,
    SettableClock,
    log_session,
    open_test_store,
)


def week(number: int) -> date:
    return WEEK1 + timedelta(weeks=number - 1)


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


def athlete_id(planning: Planning) -> int:
    athlete = planning.current_athlete()
    assert athlete is not None
    return athlete.id


def train(planning: Planning, store: Store, days: list[date]) -> None:
    """Do the heavy session of each of these planned days, on the day, through its link."""
    overview = planning.overview()
    assert overview is not None
    ids = {e.day.date: e.day_id for e in overview.days}
    for day in days:
        log_session(
            store,
            athlete_id=athlete_id(planning),
            kind="heavy",
            day=day,
            sets=HEAVY_DONE,
            planned_day_id=ids[day],
        )


def three_good_weeks(planning: Planning, store: Store, clock: SettableClock) -> None:
    train(planning, store, [week(1), week(2), week(3)])
    for number in (1, 2, 3):
        clock.set_day(week(number + 1))
        question = planning.checkin_due()
        assert question is not None and question.week_start == week(number)
        planning.record_checkin(question.week_start, pain=False, recovered=True)
    clock.set_day(week(4) + timedelta(days=1))


def speed_days(planning: Planning) -> list[tuple[date, bool]]:
    overview = planning.overview()
    assert overview is not None
    return [(e.day.date, e.day.conditional) for e in overview.days if e.day.after == "speed_run"]


def test_the_check_in_is_due_once_a_week_about_the_week_before(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    clock.set_day(week(1) + timedelta(days=3))
    assert planning.checkin_due() is None
    clock.set_day(week(2) + timedelta(days=2))
    question = planning.checkin_due()
    assert question is not None
    assert (question.athlete, question.week_start, question.week_end) == (
        "Ana",
        week(1),
        week(1) + timedelta(days=6),
    )
    planning.record_checkin(question.week_start, pain=True, recovered=False)
    assert planning.checkin_due() is None
    (stored,) = checkins_for(store, athlete_id(planning))
    assert (stored.week_start, stored.pain, stored.recovered) == (week(1), True, False)
    clock.set_day(week(12) + timedelta(days=1))
    assert planning.checkin_due() is None, "no check-in in the taper"


def test_the_gate_opens_after_three_good_weeks_and_the_offer_can_be_accepted(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    three_good_weeks(planning, store, clock)
    offer = planning.refresh()
    assert offer is not None
    assert (offer.week_start, offer.first_day) == (week(4), week(4) + timedelta(days=3))
    overview = planning.overview()
    assert overview is not None and overview.note is not None and "gate is open" in overview.note
    assert all(conditional for _day, conditional in speed_days(planning))

    planning.decide_second_day(accept=True)
    plan = active_plan(store, athlete_id(planning))
    assert plan is not None
    (decision,) = gate_decisions(store, plan.id)
    assert (decision.week_start, decision.decision) == (week(4), "accepted")
    assert all(not conditional for _day, conditional in speed_days(planning))
    assert planning.refresh() is None
    after = planning.overview()
    assert after is not None and after.note == "Second double day: on, after the speed run."


def test_a_declined_offer_is_stored_and_asked_again_next_week(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    three_good_weeks(planning, store, clock)
    assert planning.refresh() is not None
    planning.decide_second_day(accept=False)
    plan = active_plan(store, athlete_id(planning))
    assert plan is not None
    assert [d.decision for d in gate_decisions(store, plan.id)] == ["declined"]
    assert planning.refresh() is None
    assert all(conditional for _day, conditional in speed_days(planning))
    train(planning, store, [week(4)])
    clock.set_day(week(5))
    question = planning.checkin_due()
    assert question is not None
    planning.record_checkin(question.week_start, pain=False, recovered=True)
    offer = planning.refresh()
    assert offer is not None and offer.week_start == week(5)


def test_a_missed_heavy_session_keeps_the_gate_closed(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    three_good_weeks(planning, store, clock)
    store.db.execute("DELETE FROM sets")
    assert planning.refresh() is None
    overview = planning.overview()
    assert overview is not None and overview.note is not None
    assert overview.note.startswith("Second double day: not yet.")
    assert "was not done" in overview.note


def test_an_athlete_without_a_plan_has_nothing_to_decide(
    planning: Planning, clock: SettableClock
) -> None:
    planning.add_athlete("Bo")
    assert planning.checkin_due() is None and planning.refresh() is None
    with pytest.raises(PlanInputError, match="Set up a build-up first"):
        planning.decide_second_day(accept=True)


def test_an_accepted_second_day_turns_conditional_again_when_the_gate_closes(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    three_good_weeks(planning, store, clock)
    planning.refresh()
    planning.decide_second_day(accept=True)
    train(planning, store, [week(4), week(4) + timedelta(days=3)])
    clock.set_day(week(5))
    question = planning.checkin_due()
    assert question is not None
    planning.record_checkin(question.week_start, pain=True, recovered=True)
    assert planning.refresh() is None
    days = speed_days(planning)
    assert (week(4) + timedelta(days=3), False) in days, "the past stays as it was"
    assert all(conditional for day, conditional in days if day >= week(5))
    overview = planning.overview()
    assert overview is not None and overview.note is not None and "Pain" in overview.note


def test_statuses_and_the_session_to_start(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    train(planning, store, [week(1)])
    log_session(
        store,
        athlete_id=athlete_id(planning),
        kind="heavy",
        day=week(2),
        sets={"back_squat": 3, "conventional_deadlift": 1},
    )
    clock.set_day(week(4))
    overview = planning.overview()
    assert overview is not None
    statuses = [(e.heavy, e.light) for e in overview.days[:4]]
    assert statuses == [
        ("done", "missed"),
        ("partly", "missed"),
        ("missed", "missed"),
        ("today", "today"),
    ]
    assert [e.status for e in overview.days[:4]] == ["partly", "partly", "missed", "today"]
    assert overview.days[3].is_today and overview.next_kind() == "heavy"
    assert overview.days[4].heavy == "conditional"
    assert [w.current for w in overview.weeks].index(True) == 3
    train(planning, store, [week(4)])
    overview = planning.overview()
    assert overview is not None and overview.next_kind() == "light"
    log_session(store, athlete_id=athlete_id(planning), kind="light", day=week(4), sets=LIGHT_DONE)
    overview = planning.overview()
    assert overview is not None
    assert overview.days[3].status == "done"
    assert overview.due() is None and overview.next_kind() is None
    next_day = overview.next_day()
    assert next_day is not None and next_day.day.date == week(4) + timedelta(days=3)


def test_refreshing_again_writes_nothing_new(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    three_good_weeks(planning, store, clock)
    planning.refresh()
    planning.decide_second_day(accept=True)
    rows = store.db.execute("SELECT count(*) FROM planned_days").fetchone()[0]
    for _ in range(3):
        assert planning.refresh() is None
    assert store.db.execute("SELECT count(*) FROM planned_days").fetchone()[0] == rows


def test_a_swapped_variant_keeps_done_days_done_and_the_gate_open(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    """Past days are shown with today's variants: a back squat logged before the swap to the
    front squat still squats, so week 1 stays done and the three good weeks still open the gate."""
    overview = planning.overview()
    assert overview is not None
    first = next(e for e in overview.days if e.day.date == week(1))
    log_session(
        store,
        athlete_id=athlete_id(planning),
        kind="light",
        day=week(1),
        sets=LIGHT_DONE,
        planned_day_id=first.day_id,
    )
    three_good_weeks(planning, store, clock)
    planning.swap_variant("squat", "front_squat")
    after = planning.overview()
    assert after is not None
    done_days = [e for e in after.days if e.day.date in (week(1), week(2), week(3))]
    assert done_days[0].day.heavy.exercises[0] == "front_squat"
    assert [(e.heavy, e.light) for e in done_days] == [
        ("done", "done"),
        ("done", "missed"),
        ("done", "missed"),
    ]
    assert planning.refresh() is not None, "the gate stays open"


def test_a_variant_swapped_in_the_gym_counts_as_done(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    overview = planning.overview()
    assert overview is not None
    first = next(e for e in overview.days if e.day.date == week(1))
    assert first.day.heavy.exercises[:2] == ("back_squat", "conventional_deadlift")
    log_session(
        store,
        athlete_id=athlete_id(planning),
        kind="heavy",
        day=week(1),
        sets={"front_squat": 3, "romanian_deadlift": 3},
        planned_day_id=first.day_id,
    )
    clock.set_day(week(1) + timedelta(days=3))
    after = planning.overview()
    assert after is not None
    assert next(e for e in after.days if e.day.date == week(1)).heavy == "done"
