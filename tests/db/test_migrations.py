"""Migrations: from empty, from every prefix of the list, refusing files from a newer version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.connection import connect
from db.errors import NewerDatabase
from db.migrations import (
    MIGRATIONS,
    applied_migrations,
    apply_migrations,
    known_migrations,
    pending_migrations,
    unknown_migrations,
)
from db.store import open_store
from tests.db.helpers import NOW, StorePaths, populate, sha256

TABLES = {
    "athletes",
    "settings",
    "plans",
    "plan_exercises",
    "gate_decisions",
    "planned_days",
    "exercises",
    "sessions",
    "sets",
    "checkins",
    "cramp_reports",
}


def schema(db: Database) -> list[tuple[str, str]]:
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [(name, sql) for name, sql in rows]


def test_first_migration_is_the_core_tables() -> None:
    assert known_migrations()[0] == "0001_core_tables"
    assert len(set(known_migrations())) == len(known_migrations())


def test_from_empty_everything_applies(paths: StorePaths) -> None:
    with connect(paths.db) as db:
        assert pending_migrations(db) == known_migrations()
        apply_migrations(db)
        assert pending_migrations(db) == []
        assert applied_migrations(db) == known_migrations()
        assert set(db.table_names()) >= TABLES


def test_indexes_for_the_frequent_queries_exist(paths: StorePaths) -> None:
    with connect(paths.db) as db:
        apply_migrations(db)
        indexed = {
            (index.name, tuple(index.columns))
            for table in ("sets", "sessions", "planned_days")
            for index in db.table(table).indexes
        }
    assert ("sets_by_session", ("session_id", "id")) in indexed
    assert ("sessions_by_athlete_start", ("athlete_id", "started_at")) in indexed
    assert ("planned_days_by_plan_date", ("plan_id", "date")) in indexed


@pytest.mark.parametrize("stop_before", known_migrations())
def test_every_prefix_upgrades_to_the_same_schema(paths: StorePaths, stop_before: str) -> None:
    with connect(paths.db.with_name("reference.db")) as reference:
        apply_migrations(reference)
        expected = schema(reference)
    with connect(paths.db) as db:
        MIGRATIONS.apply(db, stop_before=stop_before)
        assert pending_migrations(db)[0] == stop_before
        apply_migrations(db)
        assert pending_migrations(db) == []
        assert schema(db) == expected


def test_applying_twice_changes_nothing(paths: StorePaths) -> None:
    with connect(paths.db) as db:
        apply_migrations(db)
        before = schema(db)
        apply_migrations(db)
        assert schema(db) == before
        assert applied_migrations(db) == known_migrations()


def _record_future_migration(paths: StorePaths) -> None:
    with connect(paths.db) as db:
        apply_migrations(db)
        db.table("_sqlite_migrations").insert(
            {"migration_set": "cramproof", "name": "9999_from_the_future", "applied_at": "x"}
        )


def test_unknown_applied_migration_is_reported(paths: StorePaths) -> None:
    _record_future_migration(paths)
    with connect(paths.db) as db:
        assert unknown_migrations(db) == ["9999_from_the_future"]
        with pytest.raises(NewerDatabase):
            apply_migrations(db)


def test_newer_database_is_refused_and_left_byte_identical(paths: StorePaths) -> None:
    _record_future_migration(paths)
    before = sha256(paths.db)
    with pytest.raises(NewerDatabase) as raised:
        open_store(paths.db, backups_dir=paths.backups, now=NOW)
    assert sha256(paths.db) == before
    assert raised.value.unknown == ("9999_from_the_future",)
    assert "newer version of Cramproof" in raised.value.message
    assert not paths.backups.exists() or not any(paths.backups.iterdir())


def _upgraded(second: Callable[[Database], None]) -> Migrations:
    """This version's migrations plus one more, to rehearse the next upgrade."""
    upgraded = Migrations("cramproof")
    with Database(memory=True, execute_plugins=False) as scratch:
        for migration in MIGRATIONS.pending(scratch):
            upgraded(name=migration.name)(migration.fn)
    upgraded(name="9000_next")(second)
    return upgraded


def test_a_failing_migration_leaves_the_data_as_it_was(paths: StorePaths) -> None:
    def broken(db: Database) -> None:
        db.execute("ALTER TABLE sets ADD COLUMN rpe REAL")
        db.execute("THIS IS NOT SQL")

    with open_store(paths.db, backups_dir=paths.backups, now=NOW) as store:
        populate(store)
    with pytest.raises(sqlite3.OperationalError):
        open_store(paths.db, backups_dir=paths.backups, now=NOW, migrations=_upgraded(broken))
    with connect(paths.db) as db:
        assert "rpe" not in db.table("sets").columns_dict
        assert db.table("sets").count == 3
        assert applied_migrations(db) == known_migrations()


def test_pending_migration_on_data_is_backed_up_first(paths: StorePaths) -> None:
    def add_rpe(db: Database) -> None:
        db.execute("ALTER TABLE sets ADD COLUMN rpe REAL")

    with open_store(paths.db, backups_dir=paths.backups, now=NOW) as store:
        populate(store)
    with open_store(
        paths.db, backups_dir=paths.backups, now=NOW, migrations=_upgraded(add_rpe)
    ) as store:
        assert "rpe" in store.db.table("sets").columns_dict
    backups = sorted(paths.backups.glob("cramproof-*-pre-migration.db"))
    assert len(backups) == 1
    with Database(backups[0], execute_plugins=False) as backup:
        assert "rpe" not in backup.table("sets").columns_dict
        assert backup.table("sets").count == 3


def test_an_empty_new_database_is_not_backed_up(paths: StorePaths) -> None:
    open_store(paths.db, backups_dir=paths.backups, now=NOW).close()
    assert list(paths.backups.glob("*.db")) == []
