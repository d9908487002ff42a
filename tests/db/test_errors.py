"""Real SQLite failures reach the app as StoreErrors with a plain message; bugs stay bugs."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from db.connection import read_only_connection
from db.errors import CorruptDatabase, StoreBusy, StoreUnwritable, translate
from db.records import SessionRecord
from db.sessions import log_set, sets_for_session
from db.store import Store
from tests.db.helpers import StorePaths, a_set, healthy_database, overwrite_pages


def test_a_full_disk_stops_logging_with_a_clear_error_and_keeps_what_was_saved(
    store: Store, session: SessionRecord, squat_id: int
) -> None:
    """max_page_count makes SQLite hit a real SQLITE_FULL, as a full disk would."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    logged = []
    with pytest.raises(StoreUnwritable) as raised:
        for index in range(100_000):
            logged.append(log_set(store, a_set(session.id, squat_id, set_index=index)).id)
    assert "disk is full" in raised.value.message
    assert "Nothing already saved was lost" in raised.value.message
    assert [s.id for s in sets_for_session(store, session.id)] == logged
    store.db.execute("PRAGMA max_page_count = 1073741823")
    assert log_set(store, a_set(session.id, squat_id)).id is not None


def test_writing_through_a_read_only_connection_is_unwritable(
    store: Store, paths: StorePaths, session: SessionRecord, squat_id: int
) -> None:
    with (
        Database(read_only_connection(paths.db), execute_plugins=False) as read_only,
        pytest.raises(StoreUnwritable, match="readonly"),
    ):
        log_set(read_only, a_set(session.id, squat_id))


def test_a_lock_held_elsewhere_is_busy(
    store: Store, paths: StorePaths, session: SessionRecord, squat_id: int
) -> None:
    other = sqlite3.connect(paths.db)
    try:
        other.execute("BEGIN IMMEDIATE")
        store.db.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(StoreBusy):
            log_set(store, a_set(session.id, squat_id))
    finally:
        other.rollback()
        other.close()


def test_reading_a_damaged_file_translates_to_corrupt(paths: StorePaths) -> None:
    healthy_database(paths.db)
    overwrite_pages(paths.db)
    conn = sqlite3.connect(paths.db)
    try:
        with pytest.raises(sqlite3.DatabaseError) as raised:
            conn.execute("SELECT count(*), sum(reps) FROM sets").fetchall()
    finally:
        conn.close()
    assert isinstance(translate(raised.value), CorruptDatabase)


def test_programming_errors_are_not_disguised(paths: StorePaths) -> None:
    healthy_database(paths.db, sets=1)
    conn = sqlite3.connect(paths.db)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            conn.execute("SELECT * FROM no_such_table")
    finally:
        conn.close()
    assert translate(raised.value) is None
