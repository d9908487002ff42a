"""Fixtures for storage tests: a real database file in the test's own data folder, no Qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.athletes import create_athlete
from db.exercises import ensure_exercise
from db.records import Athlete, SessionRecord
from db.sessions import start_session
from db.store import Store, open_store
from tests.db.helpers import NOW, StorePaths


@pytest.fixture
def paths(data_dir: Path) -> StorePaths:
    return StorePaths(db=data_dir / "cramproof.db", backups=data_dir / "backups")


@pytest.fixture
def store(paths: StorePaths) -> Iterator[Store]:
    opened = open_store(paths.db, backups_dir=paths.backups, now=NOW)
    yield opened
    opened.close()


@pytest.fixture
def athlete(store: Store) -> Athlete:
    return create_athlete(store, "Ana", created_at=NOW)


@pytest.fixture
def squat_id(store: Store) -> int:
    return ensure_exercise(
        store, key="back_squat", name="Back squat", movement="squat", barbell=True, bodyweight=False
    )


@pytest.fixture
def session(store: Store, athlete: Athlete) -> SessionRecord:
    return start_session(
        store, athlete_id=athlete.id, kind="heavy", planned_day_id=None, started_at=NOW
    )
