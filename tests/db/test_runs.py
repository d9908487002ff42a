"""Runs stored once with their splits, the watch's offset kept, and carried by backups."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta, timezone

import pytest

from db.backup import new_backup_path, restore_backup, write_backup
from db.records import Athlete
from db.runs import RunRecord, add_run, runs_for
from db.store import Store, open_store
from tests.db.helpers import NOW, StorePaths

LOCAL = timezone(timedelta(hours=-5))
START = NOW.astimezone(LOCAL) - timedelta(days=2)


def _run(athlete: Athlete, **changes: object) -> RunRecord:
    run = RunRecord(
        athlete_id=athlete.id,
        started_at=START,
        ended_at=START + timedelta(hours=2, minutes=35),
        sport="running",
        distance_m=30_200.0,
        moving_s=9_000.0,
        source="2027-01-10-07-00.fit",
        splits_s=(295.5, 298.0, 301.25),
        pace_fade_pct=6.5,
        cadence_drop_spm=4.0,
        decoupling_pct=None,
    )
    return replace(run, **changes)


def test_a_run_reads_back_with_its_splits_figures_and_local_offset(
    store: Store, athlete: Athlete
) -> None:
    run_id = add_run(store, _run(athlete), imported_at=NOW)
    (back,) = runs_for(store, athlete.id)
    assert back == replace(_run(athlete), id=run_id)
    assert back.started_at.utcoffset() == timedelta(hours=-5)
    assert back.started_at.isoformat() == START.isoformat()


def test_the_same_file_twice_adds_nothing(store: Store, athlete: Athlete) -> None:
    assert add_run(store, _run(athlete), imported_at=NOW) is not None
    assert add_run(store, _run(athlete), imported_at=NOW) is None
    assert len(runs_for(store, athlete.id)) == 1
    (count,) = store.db.execute("SELECT count(*) FROM run_splits").fetchone()
    assert count == 3


def test_a_gpx_of_the_same_run_adds_nothing(store: Store, athlete: Athlete) -> None:
    """A GPX of the run a FIT already gave: its start a few seconds off, its distance 1.5 % off."""
    add_run(store, _run(athlete), imported_at=NOW)
    gpx = _run(
        athlete,
        started_at=START + timedelta(seconds=59),
        distance_m=30_200.0 * 1.015,
        source="Morning_Run.gpx",
    )
    assert add_run(store, gpx, imported_at=NOW) is None
    assert [r.source for r in runs_for(store, athlete.id)] == ["2027-01-10-07-00.fit"]


@pytest.mark.parametrize(
    "changes",
    [
        {"started_at": START + timedelta(seconds=61)},
        {"distance_m": 30_200.0 * 1.021},
        {"started_at": START - timedelta(minutes=30), "distance_m": 5_000.0},
    ],
)
def test_another_run_is_stored(store: Store, athlete: Athlete, changes: dict) -> None:
    add_run(store, _run(athlete), imported_at=NOW)
    assert add_run(store, _run(athlete, **changes), imported_at=NOW) is not None
    assert len(runs_for(store, athlete.id)) == 2


def test_backups_carry_the_runs(store: Store, athlete: Athlete, paths: StorePaths) -> None:
    add_run(store, _run(athlete), imported_at=NOW)
    backup = write_backup(paths.db, new_backup_path(paths.backups, now=NOW, reason="manual"))
    store.db.execute("DELETE FROM run_splits")
    store.db.execute("DELETE FROM runs")
    store.db.conn.commit()
    store.close()
    restore_backup(backup, paths.db, backups_dir=paths.backups, now=NOW + timedelta(minutes=1))
    reopened = open_store(paths.db, backups_dir=paths.backups, now=NOW + timedelta(minutes=2))
    try:
        (back,) = runs_for(reopened, athlete.id)
        assert back.splits_s == (295.5, 298.0, 301.25)
    finally:
        reopened.close()
