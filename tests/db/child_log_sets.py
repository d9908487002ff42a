"""Child process for the crash test: log sets forever, reporting each once its commit returned.

Run as `python child_log_sets.py <db> <session_id> <exercise_id> <round> [every-4th]`; the parent
SIGKILLs it. Each set's content is unique to (round, index) (see `set_content`), so the parent
can check what is stored by content: SQLite reuses the id of a rolled-back insert, so ids alone
cannot tell a lost set from a later one.

`every-4th` is a deliberately broken writer: it reports each set at once but commits only every
fourth, so a kill loses up to three reported sets. The crash test runs its harness against it to
prove the harness sees such a loss.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.connection import connect
from db.records import SetRecord, utc_text
from db.sessions import log_set, set_rest_state

EPOCH = datetime(2025, 3, 1, 7, 30, tzinfo=UTC)
INSERT = """INSERT INTO sets (session_id, exercise_id, set_index, warmup, target_reps_min,
    target_reps_max, reps, load_kg, form_held, started_at, ended_at, rest_before_s)
    VALUES (?, ?, ?, 0, 4, 5, ?, ?, 1, ?, ?, 180.0)"""


def set_content(round_number: int, index: int) -> tuple[str, int, int, float]:
    """What set `index` of round `round_number` stores: (started_at, set_index, reps, load_kg)."""
    started = EPOCH + timedelta(seconds=round_number * 1_000_000 + index)
    return utc_text(started), index % 10_000, 4 + index % 2, 100.0 + index % 7 * 2.5


def report(round_number: int, index: int, set_id: int | None) -> None:
    sys.stdout.write(json.dumps([round_number, index, set_id]) + "\n")
    sys.stdout.flush()


def log_durably(db_path: Path, session_id: int, exercise_id: int, round_number: int) -> None:
    """The app's own writer: log_set commits (and fsyncs) each set before it returns."""
    db = connect(db_path)
    index = 0
    while True:
        started_at, set_index, reps, load = set_content(round_number, index)
        started = datetime.fromisoformat(started_at)
        logged = log_set(
            db,
            SetRecord(
                session_id=session_id,
                exercise_id=exercise_id,
                set_index=set_index,
                warmup=False,
                target_reps_min=4,
                target_reps_max=5,
                reps=reps,
                load_kg=load,
                form_held=True,
                started_at=started,
                ended_at=started,
                rest_before_s=180.0,
            ),
        )
        report(round_number, index, logged.id)
        set_rest_state(db, session_id, rest_started_at=started, rest_paused_s=float(index % 3))
        index += 1


def log_every_fourth(db_path: Path, session_id: int, exercise_id: int, round_number: int) -> None:
    """Broken on purpose: reports each set before it is committed, commits every fourth.

    Between sets it waits, as a runner rests: a batching writer's reported sets spend most of their
    time uncommitted, which is when a crash takes them.
    """
    conn = sqlite3.connect(db_path, isolation_level=None)
    index = 0
    while True:
        if index % 4 == 0:
            conn.execute("BEGIN")
        started_at, set_index, reps, load = set_content(round_number, index)
        cursor = conn.execute(
            INSERT, [session_id, exercise_id, set_index, reps, load, started_at, started_at]
        )
        report(round_number, index, cursor.lastrowid)
        if index % 4 == 3:
            conn.execute("COMMIT")
        index += 1
        time.sleep(0.002)  # the next set comes later: reported sets wait, uncommitted, meanwhile


if __name__ == "__main__":
    writer = log_every_fourth if sys.argv[5:] == ["every-4th"] else log_durably
    writer(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
