"""Ending a session early: E never drops a set that is done but not saved yet."""

from __future__ import annotations

from db.sessions import get_session, sets_for_session
from db.store import Store
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import Prompt, Stage, WorkoutSession
from tests.fake_clock import FakeClock
from tests.gym_support import end_rest, leave_start_loads, lift_set


def set_done(session: WorkoutSession, clock: FakeClock) -> None:
    """Space, a 30 s set, Space: the logging prompt is up and nothing is saved yet."""
    session.primary()
    clock.advance(30)
    session.primary()
    assert session.stage is Stage.LOGGING


def test_e_while_logging_saves_the_set_shown_then_asks(store: Store, clock: FakeClock) -> None:
    session = leave_start_loads(start_workout(store, clock=clock))
    lift_set(session, clock)
    end_rest(session, clock, seconds=190)
    clock.advance(30)
    session.primary()
    session.edit(reps="4")
    session.end_early()
    rows = sets_for_session(store, session.session_id)
    assert [(r.set_index, r.reps, r.rest_before_s) for r in rows] == [(0, 5, None), (1, 4, 190.0)]
    assert (session.stage, session.prompt) == (Stage.RESTING, Prompt.END)
    session.confirm()
    assert session.stage is Stage.SUMMARY and session.summary.work_sets == 2
    assert session.finish(notes="")
    assert len(sets_for_session(store, session.session_id)) == 2


def test_e_with_a_set_that_cannot_be_saved_is_refused_and_says_why(
    store: Store, clock: FakeClock
) -> None:
    session = leave_start_loads(start_workout(store, clock=clock))
    set_done(session, clock)
    session.edit(reps="x")
    session.end_early()
    assert (session.stage, session.prompt) == (Stage.LOGGING, None)
    assert session.message is not None
    assert "Reps must be" in session.message and "then end the session" in session.message
    assert sets_for_session(store, session.session_id) == []
    session.confirm()
    assert session.stage is Stage.LOGGING, "Enter after a refused E still only saves"
    session.edit(reps="5")
    session.end_early()
    assert session.prompt is Prompt.END and session.message is None
    assert len(sets_for_session(store, session.session_id)) == 1


def test_e_on_the_last_set_saves_it_and_the_session_is_at_its_summary(
    store: Store, clock: FakeClock
) -> None:
    session = leave_start_loads(start_workout(store, clock=clock))
    session.skip_exercise()
    session.skip_exercise()
    assert session.next is not None and session.next.key == "reverse_lunge"
    for _ in range(2):
        lift_set(session, clock)
        clock.advance(180)
    set_done(session, clock)
    session.end_early()
    assert (session.stage, session.prompt) == (Stage.SUMMARY, None)
    assert session.summary.work_sets == 3
    assert get_session(store, session.session_id).rest_started_at is None
