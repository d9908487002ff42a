"""Plans: saved whole, one active plan, re-planning forward only, gate decisions, variant swaps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from db.plans import (
    active_plan,
    gate_decisions,
    get_plan,
    plan_exercises,
    planned_days,
    record_gate_decision,
    replace_future_days,
    save_plan,
    set_plan_exercise,
)
from db.records import Athlete, PlannedDayRecord, PlanRecord
from db.sessions import start_session
from db.store import Store
from tests.db.helpers import NOW

RACE = date(2025, 6, 1)


def a_plan(athlete_id: int, **changes: object) -> PlanRecord:
    values: dict[str, object] = {
        "athlete_id": athlete_id,
        "race_date": RACE,
        "weeks": 14,
        "long_run_day": 6,
        "speed_day": 2,
        "cramp_sites": ("calf", "hamstring"),
        "units": "kg",
        "created_at": NOW,
        "options": {"heavy_sets_later": 4, "heavy_rest_s": [180, 300]},
    }
    values.update(changes)
    return PlanRecord(**values)  # type: ignore[arg-type]


def weekly_days(first: date, count: int, *, after: str = "long_run") -> list[PlannedDayRecord]:
    return [
        PlannedDayRecord(
            date=first + timedelta(weeks=week),
            after=after,  # type: ignore[arg-type]
            conditional=after == "speed_run",
            week=week + 1,
            weeks_out=14 - week,
            phase="phase1" if week < 3 else "phase2",
        )
        for week in range(count)
    ]


def test_saved_plan_reads_back_with_its_days(store: Store, athlete: Athlete) -> None:
    days = weekly_days(date(2025, 3, 2), 11)
    saved = save_plan(store, a_plan(athlete.id), days)
    assert saved.id is not None and saved.active
    assert active_plan(store, athlete.id) == saved
    assert get_plan(store, saved.id) == saved
    stored = planned_days(store, saved.id)
    assert [replace(day, id=None, plan_id=None) for day in stored] == days
    assert {day.plan_id for day in stored} == {saved.id}


def test_a_new_plan_retires_the_previous_one(store: Store, athlete: Athlete) -> None:
    first = save_plan(store, a_plan(athlete.id), weekly_days(date(2025, 3, 2), 2))
    second = save_plan(store, a_plan(athlete.id, weeks=16), weekly_days(date(2025, 3, 2), 2))
    assert active_plan(store, athlete.id) == second
    assert first.id is not None and not get_plan(store, first.id).active
    assert len(planned_days(store, first.id)) == 2


def test_no_plan_yet(store: Store, athlete: Athlete) -> None:
    assert active_plan(store, athlete.id) is None
    with pytest.raises(LookupError):
        get_plan(store, 1)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weeks": 12}, "14, 15 or 16"),
        ({"speed_day": 6}, "different days"),
        ({"long_run_day": 7}, "0 \\(Monday\\)"),
        ({"units": "stone"}, "'kg' or 'lb'"),
    ],
)
def test_impossible_plans_are_refused(
    store: Store, athlete: Athlete, changes: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        save_plan(store, a_plan(athlete.id, **changes), [])
    assert active_plan(store, athlete.id) is None


def test_a_failing_day_rolls_the_whole_plan_back(store: Store, athlete: Athlete) -> None:
    days = weekly_days(date(2025, 3, 2), 3)
    bad = [*days, replace(days[0], week=0)]
    with pytest.raises(Exception, match="CHECK"):
        save_plan(store, a_plan(athlete.id), bad)
    assert active_plan(store, athlete.id) is None
    assert store.db.table("planned_days").count == 0


def test_replanning_keeps_the_past_and_the_days_sessions_link_to(
    store: Store, athlete: Athlete
) -> None:
    plan = save_plan(store, a_plan(athlete.id), weekly_days(date(2025, 3, 2), 6))
    assert plan.id is not None
    old = planned_days(store, plan.id)
    linked = old[3]
    start_session(
        store, athlete_id=athlete.id, kind="heavy", planned_day_id=linked.id, started_at=NOW
    )
    cut = old[2].date
    new_days = weekly_days(date(2025, 3, 1), 6) + weekly_days(linked.date, 1, after="long_run")
    current = replace_future_days(store, plan.id, new_days, from_date=cut, now=NOW)

    kept_ids = {day.id for day in current if day.id in {o.id for o in old}}
    assert kept_ids == {old[0].id, old[1].id, linked.id}
    assert [day.date for day in current if day.id not in kept_ids] == [
        day.date for day in new_days[:6] if day.date >= cut
    ]
    assert sum(1 for day in current if day.date == linked.date) == 1
    everything = planned_days(store, plan.id, include_superseded=True)
    superseded = {day.id for day in everything if day.superseded_at == NOW}
    assert superseded == {old[2].id, old[4].id, old[5].id}
    assert len(everything) == len(old) + len(current) - len(kept_ids)


def test_gate_decisions_keep_the_latest_answer_per_week(store: Store, athlete: Athlete) -> None:
    plan = save_plan(store, a_plan(athlete.id), [])
    assert plan.id is not None
    week = date(2025, 4, 7)
    record_gate_decision(
        store, plan_id=plan.id, week_start=week, decision="declined", decided_at=NOW
    )
    latest = record_gate_decision(
        store,
        plan_id=plan.id,
        week_start=week,
        decision="accepted",
        decided_at=NOW + timedelta(days=1),
    )
    assert gate_decisions(store, plan.id) == [latest]
    assert latest.decision == "accepted"
    with pytest.raises(ValueError):
        record_gate_decision(
            store,
            plan_id=plan.id,
            week_start=week,
            decision="maybe",  # type: ignore[arg-type]
            decided_at=NOW,
        )


def test_variant_swaps_per_slot(store: Store, athlete: Athlete) -> None:
    plan = save_plan(store, a_plan(athlete.id), [])
    assert plan.id is not None
    set_plan_exercise(
        store, plan_id=plan.id, session_kind="heavy", slot=0, exercise_key="back_squat"
    )
    set_plan_exercise(
        store, plan_id=plan.id, session_kind="heavy", slot=0, exercise_key="front_squat"
    )
    set_plan_exercise(store, plan_id=plan.id, session_kind="light", slot=1, exercise_key="step_up")
    assert [(e.session_kind, e.slot, e.exercise_key) for e in plan_exercises(store, plan.id)] == [
        ("heavy", 0, "front_squat"),
        ("light", 1, "step_up"),
    ]
    assert len(plan_exercises(store, plan.id, session_kind="light")) == 1
