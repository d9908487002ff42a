"""Child process for the crash test: log sets forever, printing each id once its commit returned.

Run as `python child_log_sets.py <db> <session_id> <exercise_id>`; the parent SIGKILLs it.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from db.connection import connect
from db.records import SetRecord
from db.sessions import log_set, set_rest_state


def main(db_path: Path, session_id: int, exercise_id: int) -> None:
    db = connect(db_path)
    index = 0
    while True:
        now = datetime.now(UTC)
        logged = log_set(
            db,
            SetRecord(
                session_id=session_id,
                exercise_id=exercise_id,
                set_index=index,
                warmup=False,
                target_reps_min=4,
                target_reps_max=5,
                reps=4 + index % 2,
                load_kg=100.0 + index % 7 * 2.5,
                form_held=True,
                started_at=now,
                ended_at=now,
                rest_before_s=180.0,
            ),
        )
        sys.stdout.write(f"{logged.id}\n")
        sys.stdout.flush()
        set_rest_state(db, session_id, rest_started_at=now, rest_paused_s=float(index % 3))
        index += 1


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
