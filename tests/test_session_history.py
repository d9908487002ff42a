"""Prefilled loads, warm-ups, units and the light session's finishers, from a real log."""

from __future__ import annotations

import pytest

from db.sessions import get_session, sets_for_session
from db.settings import set_setting
from db.store import Store
from desktop.domain.gym.plates import lb_to_kg
from desktop.domain.gym.workout import WarmupSet
from desktop.domain.rest.rest_timer import LIGHT_WINDOW
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import Prompt, Stage, WorkoutSession
from tests.fake_clock import FakeClock
from tests.gym_support import end_rest, leave_start_loads, lift_set, plan_for_today


def squat_session(store: Store, clock: FakeClock, *, load: str, reps: str) -> None:
    """A heavy session with three squat sets at `load`, the rest skipped, finished."""
    session = leave_start_loads(start_workout(store, clock=clock, kind="heavy"))
    session.skip_warmups()
    for number in range(3):
        session.primary()
        session.primary()
        session.edit(load=load, reps=reps)
        assert session.save()
        if number < 2:
            end_rest(session, clock, seconds=200)
    session.end_early()
    session.confirm()
    assert session.finish(notes="")
    clock.advance(86_400)


def test_next_heavy_session_prefills_the_suggested_load_with_warmups(
    store: Store, clock: FakeClock
) -> None:
    squat_session(store, clock, load="100", reps="5")
    session = leave_start_loads(start_workout(store, clock=clock, kind="heavy"))
    assert session.plan.slots[0].warmups == (
        WarmupSet(20.0, 5),
        WarmupSet(52.5, 5),
        WarmupSet(80.0, 3),
    )
    upcoming = session.next
    assert upcoming is not None and upcoming.warmup and upcoming.load_kg == 20.0
    lift_set(session, clock)
    assert session.rest is not None and session.rest.window == LIGHT_WINDOW
    clock.advance(30)
    session.primary()
    assert session.prompt is None, "a warm-up rest never asks for confirmation"
    session.primary()
    assert session.draft is not None and (session.draft.reps, session.draft.load) == ("5", "52.5")
    session.confirm()
    end_rest(session, clock, seconds=60)
    session.primary()
    session.confirm()
    end_rest(session, clock, seconds=90)
    session.primary()
    assert session.next is not None and not session.next.warmup
    assert session.draft is not None and session.draft.load == "105"
    session.confirm()
    rows = sets_for_session(store, session.session_id)
    assert [(r.warmup, r.reps, r.load_kg) for r in rows] == [
        (True, 5, 20.0),
        (True, 5, 52.5),
        (True, 3, 80.0),
        (False, 5, 105.0),
    ]
    assert [r.rest_before_s for r in rows] == [None, 30.0, 60.0, 90.0]
    assert session.summary.warmups == 3 and session.summary.work_sets == 1


def test_a_hard_session_suggests_less_next_time(store: Store, clock: FakeClock) -> None:
    squat_session(store, clock, load="100", reps="3")
    session = leave_start_loads(start_workout(store, clock=clock, kind="heavy"))
    session.skip_warmups()
    session.primary()
    session.primary()
    assert session.draft is not None and session.draft.load == "95"


def test_pounds_show_and_step_in_pounds_and_store_kilograms(store: Store, clock: FakeClock) -> None:
    athlete, _day = plan_for_today(store, clock, units="lb")
    set_setting(store, "plates", "45,25,10,5,2.5", athlete_id=athlete)
    session = leave_start_loads(start_workout(store, clock=clock, kind="heavy"))
    assert session.units == "lb" and session.book.equipment.plates == (45, 25, 10, 5, 2.5)
    session.primary()
    session.primary()
    assert session.draft is not None and session.draft.load == "45"
    session.adjust_load(+2)
    assert session.draft.load == "55"
    session.edit(load="2300")
    assert not session.save()
    assert "2204.6 lb" in (session.message or "")
    session.edit(load="225")
    assert session.save()
    assert sets_for_session(store, session.session_id)[0].load_kg == pytest.approx(lb_to_kg(225))


def test_light_session_holds_planks_for_the_stopwatch_seconds(
    store: Store, clock: FakeClock
) -> None:
    session = start_workout(store, clock=clock, kind="light")
    keys = [slot.key for slot in session.plan.slots]
    assert keys == [
        "back_squat",
        "conventional_deadlift",
        "reverse_lunge",
        "plank",
        "side_plank",
        "dead_bug",
        "single_leg_glute_bridge",
    ]
    assert all(slot.sets == 2 and not slot.warmups for slot in session.plan.slots)
    for _ in range(3):
        session.skip_exercise()
    assert session.next is not None and session.next.hold
    session.primary()
    clock.advance(47.4)
    assert round(session.lifting_s) == 47
    session.primary()
    assert session.draft is not None and session.draft.reps == "47"
    session.adjust_reps(+1)
    session.confirm()
    plank = sets_for_session(store, session.session_id)[0]
    assert (plank.reps, plank.hold_s, plank.target_reps_min, plank.target_reps_max) == (
        0,
        52.0,
        0,
        0,
    )
    assert session.stage is Stage.RESTING and session.rest is not None
    assert session.rest.window == LIGHT_WINDOW
    clock.advance(10)
    session.primary()
    assert session.prompt is None and session.stage is Stage.LIFTING
    session.primary()
    session.edit(reps="1:00")
    session.confirm()
    second = sets_for_session(store, session.session_id)[1]
    assert (second.hold_s, second.rest_before_s) == (60.0, 10.0)


def test_the_cramp_question_follows_the_long_run_only(store: Store, clock: FakeClock) -> None:
    plan_for_today(store, clock, after="speed_run")
    heavy = start_workout(store, clock=clock, kind="heavy")
    assert heavy.plan.after == "speed_run" and not heavy.wants_cramp_report
    assert not start_workout(store, clock=clock, kind="light").wants_cramp_report


def test_swap_prompt_needs_a_variant_to_offer(store: Store, clock: FakeClock) -> None:
    session: WorkoutSession = leave_start_loads(start_workout(store, clock=clock, kind="heavy"))
    session.open_swap()
    assert session.prompt is Prompt.SWAP
    session.choose_swap(99)
    assert session.prompt is Prompt.SWAP, "an out-of-range digit changes nothing"
    session.back()
    session.choose_swap(0)
    assert session.next is not None and session.next.key == "back_squat"
    assert get_session(store, session.session_id).layout["slots"][0]["key"] == "back_squat"


def test_the_plans_variant_swaps_reach_the_gym(store: Store, clock: FakeClock) -> None:
    from desktop.plan.planning import Planning

    plan_for_today(store, clock)
    Planning(store, now=clock.wall).swap_variant("squat", "front_squat")
    heavy = start_workout(store, clock=clock, kind="heavy")
    assert heavy.plan.slots[0].key == "front_squat"
