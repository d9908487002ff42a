"""Sessions and sets: validated, committed one at a time, rest state kept for crash recovery."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import timedelta

import pytest

from db.connection import connect
from db.records import Athlete, SessionRecord
from db.sessions import (
    close_stale_sessions,
    finish_session,
    get_session,
    log_set,
    open_sessions,
    sessions_for_athlete,
    set_rest_state,
    sets_for_session,
    start_session,
)
from db.store import Store
from tests.db.helpers import NOW, StorePaths, a_set


def test_started_session_is_open(store: Store, athlete: Athlete, session: SessionRecord) -> None:
    assert session.state == "in_progress" and session.ended_at is None
    assert session.started_at == NOW and session.rest_paused_s == 0
    assert open_sessions(store, athlete.id) == [session]


def test_a_logged_set_reads_back_equal(store: Store, session: SessionRecord, squat_id: int) -> None:
    new = a_set(session.id, squat_id, load_kg=102, rest_before_s=205.5, warmup=True)
    logged = log_set(store, new)
    assert logged.id is not None
    assert logged == replace(new, id=logged.id, load_kg=102.0)
    assert sets_for_session(store, session.id) == [logged]


def test_a_logged_set_is_visible_to_another_connection_at_once(
    store: Store, paths: StorePaths, session: SessionRecord, squat_id: int
) -> None:
    logged = log_set(store, a_set(session.id, squat_id))
    with connect(paths.db) as other:
        assert [s.id for s in sets_for_session(other, session.id)] == [logged.id]


def test_log_set_refuses_to_hide_inside_a_transaction(
    store: Store, session: SessionRecord, squat_id: int
) -> None:
    with pytest.raises(RuntimeError, match="outside any transaction"), store.db.atomic():
        log_set(store, a_set(session.id, squat_id))
    assert sets_for_session(store, session.id) == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reps": 101}, "Reps"),
        ({"reps": -1}, "Reps"),
        ({"reps": 4.5}, "Reps"),
        ({"reps": True}, "Reps"),
        ({"load_kg": 1000.5}, "load"),
        ({"load_kg": -2.5}, "load"),
        ({"load_kg": math.nan}, "load"),
        ({"load_kg": "100"}, "load"),
        ({"target_reps_min": 6, "target_reps_max": 5}, "highest target"),
        ({"set_index": -1}, "set number"),
        ({"rest_before_s": -1.0}, "rest"),
    ],
)
def test_impossible_sets_are_refused(
    store: Store, session: SessionRecord, squat_id: int, changes: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        log_set(store, a_set(session.id, squat_id, **changes))
    assert sets_for_session(store, session.id) == []


@pytest.mark.parametrize(("reps", "load"), [(0, 0.0), (100, 1000.0), (5, 1000)])
def test_the_limits_themselves_are_allowed(
    store: Store, session: SessionRecord, squat_id: int, reps: int, load: float
) -> None:
    assert log_set(store, a_set(session.id, squat_id, reps=reps, load_kg=load)).reps == reps


@pytest.mark.parametrize(
    ("column", "value"),
    [("reps", 101), ("load_kg", 1001), ("load_kg", -1), ("warmup", 2)],
)
def test_the_table_refuses_what_validation_would(
    store: Store, session: SessionRecord, squat_id: int, column: str, value: object
) -> None:
    """CHECK constraints guard the data even against code that bypasses log_set."""
    log_set(store, a_set(session.id, squat_id))
    with pytest.raises(Exception, match="CHECK"):
        store.db.execute(f"UPDATE sets SET {column} = ?", [value])


def test_rest_state_survives_a_reopen(
    store: Store, paths: StorePaths, session: SessionRecord
) -> None:
    rest_start = NOW + timedelta(minutes=3, seconds=12)
    set_rest_state(store, session.id, rest_started_at=rest_start, rest_paused_s=42.5)
    with connect(paths.db) as other:
        restored = get_session(other, session.id)
    assert (restored.rest_started_at, restored.rest_paused_s) == (rest_start, 42.5)
    with pytest.raises(ValueError):
        set_rest_state(store, session.id, rest_started_at=rest_start, rest_paused_s=-1)


def test_finish_keeps_notes_and_closes_the_session(
    store: Store, athlete: Athlete, session: SessionRecord
) -> None:
    set_rest_state(store, session.id, rest_started_at=NOW, rest_paused_s=0)
    done = finish_session(
        store, session.id, ended_at=NOW + timedelta(hours=1), state="finished", notes="heavy legs"
    )
    assert (done.state, done.notes, done.rest_started_at) == ("finished", "heavy legs", None)
    again = finish_session(store, session.id, ended_at=NOW + timedelta(hours=1))
    assert again.notes == "heavy legs"
    assert open_sessions(store, athlete.id) == []
    with pytest.raises(ValueError):
        finish_session(store, session.id, ended_at=NOW, state="in_progress")  # type: ignore[arg-type]


def test_sessions_list_in_time_order(store: Store, athlete: Athlete) -> None:
    later = start_session(
        store,
        athlete_id=athlete.id,
        kind="light",
        planned_day_id=None,
        started_at=NOW + timedelta(hours=8),
    )
    earlier = start_session(
        store, athlete_id=athlete.id, kind="heavy", planned_day_id=None, started_at=NOW
    )
    assert sessions_for_athlete(store, athlete.id) == [earlier, later]
    with pytest.raises(ValueError):
        start_session(
            store,
            athlete_id=athlete.id,
            kind="medium",  # type: ignore[arg-type]
            planned_day_id=None,
            started_at=NOW,
        )


def test_stale_sessions_are_abandoned_at_their_last_set(
    store: Store, athlete: Athlete, session: SessionRecord, squat_id: int
) -> None:
    last = NOW + timedelta(minutes=20)
    log_set(store, a_set(session.id, squat_id, ended_at=last))
    empty = start_session(
        store,
        athlete_id=athlete.id,
        kind="light",
        planned_day_id=None,
        started_at=NOW + timedelta(hours=1),
    )
    recent = start_session(
        store,
        athlete_id=athlete.id,
        kind="heavy",
        planned_day_id=None,
        started_at=NOW + timedelta(days=1),
    )
    closed = close_stale_sessions(store, older_than=NOW + timedelta(hours=12))
    assert [(s.id, s.state, s.ended_at) for s in closed] == [
        (session.id, "abandoned", last),
        (empty.id, "abandoned", empty.started_at),
    ]
    assert open_sessions(store, athlete.id) == [recent]


def test_naive_times_are_refused(store: Store, athlete: Athlete) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        start_session(
            store,
            athlete_id=athlete.id,
            kind="heavy",
            planned_day_id=None,
            started_at=NOW.replace(tzinfo=None),
        )
