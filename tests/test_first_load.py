"""A lift's first heavy session asks for a starting load; the warm-ups and the sets use it.

Before, a runner's first heavy session started every lift at the empty bar with no warm-ups
(the ramp is a share of a work load there was none of) and nothing asked for one.
"""

from __future__ import annotations

from datetime import timedelta

from db.sessions import sets_for_session
from db.store import Store
from desktop.domain.gym.workout import Prompt, Stage, WarmupSet
from desktop.gym.opening.start import resume_workout, start_workout
from desktop.gym.underway.session import WorkoutSession
from tests.fake_clock import FakeClock
from tests.gym_support import fake_clock, lift_set, plan_for_today

RAMP_60 = (WarmupSet(20.0, 5), WarmupSet(30.0, 5), WarmupSet(45.0, 3))


def asked(session: WorkoutSession) -> str | None:
    return session.start_load.key if session.prompt is Prompt.START_LOAD else None


def answer(session: WorkoutSession, text: str) -> None:
    session.start_load.type(text)
    session.confirm()


def test_the_first_heavy_session_asks_each_lift_in_turn_and_ramps_from_the_answer(
    store: Store, clock: FakeClock
) -> None:
    plan_for_today(store, clock)
    session = start_workout(store, clock=clock, kind="heavy")
    assert (session.stage, asked(session)) == (Stage.READY, "back_squat")
    assert session.start_load.text == "40", "a light guess, selected for overtyping"
    answer(session, "60")
    assert session.plan.slots[0].warmups == RAMP_60
    assert asked(session) == "conventional_deadlift"
    session.back()  # Esc: set it on the form
    assert asked(session) == "reverse_lunge"
    answer(session, "heavy")
    assert session.message is not None and "must be a number" in session.message
    assert asked(session) == "reverse_lunge", "a load it cannot read is asked again"
    answer(session, "16")
    assert session.prompt is None and session.message is None
    upcoming = session.next
    assert upcoming is not None and (upcoming.warmup, upcoming.load_kg) == (True, 20.0)
    session.skip_warmups()
    upcoming = session.next
    assert upcoming is not None and session.book.planned_load_kg(upcoming) == 60.0
    lift_set(session, clock)
    assert [row.load_kg for row in sets_for_session(store, session.session_id)] == [60.0]
    deadlift = session.plan.slots[1]
    assert (deadlift.warmups, session.book.knows_load("conventional_deadlift")) == ((), False)


def test_a_restart_keeps_the_answer_and_does_not_ask_again(store: Store, clock: FakeClock) -> None:
    plan_for_today(store, clock)
    session = start_workout(store, clock=clock, kind="heavy")
    answer(session, "60")
    resumed = resume_workout(store, clock=clock, session_id=session.session_id)
    assert asked(resumed) == "conventional_deadlift", "the squat is answered; the rest is not"
    assert resumed.plan.slots[0].warmups == RAMP_60
    resumed.back()
    resumed.back()
    resumed.skip_warmups()
    upcoming = resumed.next
    assert upcoming is not None and resumed.book.planned_load_kg(upcoming) == 60.0


def test_space_at_the_question_does_nothing_and_leaves_no_set_at_the_empty_bar(
    store: Store, clock: FakeClock
) -> None:
    """Space started the squat at the empty bar, and the set saved from there was a work set
    the next session's load was built from."""
    plan_for_today(store, clock)
    session = start_workout(store, clock=clock, kind="heavy")
    session.start_load.type("6")
    for _ in range(3):
        session.primary()
    assert (session.stage, asked(session)) == (Stage.READY, "back_squat")
    assert session.start_load.text == "6" and session.draft is None
    session.confirm()
    assert sets_for_session(store, session.session_id) == []
    assert session.plan.slots[0].start_kg == 6.0


def test_after_a_restart_mid_rest_the_next_lift_is_asked_about_before_its_first_set(
    store: Store, clock: FakeClock
) -> None:
    plan_for_today(store, clock)
    first = start_workout(store, clock=clock, kind="heavy")
    for _ in range(3):
        first.back()  # Esc to each: the loads are set on the form
    assert first.prompt is None
    first.primary()
    assert (first.stage, first.prompt) == (Stage.LIFTING, None)
    clock.advance(30)
    first.primary()
    assert first.draft is not None and first.draft.load == "20", "the empty bar, as before"
    first.confirm()
    first.skip_exercise()
    session = resume_workout(store, clock=clock, session_id=first.session_id)
    assert (session.stage, session.prompt) == (Stage.RESTING, None)
    clock.advance(200)
    session.primary()  # the end of the rest, before the deadlift's first set
    assert (session.stage, asked(session)) == (Stage.RESTING, "conventional_deadlift")
    answer(session, "80")
    assert asked(session) == "reverse_lunge", "then the lifts after it, while at the screen"
    session.back()
    assert session.stage is Stage.RESTING and session.prompt is None
    upcoming = session.next
    assert upcoming is not None and (upcoming.warmup, upcoming.load_kg) == (True, 20.0)


def test_a_second_session_uses_the_progression_and_asks_nothing(store: Store) -> None:
    first = fake_clock()
    plan_for_today(store, first)
    session = start_workout(store, clock=first, kind="heavy")
    for load in ("60", "80", "16"):
        answer(session, load)
    for lift in range(3):  # one set of five of each lift
        session.skip_warmups()
        first.advance(200 if lift else 0)
        lift_set(session, first)
        session.skip_exercise()
    assert session.finish(notes="")
    later = fake_clock(first.wall() + timedelta(days=7))
    second = start_workout(store, clock=later, kind="heavy")
    assert second.prompt is None
    # One set of three keeps the answered 60 kg (a session ended early never raises it).
    assert second.plan.slots[0].warmups[-1] == WarmupSet(45.0, 3), "75 % of 60 kg"
    assert start_workout(store, clock=later, kind="light").prompt is None


def test_an_answer_for_a_lift_not_lifted_is_kept_for_the_next_session(
    store: Store, clock: FakeClock
) -> None:
    """The runner answered for the deadlift, then ended the session before lifting it: the
    next session asked again, as if nothing had been said. The answer is stored with the
    session's layout; the next session starts the deadlift from it, unasked."""
    plan_for_today(store, clock)
    session = start_workout(store, clock=clock, kind="heavy")
    for load in ("60", "80", "16"):
        answer(session, load)
    session.skip_warmups()
    lift_set(session, clock)  # one squat set, then E: ended before the deadlift
    session.end_early()
    session.confirm()
    assert session.stage is Stage.SUMMARY and session.finish(notes="")
    later = fake_clock(clock.wall() + timedelta(days=7))
    second = start_workout(store, clock=later, kind="heavy")
    assert second.prompt is None, f"asked again about {asked(second)}"
    deadlift = second.plan.slots[1]
    assert second.book.knows_load("conventional_deadlift")
    assert deadlift.warmups[-1].load_kg == 60.0, "the ramp to the answered 80 kg"
    assert second.book.knows_load("reverse_lunge")
