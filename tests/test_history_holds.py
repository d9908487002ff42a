"""The History use case over a held set (a plank): its seconds are corrected, undone and redone
exactly, a rep set takes no seconds, and an impossible hold is refused with nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.athletes import create_athlete
from db.exercises import ensure_exercise
from db.sessions import finish_session, log_set, start_session
from db.store import Store, open_store
from desktop.history.history import HistoryLog
from tests.db.helpers import a_set

NOW = datetime(2027, 3, 3, 19, tzinfo=UTC)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A light session: 12 bodyweight squats, then a 45 s plank logged as the gym logs a hold."""
    data_dir.mkdir(parents=True, exist_ok=True)
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    athlete = create_athlete(opened, "Ana", created_at=NOW)
    squat, plank = (
        ensure_exercise(opened, key=k, name=n, movement=m, barbell=b, bodyweight=not b)
        for k, n, m, b in (
            ("back_squat", "Back squat", "squat", True),
            ("plank", "Plank", "finisher", False),
        )
    )
    light = start_session(
        opened, athlete_id=athlete.id, kind="light", planned_day_id=None, started_at=NOW
    )
    log_set(opened, a_set(light.id, squat, reps=12, load_kg=0.0, target_reps_max=20))
    held = {"target_reps_min": 0, "target_reps_max": 0, "reps": 0, "load_kg": 0.0}
    log_set(opened, a_set(light.id, plank, set_index=1, hold_s=45.0, **held))
    finish_session(opened, light.id, ended_at=NOW)
    yield opened
    opened.close()


def rows(store: Store) -> list[tuple]:
    return store.db.execute("SELECT * FROM sets ORDER BY id").fetchall()


def test_a_holds_seconds_are_corrected_and_undone_exactly(store: Store) -> None:
    log = HistoryLog(store, now=lambda: NOW)
    session = log.sessions()[0].id
    squat, plank = log.sets(session)
    assert (plank.exercise, plank.amount, plank.target) == ("Plank", "45 s", "30–60 s")
    assert (squat.amount, squat.target) == ("12", "4–20")
    before = rows(store)
    said = log.edit_set(plank.id, reps=0, load=0, form_held=True, hold_s=50)
    assert said == "Corrected Plank 45 s → 50 s."
    assert log.sets(session)[1].amount == "50 s"
    assert log.edit_set(plank.id, reps=0, load=0, form_held=True, hold_s=50) is None
    after = rows(store)
    assert log.undo() == "Undid the correction of Plank 45 s."
    assert rows(store) == before
    log.redo()
    assert rows(store) == after


def test_a_rep_set_takes_no_seconds_and_a_hold_no_hour_past_the_limit(store: Store) -> None:
    log = HistoryLog(store, now=lambda: NOW)
    squat, plank = log.sets(log.sessions()[0].id)
    before = rows(store)
    with pytest.raises(ValueError, match="counted in reps, not seconds held"):
        log.edit_set(squat.id, reps=12, load=0, form_held=True, hold_s=30)
    with pytest.raises(ValueError, match="A hold lasts from 0 to 3600 seconds"):
        log.edit_set(plank.id, reps=0, load=0, form_held=True, hold_s=3601)
    assert rows(store) == before
    assert log.undo_label is None
