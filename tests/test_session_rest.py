"""The rest before a set runs until that set is saved: a mistaken Space, Esc, a refused save."""

from __future__ import annotations

import pytest

from db.sessions import get_session, log_set, sets_for_session, start_session
from db.store import Store
from desktop.domain.rest.rest_timer import Cue, Phase
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import Stage
from tests.db.helpers import a_set
from tests.fake_clock import FakeClock
from tests.gym_support import lift_set


def test_space_after_ready_then_esc_keeps_the_rest_its_max_cue_and_the_real_gap(
    store: Store, clock: FakeClock
) -> None:
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    rest_started = get_session(store, session.session_id).rest_started_at
    clock.advance(180)
    assert session.rest is not None and session.rest.due_cues(clock.now()) == [Cue.READY]
    session.primary()
    assert session.stage is Stage.LIFTING and session.rest is None, "no countdown mid-set"
    clock.advance(10)
    session.back()
    assert session.stage is Stage.RESTING
    rest = session.rest
    assert rest is not None and rest.elapsed(clock.now()) == 190
    display = rest.display(clock.now())
    assert (display.big_text, display.caption) == ("1:50", "until max")
    assert get_session(store, session.session_id).rest_started_at == rest_started
    clock.advance(110)
    assert rest.due_cues(clock.now()) == [Cue.MAX], "5:00 still sounds"
    clock.advance(10)
    session.primary()
    clock.advance(30)
    session.primary()
    session.confirm()
    last = sets_for_session(store, session.session_id)[-1]
    assert (last.rest_before_s, last.over_rest_s) == (310.0, 10.0)


def test_the_rest_is_stored_as_ending_when_the_saved_set_started(
    store: Store, clock: FakeClock
) -> None:
    """Logging takes its time after the set; the rest does not grow by it."""
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    clock.advance(200)
    session.primary()
    clock.advance(40)
    session.primary()
    clock.advance(25)
    session.confirm()
    assert sets_for_session(store, session.session_id)[-1].rest_before_s == 200.0
    assert session.rest is not None and session.rest.elapsed(clock.now()) == 25


def test_pause_and_extend_do_nothing_while_a_set_is_under_way(
    store: Store, clock: FakeClock
) -> None:
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    clock.advance(190)
    session.primary()
    session.toggle_pause()
    session.extend_rest()
    stored = get_session(store, session.session_id)
    assert (stored.rest_paused_since, stored.rest_extended_s) == (None, 0.0)
    clock.advance(30)
    session.back()
    rest = session.rest
    assert rest is not None and not rest.is_paused
    assert rest.phase(clock.now()) is Phase.READY and rest.elapsed(clock.now()) == 220


def test_a_refused_save_keeps_the_rest_running_for_the_retry(
    store: Store, clock: FakeClock
) -> None:
    """A full disk (SQLite's max_page_count, filled by another session) refuses the set."""
    from db.errors import StoreUnwritable

    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    clock.advance(200)
    session.primary()
    clock.advance(30)
    session.primary()
    filler = start_session(
        store, athlete_id=1, kind="light", planned_day_id=None, started_at=clock.wall()
    )
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreUnwritable):
        for index in range(100_000):
            log_set(store, a_set(filler.id, 1, set_index=index))
    assert not session.save()
    assert session.stage is Stage.LOGGING
    store.db.execute("PRAGMA max_page_count = 1073741823")
    clock.advance(15)
    assert session.save()
    assert sets_for_session(store, session.session_id)[-1].rest_before_s == 200.0
