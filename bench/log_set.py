"""Logging a set: one durable commit (WAL, synchronous=FULL) through the store, per set.

Baseline: the same row written with bare sqlite3 and the same pragmas on the same disk, i.e. what
the hardware's fsync allows. The ratio is what Cramproof's validation and mapping add.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.athletes import create_athlete
from db.exercises import ensure_exercise
from db.records import SetRecord
from db.sessions import log_set, start_session
from db.store import open_store

SETS = 1000


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _time_store(folder: Path, sets: int) -> list[float]:
    now = datetime(2027, 1, 10, 9, tzinfo=UTC)
    with open_store(folder / "cramproof.db", backups_dir=folder / "backups", now=now) as store:
        athlete = create_athlete(store, "Bench")
        squat = ensure_exercise(
            store,
            key="back_squat",
            name="Back squat",
            movement="squat",
            barbell=True,
            bodyweight=False,
        )
        session = start_session(
            store, athlete_id=athlete.id, kind="heavy", planned_day_id=None, started_at=now
        )
        samples = []
        for index in range(sets):
            new = SetRecord(
                session_id=session.id,
                exercise_id=squat,
                set_index=index,
                warmup=False,
                target_reps_min=4,
                target_reps_max=5,
                reps=5,
                load_kg=100.0,
                form_held=True,
                started_at=now + timedelta(minutes=index),
                ended_at=now + timedelta(minutes=index, seconds=30),
                rest_before_s=200.0,
            )
            started = time.perf_counter()
            log_set(store, new)
            samples.append(time.perf_counter() - started)
    return samples


def _time_raw(path: Path, sets: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE sets (id INTEGER PRIMARY KEY, session_id, reps, load_kg, ended_at)")
    samples = []
    for index in range(sets):
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO sets (session_id, reps, load_kg, ended_at) VALUES (1, 5, 100.0, ?)",
            [f"2027-01-10T09:{index % 60:02d}:00+00:00"],
        )
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - started)
    conn.close()
    return samples


def run(*, sets: int = SETS) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory(prefix="cramproof-bench-") as scratch:
        # Baseline before and after, pooled, so a disk warming up or a busy neighbour is shared.
        raw = _time_raw(Path(scratch, "raw-before.db"), sets // 2)
        ours = _time_store(Path(scratch), sets)
        raw += _time_raw(Path(scratch, "raw-after.db"), sets - sets // 2)
    rows = []
    for label, samples in (("raw sqlite3 insert+commit", raw), ("Cramproof log_set", ours)):
        median, p99 = statistics.median(samples), _percentile(samples, 0.99)
        rows.append(
            (
                f"log a set: {label}",
                f"median {median * 1000:6.2f} ms ({median / statistics.median(raw):.2f}× raw), "
                f"p99 {p99 * 1000:6.2f} ms ({p99 / _percentile(raw, 0.99):.2f}× raw), n={sets}",
            )
        )
    return rows


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label:<40} {figure}")
