"""The voice names the set the gym screen shows, from a real session on a real log."""

from __future__ import annotations

from db.store import Store
from desktop.domain.rest.rest_timer import Cue
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.spoken import cue_words, resumed_cue_words
from tests.fake_clock import FakeClock
from tests.gym_support import lift_set, plan_for_today


def test_ready_names_the_next_set_and_its_prefilled_load(store: Store, clock: FakeClock) -> None:
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    assert cue_words(session, Cue.READY) == "Ready. Next: Back squat, set 2 of 3, 20 kilos."
    assert cue_words(session, Cue.MAX) == "Five minutes. Start when ready."


def test_max_counts_the_runners_extra_thirty_seconds(store: Store, clock: FakeClock) -> None:
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    session.extend_rest()
    assert cue_words(session, Cue.MAX) == "Five minutes thirty seconds. Start when ready."


def test_pounds_for_a_runner_in_pounds(store: Store, clock: FakeClock) -> None:
    plan_for_today(store, clock, units="lb")
    session = start_workout(store, clock=clock)
    assert cue_words(session, Cue.READY) == "Ready. Next: Back squat, set 1 of 3, 45 pounds."


def test_a_light_session_is_told_shorter(store: Store, clock: FakeClock) -> None:
    plan_for_today(store, clock)
    session = start_workout(store, clock=clock, kind="light")
    assert cue_words(session, Cue.READY) == "Ready. Bodyweight squat, set 1 of 3."
    assert cue_words(session, Cue.MAX) == "Ninety seconds."
    assert resumed_cue_words(session) == "Resumed: Bodyweight squat, set 1 of 3."
