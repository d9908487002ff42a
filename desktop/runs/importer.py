"""Import run files into an athlete's log: one outcome a file, in words a runner reads.

Folders are walked for FIT, GPX and TCX files (a watch mounted over USB, its GARMIN/Activity
folder), so pointing at a watch twice adds nothing the second time. Each file is read and stored
on its own: one damaged file never stops the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from db.runs import RunRecord, add_run
from db.store import Store
from desktop.domain.runs.climb import total_ascent
from desktop.domain.runs.late_run import late_run
from desktop.plan.run_links import link_runs
from desktop.runs.files import SUFFIXES, read_run_file
from desktop.runs.run import Run, Unreadable


@dataclass(frozen=True)
class Outcome:
    """What became of one file: its line, and whether it could not be read at all."""

    path: Path
    line: str
    unreadable: bool = False


def run_files(paths: Iterable[Path]) -> Iterator[Path | Outcome]:
    """The files to read, folders walked (sorted, so the order is the same every time); a path
    that is neither file nor folder comes back as its Outcome."""
    for path in paths:
        if path.is_dir() and path.suffix.lower() not in SUFFIXES:
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and not p.is_symlink()
            )
            yield from found
        elif path.exists() or path.suffix.lower() in SUFFIXES:
            yield path
        else:
            yield Outcome(path, "unreadable: no such file or folder", unreadable=True)


def import_runs(
    store: Store,
    *,
    athlete_id: int,
    paths: Iterable[Path],
    now: datetime,
    workers: int | None = None,
) -> Iterator[Outcome]:
    """Read and store every file under `paths`, one Outcome each, in file order, as it goes.

    The files are read ahead on the machine's cores (`workers` processes, by default one a core;
    0 reads here), and each is stored here when its turn comes, so stopping between two files
    (closing this iterator) leaves every file before stored and none after, and shuts the
    readers down."""
    from desktop.runs.read_ahead import read_ahead

    readings = read_ahead(list(run_files(paths)), read_file, workers=workers)
    try:
        for item, reading in readings:
            if isinstance(item, Outcome):
                yield item
            else:
                yield store_reading(store, athlete_id, item, reading, now)
    finally:
        readings.close()


def import_file(store: Store, athlete_id: int, path: Path, now: datetime) -> Outcome:
    """Read one file and store its runs; the line says what happened to each part."""
    return store_reading(store, athlete_id, path, read_file(path), now)


@dataclass(frozen=True)
class Reading:
    """What reading a file gave, ready to store: each run's record (for no athlete yet) and
    words, the sessions skipped, the damage; or why it is unreadable. Small, so it crosses
    from a reading process cheaply (the records' samples stay behind)."""

    runs: tuple[tuple[RunRecord, str], ...] = ()
    skipped: tuple[str, ...] = ()
    damage: str | None = None
    unreadable: str | None = None


def read_file(path: Path, *, thorough: bool = False) -> Reading:
    """Read one file into what storing it needs (`thorough`: FIT with the SDK's defaults)."""
    try:
        reading = read_run_file(path, thorough=thorough)
    except Unreadable as error:
        return Reading(unreadable=str(error))
    return Reading(
        runs=tuple((record(run, 0), describe(run)) for run in reading.runs),
        skipped=reading.skipped,
        damage=reading.damage,
    )


def store_reading(
    store: Store, athlete_id: int, path: Path, reading: Reading, now: datetime
) -> Outcome:
    """Store a file's runs for the athlete; the line says what happened to each part."""
    if reading.unreadable is not None:
        return Outcome(path, f"unreadable: {reading.unreadable}", unreadable=True)
    parts: list[str] = []
    added = False
    for unowned, what in reading.runs:
        stored = add_run(store, replace(unowned, athlete_id=athlete_id), imported_at=now)
        parts.append(f"imported {what}" if stored is not None else f"already there ({what})")
        added = added or stored is not None
    if added:  # a heavy session logged before this import may have followed one of its runs
        link_runs(store, athlete_id)
    parts.extend(f"skipped: {reason}" for reason in reading.skipped)
    if reading.damage and reading.runs:
        parts.append(f"{reading.damage}: imported what decoded")
    return Outcome(path, "; ".join(parts) or "skipped: no run in this file")


def record(run: Run, athlete_id: int) -> RunRecord:
    """The stored form of a run: totals, splits, the late-run figures and the ascent; the
    records stay here."""
    figures = late_run(run.samples)
    return RunRecord(
        athlete_id=athlete_id,
        started_at=run.start,
        ended_at=run.end,
        sport=run.sport,
        distance_m=run.distance_m,
        moving_s=run.moving_s,
        source=run.source,
        splits_s=run.splits_s,
        pace_fade_pct=figures.pace_fade_pct,
        cadence_drop_spm=figures.cadence_drop_spm,
        decoupling_pct=figures.decoupling_pct,
        ascent_m=total_ascent(sample.altitude_m for sample in run.samples),
    )


def describe(run: Run) -> str:
    return f"a {run.distance_m / 1000:.1f} km run of {run.start.date().isoformat()}"
