"""Importing with the files read ahead in worker processes: the same lines and the same stored
runs as reading them one by one with the SDK's defaults, in file order; stopping between two
files stores the files before, none after, and leaves no process behind."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from db.athletes import create_athlete
from db.runs import runs_for
from db.store import Store, open_store
from desktop.runs.importing.importer import (
    Outcome,
    import_runs,
    read_file,
    run_files,
    store_reading,
)
from tests.runs.fit_builder import Leg, fit_bytes
from tests.runs.test_fit_file import _late
from tests.runs.test_track_files import _gpx

NOW = datetime(2027, 4, 1, 9, tzinfo=UTC)


def _watch(folder: Path) -> Path:
    """Runs on different days, a ride, a brick, damaged, cut, empty and foreign files."""
    folder.mkdir()
    for day in range(6):
        (folder / f"run-{day}.fit").write_bytes(
            fit_bytes([Leg("running", 600 + 100 * day, offset_s=86_400 * day)])
        )
    long = fit_bytes([Leg("running", 4000, profile=_late, stop=(1500, 300), offset_s=-86_400)])
    (folder / "long.fit").write_bytes(long)
    (folder / "long-twin.fit").write_bytes(long)  # already there
    crc = bytearray(fit_bytes([Leg("running", 900, offset_s=-2 * 86_400)]))
    crc[-1] ^= 0xFF
    (folder / "crc.fit").write_bytes(bytes(crc))
    (folder / "cut.fit").write_bytes(long[: len(long) // 2])
    brick = fit_bytes([Leg("cycling", 400, speed=8.0), Leg("running", 400, offset_s=-3 * 86_400)])
    (folder / "brick.fit").write_bytes(brick)
    (folder / "ride.fit").write_bytes(fit_bytes([Leg("cycling", 300, speed=8.0)]))
    (folder / "settings.fit").write_bytes(fit_bytes([], kind="settings"))
    (folder / "empty.fit").write_bytes(b"")
    (folder / "junk.fit").write_bytes(b"not a fit file")
    (folder / "short.gpx").write_text(_gpx(700, 3.0), encoding="utf-8")
    return folder


def _store(folder: Path) -> tuple[Store, int]:
    store = open_store(folder / "cramproof.db", backups_dir=folder / "backups", now=NOW)
    return store, create_athlete(store, "Ana", created_at=NOW).id


def _one_by_one(store: Store, athlete: int, paths: list[Path]) -> Iterator[Outcome]:
    """The reference: each file read here with the SDK's default options, then stored."""
    for item in run_files(paths):
        if isinstance(item, Outcome):
            yield item
        else:
            yield store_reading(store, athlete, item, read_file(item, thorough=True), NOW)


def _children() -> list[multiprocessing.process.BaseProcess]:
    return multiprocessing.active_children()


def test_reading_ahead_gives_the_lines_and_runs_of_reading_one_by_one(tmp_path: Path) -> None:
    watch = _watch(tmp_path / "watch")
    paths = [watch, tmp_path / "missing.fit", watch / "ride.fit"]
    reference, ana = _store(tmp_path / "one")
    expected = list(_one_by_one(reference, ana, paths))
    ahead, athlete = _store(tmp_path / "ahead")
    outcomes = import_runs(ahead, athlete_id=athlete, paths=paths, now=NOW, workers=2)
    first = next(outcomes)
    assert len(_children()) == 2  # read in two worker processes
    got = [first, *outcomes]
    assert _children() == []
    assert got == expected
    assert [o.line.split(" ", 1)[0] for o in got].count("imported") == 10
    assert runs_for(ahead, athlete) == runs_for(reference, ana)
    reference.close()
    ahead.close()


def test_stopping_between_files_stores_those_before_and_leaves_no_process(
    tmp_path: Path,
) -> None:
    watch = tmp_path / "watch"
    watch.mkdir()
    for day in range(10):
        (watch / f"{day:02d}.fit").write_bytes(
            fit_bytes([Leg("running", 3000, offset_s=86_400 * day)])
        )
    store, athlete = _store(tmp_path)
    outcomes = import_runs(store, athlete_id=athlete, paths=[watch], now=NOW, workers=2)
    lines = [next(outcomes).line, next(outcomes).line]
    assert len(_children()) == 2
    outcomes.close()
    assert _children() == []
    assert all(line.startswith("imported") for line in lines)
    starts = [run.started_at for run in runs_for(store, athlete)]
    first = datetime(2027, 3, 14, 7, tzinfo=UTC)
    assert sorted(starts) == [first, first + timedelta(days=1)]
    store.close()


def test_a_consumer_that_drops_the_import_leaves_no_process(tmp_path: Path) -> None:
    watch = _watch(tmp_path / "watch")
    store, athlete = _store(tmp_path)
    outcomes = import_runs(store, athlete_id=athlete, paths=[watch], now=NOW, workers=2)
    next(outcomes)
    del outcomes
    gc.collect()
    assert _children() == []
    store.close()


@pytest.mark.parametrize("workers", [0, 1])
def test_no_worker_reads_here_in_order(tmp_path: Path, workers: int) -> None:
    watch = _watch(tmp_path / "watch")
    store, athlete = _store(tmp_path)
    outcomes = import_runs(store, athlete_id=athlete, paths=[watch], now=NOW, workers=workers)
    names = [outcome.path.name for outcome in outcomes]
    assert _children() == []
    assert names == sorted(names)
    store.close()


def test_a_worker_killed_mid_import_leaves_its_files_to_be_read_here(tmp_path: Path) -> None:
    import os
    import signal

    watch = _watch(tmp_path / "watch")
    reference, ana = _store(tmp_path / "one")
    expected = list(_one_by_one(reference, ana, [watch]))
    store, athlete = _store(tmp_path / "ahead")
    outcomes = import_runs(store, athlete_id=athlete, paths=[watch], now=NOW, workers=2)
    got = [next(outcomes)]
    for child in _children():
        os.kill(child.pid or 0, signal.SIGKILL)
    got.extend(outcomes)
    assert got == expected
    assert _children() == []
    reference.close()
    store.close()
