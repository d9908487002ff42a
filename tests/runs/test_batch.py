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
from desktop.runs.importing.batch import Step, import_batch
from desktop.runs.importing.long_run import runs_to_offer
from tests.planning_support import FORM, open_harness
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


def test_only_the_long_run_of_a_planned_long_run_day_is_offered(
    data_dir: Path, tmp_path: Path
) -> None:
    # Sun 14 Mar (a long-run day): 65 min. Tue 16: 13.3 km in 74 min, no long-run day near:
    # not offered, however long. Sat 20: 40 min and Sun 21: 20 min: Sunday's long run is
    # Saturday's, the longest within a day of it.
    with open_harness(data_dir) as harness:
        harness.planning.set_up(FORM)
        athlete = harness.athlete_id()
        (tmp_path / "w").mkdir()
        for day, seconds in {0: 3900, 2: 4433, 6: 2400, 7: 1200}.items():
            leg = Leg("running", seconds, offset_s=day * DAY)
            (tmp_path / "w" / f"run-{day}.fit").write_bytes(fit_bytes([leg]))
        result = import_batch(
            harness.store.path, athlete_id=athlete, paths=[tmp_path / "w"], now=NOW
        )
        tuesday = next(run for run in result.new_runs if run.source == "run-2.fit")
        assert round(tuesday.distance_m / 1000, 1) == 13.3
        assert tuesday.started_at.strftime("%a %d %b") == "Tue 16 Mar"
        offered = runs_to_offer(harness.store, athlete, result.new_runs)
        assert [run.source for run in offered] == ["run-6.fit", "run-0.fit"]
        record_cramp_report(
            harness.store,
            athlete_id=athlete,
            date=offered[0].started_at.date(),
            cramped=False,
            sites=(),
            severity=0,
            created_at=NOW,
        )
        offered = runs_to_offer(harness.store, athlete, result.new_runs)
        assert [run.source for run in offered] == ["run-0.fit"]
