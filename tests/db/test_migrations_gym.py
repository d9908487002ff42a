"""Migration 0002_gym_rest_state: old logs upgrade; rest, hold and layout fields round-trip."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlite_utils import Database

from db.connection import connect
from db.migrations import MIGRATIONS, apply_migrations
from db.records import SetRecord, utc_text
from db.sessions import (
    close_stale_sessions,
    finish_session,
    get_session,
    log_set,
    set_rest_state,
    set_session_layout,
    sets_for_session,
)
from db.store import Store
from tests.db.helpers import NOW, StorePaths, a_set, populate

GYM = "0002_gym_rest_state"


def _old_session_with_sets(db: Database, *, sets: int) -> int:
    """Rows as the version before gym mode wrote them (its queries, not today's)."""
    when = utc_text(NOW)
    db.execute("INSERT INTO athletes (name, created_at) VALUES ('Old', ?)", [when])
    db.execute(
        "INSERT INTO exercises (key, name, movement, barbell) VALUES ('squat', 'Squat', 'squat', 1)"
    )
    session_id = db.execute(
        "INSERT INTO sessions (athlete_id, kind, started_at) VALUES (1, 'heavy', ?)", [when]
    ).lastrowid
    for index in range(sets):
        db.execute(
            """INSERT INTO sets (session_id, exercise_id, set_index, target_reps_min,
            target_reps_max, reps, load_kg, started_at, ended_at, rest_before_s)
            VALUES (?, 1, ?, 4, 5, 5, 100, ?, ?, 200)""",
            [session_id, index, when, when],
        )
    return session_id


def test_a_log_from_before_gym_mode_upgrades_with_neutral_values(paths: StorePaths) -> None:
    with connect(paths.db) as db:
        MIGRATIONS.apply(db, stop_before=GYM)
        assert "layout" not in db.table("sessions").columns_dict
        session_id = _old_session_with_sets(db, sets=2)
        apply_migrations(db)
        session = get_session(db, session_id)
        sets = sets_for_session(db, session_id)
    assert session.layout == {}
    assert session.rest_extended_s == 0.0
    assert session.rest_paused_since is None
    assert len(sets) == 2
    assert all(s.hold_s is None and s.over_rest_s is None for s in sets)
    assert all(s.rest_paused_s is None and s.rest_extended_s is None for s in sets)


def test_a_set_keeps_its_whole_rest_and_a_hold_time(store: Store) -> None:
    session_id = populate(store, sets=0)
    exercise_id = store.db.execute("SELECT id FROM exercises").fetchone()[0]
    whole = a_set(
        session_id,
        exercise_id,
        reps=0,
        target_reps_min=0,
        target_reps_max=0,
        load_kg=0.0,
        rest_before_s=95.5,
        rest_paused_s=40.0,
        rest_extended_s=30.0,
        over_rest_s=5.5,
        hold_s=45.0,
    )
    logged = log_set(store, whole)
    assert sets_for_session(store, session_id) == [logged]
    assert logged == replace(whole, id=logged.id)


@pytest.mark.parametrize(
    "change",
    [
        {"hold_s": -1.0},
        {"hold_s": 3600.5},
        {"rest_paused_s": -0.1},
        {"rest_extended_s": -30.0},
        {"over_rest_s": -2.0},
    ],
)
def test_impossible_rest_and_hold_values_are_refused(store: Store, change: dict) -> None:
    session_id = populate(store, sets=0)
    exercise_id = store.db.execute("SELECT id FROM exercises").fetchone()[0]
    bad: SetRecord = a_set(session_id, exercise_id, **change)
    with pytest.raises(ValueError):
        log_set(store, bad)
    assert sets_for_session(store, session_id) == []


def test_the_table_itself_refuses_what_validation_would(store: Store) -> None:
    """CHECK constraints guard writers that bypass log_set (an import, a future edit screen)."""
    session_id = populate(store, sets=1)
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE sets SET hold_s = -5 WHERE session_id = ?", [session_id])
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE sessions SET layout = 'not json' WHERE id = ?", [session_id])
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE sessions SET rest_extended_s = -1 WHERE id = ?", [session_id])


def test_a_paused_extended_rest_round_trips(store: Store) -> None:
    session_id = populate(store, sets=1)
    started, paused = NOW + timedelta(minutes=3), NOW + timedelta(minutes=4)
    set_rest_state(
        store,
        session_id,
        rest_started_at=started,
        rest_paused_s=12.5,
        rest_paused_since=paused,
        rest_extended_s=60.0,
    )
    session = get_session(store, session_id)
    assert (session.rest_started_at, session.rest_paused_s) == (started, 12.5)
    assert (session.rest_paused_since, session.rest_extended_s) == (paused, 60.0)
    set_rest_state(store, session_id, rest_started_at=started, rest_paused_s=70.0)
    resumed = get_session(store, session_id)
    assert (resumed.rest_paused_since, resumed.rest_extended_s) == (None, 0.0)


def test_negative_extension_is_refused(store: Store) -> None:
    session_id = populate(store, sets=0)
    with pytest.raises(ValueError):
        set_rest_state(
            store, session_id, rest_started_at=NOW, rest_paused_s=0.0, rest_extended_s=-30.0
        )


def test_layout_round_trips_as_json(store: Store) -> None:
    session_id = populate(store, sets=0)
    layout = {"slots": [{"key": "back_squat", "sets": 4, "skipped": False}], "version": 1}
    set_session_layout(store, session_id, layout)
    assert get_session(store, session_id).layout == layout


@pytest.mark.parametrize("closing", ["finish", "stale"])
def test_closing_a_session_forgets_its_paused_rest(store: Store, closing: str) -> None:
    session_id = populate(store, sets=1)
    set_rest_state(store, session_id, rest_started_at=NOW, rest_paused_s=0.0, rest_paused_since=NOW)
    if closing == "finish":
        finish_session(store, session_id, ended_at=NOW + timedelta(hours=1))
    else:
        close_stale_sessions(store, older_than=NOW + timedelta(hours=13))
    closed = get_session(store, session_id)
    assert closed.state != "in_progress"
    assert (closed.rest_started_at, closed.rest_paused_since) == (None, None)
