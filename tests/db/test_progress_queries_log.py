"""The log as tables (db.history_queries): paging, corrections, exact undo of a delete, export."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from db.athletes import create_athlete
from db.history_queries import (
    delete_set,
    export_rows,
    get_set,
    restore_set,
    session_page,
    table_columns,
    update_set,
)
from db.records import Athlete
from db.sessions import finish_session, log_set, start_session
from db.store import Store
from tests.db.helpers import a_set

DAY = datetime(2027, 1, 10, 9, tzinfo=UTC)


def a_session(store: Store, athlete: Athlete, when: datetime, *, sets: int = 2) -> int:
    session = start_session(
        store, athlete_id=athlete.id, kind="heavy", planned_day_id=None, started_at=when
    )
    for index in range(sets):
        log_set(store, a_set(session.id, 1, set_index=index, warmup=index == 0))
    return session.id


@pytest.fixture
def exercise(store: Store, squat_id: int) -> int:
    return squat_id


def raw(store: Store, table: str) -> list[tuple]:
    return store.db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


def test_sessions_page_newest_first_with_set_counts(
    store: Store, athlete: Athlete, exercise: int
) -> None:
    ids = [a_session(store, athlete, DAY + timedelta(days=i), sets=i) for i in range(5)]
    create_athlete(store, "Bo")
    first = session_page(store, athlete.id, limit=2)
    assert [row.id for row in first] == [ids[4], ids[3]]
    assert [(row.sets, row.work_sets) for row in first] == [(4, 3), (3, 2)]
    cursor = (first[-1].started_at, first[-1].id)
    rest = session_page(store, athlete.id, before=cursor, limit=10)
    assert [row.id for row in rest] == [ids[2], ids[1], ids[0]]
    assert rest[-1].planned_date is None and rest[-1].state == "in_progress"


def test_sessions_started_at_the_same_moment_page_by_id(
    store: Store, athlete: Athlete, exercise: int
) -> None:
    ids = [a_session(store, athlete, DAY) for _ in range(3)]
    first = session_page(store, athlete.id, limit=1)
    second = session_page(store, athlete.id, before=(DAY, first[0].id), limit=5)
    assert [r.id for r in first + second] == ids[::-1]


def test_update_set_corrects_and_commits(store: Store, athlete: Athlete, exercise: int) -> None:
    session = a_session(store, athlete, DAY)
    set_id = store.db.execute("SELECT max(id) FROM sets").fetchone()[0]
    updated = update_set(store, set_id, reps=4, load_kg=102.5, form_held=False)
    assert (updated.reps, updated.load_kg, updated.form_held) == (4, 102.5, False)
    with sqlite3.connect(store.path) as other:  # committed: another connection sees it
        row = other.execute("SELECT reps, load_kg, form_held FROM sets WHERE id = ?", [set_id])
        assert row.fetchone() == (4, 102.5, 0)
    assert updated.session_id == session


@pytest.mark.parametrize(
    ("reps", "load_kg", "message"),
    [(101, 100.0, "Reps"), (-1, 100.0, "Reps"), (5, 1000.5, "load"), (5, float("nan"), "load")],
)
def test_update_set_refuses_impossible_values_and_changes_nothing(
    store: Store, athlete: Athlete, exercise: int, reps: int, load_kg: float, message: str
) -> None:
    a_session(store, athlete, DAY)
    before = raw(store, "sets")
    with pytest.raises(ValueError, match=message):
        update_set(store, before[-1][0], reps=reps, load_kg=load_kg, form_held=True)
    assert raw(store, "sets") == before


def test_delete_then_restore_leaves_the_store_exactly_as_it_was(
    store: Store, athlete: Athlete, exercise: int
) -> None:
    session = a_session(store, athlete, DAY, sets=3)
    finish_session(store, session, ended_at=DAY + timedelta(hours=1))
    before = raw(store, "sets")
    middle = before[1][0]
    row = delete_set(store, middle)
    assert [r[0] for r in raw(store, "sets")] == [before[0][0], before[2][0]]
    with pytest.raises(LookupError):
        get_set(store, middle)
    restored = restore_set(store, row)
    assert restored.id == middle
    assert raw(store, "sets") == before


def test_export_rows_stream_every_column_of_one_athlete(
    store: Store, athlete: Athlete, exercise: int
) -> None:
    later = a_session(store, athlete, DAY + timedelta(days=1))
    earlier = a_session(store, athlete, DAY)
    other = create_athlete(store, "Bo")
    a_session(store, other, DAY)
    sessions = list(export_rows(store, "sessions", athlete.id))
    assert [row["id"] for row in sessions] == [earlier, later]
    columns = [c.name for c in table_columns(store, "sets")]
    sets = list(export_rows(store, "sets", athlete.id))
    assert [row["session_id"] for row in sets] == [earlier, earlier, later, later]
    assert all(list(row) == columns for row in sets)
    with pytest.raises(ValueError):
        list(export_rows(store, "athletes", athlete.id))


def test_table_columns_carry_types_and_not_null(store: Store) -> None:
    columns = {c.name: c for c in table_columns(store, "sets")}
    assert (columns["reps"].type, columns["reps"].not_null) == ("INTEGER", True)
    assert (columns["rest_before_s"].type, columns["rest_before_s"].not_null) == ("REAL", False)
    assert columns["started_at"].type == "TEXT"


def test_restore_after_the_id_was_reused_keeps_both_sets(
    store: Store, athlete: Athlete, exercise: int
) -> None:
    """Delete the newest set, log another (it takes the same id), then undo the delete."""
    session = a_session(store, athlete, DAY, sets=2)
    newest = raw(store, "sets")[-1]
    row = delete_set(store, newest[0])
    logged = log_set(store, a_set(session, 1, set_index=5))
    assert logged.id == newest[0], "SQLite hands the freed id to the next set"
    restored = restore_set(store, row)
    assert restored.id != logged.id
    assert (restored.set_index, restored.reps) == (newest[3], row["reps"])
    assert len(raw(store, "sets")) == 3
