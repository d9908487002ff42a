"""The window's import as a plain use case: one step before and after each file, Cancel between
files, only what changed since in a watched folder, the summary's words, and the long run the
cramp report is offered for."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from db.athletes import create_athlete
from db.checkins import record_cramp_report
from db.runs import runs_for
from db.store import Store, open_store
from desktop.runs.batch import Step, import_batch
from desktop.runs.long_run import run_to_offer
from tests.runs.fit_builder import Leg, fit_bytes

NOW = datetime(2027, 3, 20, 12, tzinfo=UTC)
DAY = 86_400


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    data_dir.mkdir(parents=True)
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "b", now=NOW) as opened:
        create_athlete(opened, "Ana", created_at=NOW)
        yield opened


def _runs(folder: Path, *seconds: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for day, length in enumerate(seconds):
        path = folder / f"run-{day}.fit"
        path.write_bytes(fit_bytes([Leg("running", length, offset_s=day * DAY)]))
        paths.append(path)
    return paths


def test_steps_come_before_and_after_each_file(store: Store, tmp_path: Path) -> None:
    _runs(tmp_path / "w", 600, 600)
    steps: list[Step] = []
    result = import_batch(
        store.path, athlete_id=1, paths=[tmp_path / "w"], now=NOW, progress=steps.append
    )
    assert [(s.done, s.total) for s in steps] == [(0, 2), (1, 2), (1, 2), (2, 2)]
    assert steps[0].text == "Reading run-0.fit…"
    assert steps[1].text == "run-0.fit: imported a 1.8 km run of 2027-03-14"
    assert result.summary() == "2 runs imported."
    assert [run.source for run in result.new_runs] == ["run-0.fit", "run-1.fit"]


def test_cancel_stops_between_files_and_keeps_what_was_stored(store: Store, tmp_path: Path) -> None:
    _runs(tmp_path / "w", 600, 600, 600)
    steps: list[Step] = []
    result = import_batch(
        store.path,
        athlete_id=1,
        paths=[tmp_path / "w"],
        now=NOW,
        progress=steps.append,
        cancelled=lambda: len(steps) >= 2,  # Cancel pressed while the first file was read
    )
    assert result.cancelled and len(result.outcomes) == 1
    assert result.summary() == "Cancelled after 1 of 3 files: 1 run imported."
    assert [run.source for run in runs_for(store, 1)] == ["run-0.fit"]


def test_a_watched_folder_reads_only_what_changed_since(store: Store, tmp_path: Path) -> None:
    old, _new = _runs(tmp_path / "w", 600, 600)
    week_ago = time.time() - 7 * DAY
    os.utime(old, (week_ago, week_ago))  # a sync tool keeps the run's own time: ctime is now
    since = datetime.now(UTC) + timedelta(seconds=5)  # after both files arrived
    nothing = import_batch(
        store.path, athlete_id=1, paths=[tmp_path / "w"], now=NOW, changed_since=since
    )
    assert (
        nothing.total == 0
        and nothing.summary() == "No FIT, GPX or TCX files there: nothing imported."
    )
    earlier = datetime.now(UTC) - timedelta(minutes=1)
    both = import_batch(
        store.path, athlete_id=1, paths=[tmp_path / "w"], now=NOW, changed_since=earlier
    )
    assert both.total == 2  # the old run copied in just now counts, by its inode's change time


def test_the_summary_names_what_could_not_be_read(store: Store, tmp_path: Path) -> None:
    (tmp_path / "w").mkdir()
    for name in ("a.fit", "b.gpx", "c.tcx", "d.fit", "e.fit", "f.fit"):
        (tmp_path / "w" / name).write_bytes(b"")
    result = import_batch(
        store.path, athlete_id=1, paths=[tmp_path / "w", tmp_path / "gone"], now=NOW
    )
    assert result.summary() == (
        "0 runs imported, 7 unreadable: gone — no such file or folder; a.fit — empty file; "
        "b.gpx — empty file; c.tcx — empty file; d.fit — empty file; and 2 more."
    )


def test_the_long_run_offered_is_the_latest_unanswered_one(store: Store, tmp_path: Path) -> None:
    # Sun 14 Mar: 65 min; Mon 15: 20 min (longest of its week so far); Tue 16: 30 min.
    _runs(tmp_path / "w", 3900, 1200, 1800)
    result = import_batch(store.path, athlete_id=1, paths=[tmp_path / "w"], now=NOW)
    offered = run_to_offer(store, 1, result.new_runs)
    assert offered is not None and offered.source == "run-2.fit"
    record_cramp_report(
        store,
        athlete_id=1,
        date=offered.started_at.date(),
        cramped=False,
        sites=(),
        severity=0,
        created_at=NOW,
    )
    offered = run_to_offer(store, 1, result.new_runs)
    assert (
        offered is not None and offered.source == "run-0.fit"
    )  # Monday's is not its week's longest
