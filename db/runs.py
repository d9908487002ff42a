"""Runs from the watch as stored: one row a run, one a whole km; the same run is stored once.

"The same run" is what a runner who imports a watch's folder twice, or both the FIT and the GPX
exported from one run, would call it: the same athlete, a start within a minute and a distance
within 2 %. Recording and splits share one transaction: never a run without its splits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from db.connection import StoreLike, as_database
from db.errors import translates_errors
from db.records import from_utc_text, utc_text

SAME_START = timedelta(minutes=1)
SAME_DISTANCE = 0.02


@dataclass(frozen=True, kw_only=True)
class RunRecord:
    """A stored run; start and end carry the offset the watch recorded."""

    athlete_id: int
    started_at: datetime
    ended_at: datetime
    sport: str
    distance_m: float
    moving_s: float
    source: str
    splits_s: tuple[float, ...]
    pace_fade_pct: float | None = None
    cadence_drop_spm: float | None = None
    decoupling_pct: float | None = None
    ascent_m: float | None = None
    id: int | None = None


@translates_errors
def add_run(target: StoreLike, run: RunRecord, *, imported_at: datetime) -> int | None:
    """Store the run and its splits; None (nothing stored) when the same run is already there."""
    db = as_database(target)
    offset = run.started_at.utcoffset() or timedelta(0)
    with db.atomic():
        if same_run(db, run) is not None:
            return None
        run_id = db.execute(
            """INSERT INTO runs (athlete_id, started_at, ended_at, utc_offset_min, sport,
            distance_m, moving_s, source, pace_fade_pct, cadence_drop_spm, decoupling_pct,
            ascent_m, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                run.athlete_id,
                utc_text(run.started_at),
                utc_text(run.ended_at),
                round(offset.total_seconds() / 60),
                run.sport,
                run.distance_m,
                run.moving_s,
                run.source,
                run.pace_fade_pct,
                run.cadence_drop_spm,
                run.decoupling_pct,
                run.ascent_m,
                utc_text(imported_at),
            ],
        ).lastrowid
        db.conn.executemany(
            "INSERT INTO run_splits (run_id, km, seconds) VALUES (?, ?, ?)",
            [(run_id, km, seconds) for km, seconds in enumerate(run.splits_s, start=1)],
        )
    return run_id


def same_run(target: StoreLike, run: RunRecord) -> int | None:
    """The id of a stored run of this athlete that is this one, if any."""
    low = utc_text(run.started_at - SAME_START)
    high = utc_text(run.started_at + SAME_START)
    rows = as_database(target).execute(
        """SELECT id, distance_m FROM runs
        WHERE athlete_id = ? AND started_at BETWEEN ? AND ? ORDER BY started_at""",
        [run.athlete_id, low, high],
    )
    for run_id, distance in rows:
        if abs(distance - run.distance_m) <= SAME_DISTANCE * max(distance, run.distance_m):
            return run_id
    return None


@translates_errors
def runs_for(target: StoreLike, athlete_id: int) -> list[RunRecord]:
    """An athlete's runs, oldest first, with their splits."""
    db = as_database(target)
    splits: dict[int, list[float]] = {}
    for run_id, seconds in db.execute(
        """SELECT s.run_id, s.seconds FROM run_splits s JOIN runs r ON r.id = s.run_id
        WHERE r.athlete_id = ? ORDER BY s.run_id, s.km""",
        [athlete_id],
    ):
        splits.setdefault(run_id, []).append(seconds)
    rows = db.query("SELECT * FROM runs WHERE athlete_id = ? ORDER BY started_at, id", [athlete_id])
    return [_run(row, splits.get(row["id"], ())) for row in rows]


@translates_errors
def runs_between(
    target: StoreLike, athlete_id: int, *, start: datetime, end: datetime, min_moving_s: float
) -> list[RunRecord]:
    """An athlete's runs started in [start, end) with at least this much moving time, oldest
    first, without their splits: what a chart of long runs needs, in one indexed query."""
    rows = as_database(target).query(
        """SELECT * FROM runs WHERE athlete_id = ? AND started_at >= ? AND started_at < ?
        AND moving_s >= ? ORDER BY started_at, id""",
        [athlete_id, utc_text(start), utc_text(end), min_moving_s],
    )
    return [_run(row, ()) for row in rows]


@translates_errors
def count_runs(target: StoreLike, athlete_id: int) -> int:
    """How many runs the athlete has imported, all told."""
    row = (
        as_database(target)
        .execute("SELECT count(*) FROM runs WHERE athlete_id = ?", [athlete_id])
        .fetchone()
    )
    return int(row[0])


def _run(row: dict, splits: Sequence[float]) -> RunRecord:
    zone = timezone(timedelta(minutes=row["utc_offset_min"]))
    return RunRecord(
        id=row["id"],
        athlete_id=row["athlete_id"],
        started_at=from_utc_text(row["started_at"]).astimezone(zone),
        ended_at=from_utc_text(row["ended_at"]).astimezone(zone),
        sport=row["sport"],
        distance_m=row["distance_m"],
        moving_s=row["moving_s"],
        source=row["source"],
        splits_s=tuple(splits),
        pace_fade_pct=row["pace_fade_pct"],
        cadence_drop_spm=row["cadence_drop_spm"],
        decoupling_pct=row["decoupling_pct"],
        ascent_m=row["ascent_m"],
    )
