"""Every connection gets the durability pragmas, and every file the store creates is private."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.backup import new_backup_path, write_backup
from db.connection import as_database, connect
from db.sessions import log_set
from db.store import Store, open_store
from tests.db.helpers import NOW, StorePaths, a_set, mode, populate


def pragmas(db: Database) -> dict[str, object]:
    names = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    return {name: db.execute(f"PRAGMA {name}").fetchone()[0] for name in names}


EXPECTED = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """A umask that would leave new files world-readable, to prove the store does not rely on it."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def test_new_file_gets_every_pragma(paths: StorePaths) -> None:
    with connect(paths.db) as db:
        assert pragmas(db) == EXPECTED


def test_pragmas_are_set_again_on_every_later_open(paths: StorePaths) -> None:
    connect(paths.db).close()
    for _ in range(2):
        with connect(paths.db) as db:
            assert pragmas(db) == EXPECTED


def test_a_plain_connection_does_not_have_them(paths: StorePaths) -> None:
    """Foreign keys are per connection: proof that connect() is what turns them on."""
    connect(paths.db).close()
    plain = sqlite3.connect(paths.db)
    try:
        assert plain.execute("PRAGMA foreign_keys").fetchone()[0] == 0
    finally:
        plain.close()


def test_the_store_connection_has_them(store: Store) -> None:
    assert pragmas(store.db) == EXPECTED
    assert as_database(store) is store.db


def test_foreign_keys_refuse_a_set_without_its_session(store: Store, squat_id: int) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        log_set(store, a_set(9999, squat_id))


def test_database_and_companions_are_private_even_with_a_permissive_umask(
    paths: StorePaths, permissive_umask: None
) -> None:
    with connect(paths.db) as db:
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES (1)")
        files = [paths.db, Path(f"{paths.db}-wal"), Path(f"{paths.db}-shm")]
        assert all(path.exists() for path in files)
        assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}


def test_missing_folders_are_created_private(tmp_path: Path, permissive_umask: None) -> None:
    nested = tmp_path / "a" / "b" / "cramproof.db"
    connect(nested).close()
    assert mode(nested.parent) == 0o700
    assert mode(nested) == 0o600


def test_backups_are_private(paths: StorePaths, permissive_umask: None) -> None:
    with open_store(paths.db, backups_dir=paths.backups, now=NOW) as store:
        populate(store)
        out = write_backup(paths.db, new_backup_path(paths.backups, now=NOW, reason="manual"))
    assert mode(out) == 0o600
    assert mode(paths.backups) == 0o700
