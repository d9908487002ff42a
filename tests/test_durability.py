"""Power-cut semantics: every logged set reaches the disk (an fsync) before log_set returns.

Reading the pragmas proves the setting; counting the real fsync calls under strace proves the
effect, and fails if anyone weakens synchronous=FULL or batches commits.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.system_needs import require_tool

SETS = 40

LOG_SETS = f"""
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from db.athletes import create_athlete
from db.exercises import ensure_exercise
from db.records import SetRecord
from db.sessions import log_set, start_session
from db.store import open_store

folder = Path(sys.argv[1])
now = datetime(2027, 1, 10, 9, tzinfo=UTC)
store = open_store(folder / "cramproof.db", backups_dir=folder / "backups", now=now)
athlete = create_athlete(store, "Ana")
squat = ensure_exercise(store, key="back_squat", name="Back squat", movement="squat",
                        barbell=True, bodyweight=False)
session = start_session(store, athlete_id=athlete.id, kind="heavy", planned_day_id=None,
                        started_at=now)
sys.stdout.write("MARK\\n"); sys.stdout.flush()
for i in range({SETS}):
    log_set(store, SetRecord(session_id=session.id, exercise_id=squat, set_index=i, warmup=False,
        target_reps_min=4, target_reps_max=5, reps=5, load_kg=100.0, form_held=True,
        started_at=now + timedelta(minutes=i), ended_at=now + timedelta(minutes=i, seconds=20)))
sys.stdout.write("DONE\\n"); sys.stdout.flush()
store.close()
"""


def test_each_logged_set_is_fsynced_before_the_call_returns(tmp_path: Path) -> None:
    strace = require_tool("strace", "strace")
    trace = tmp_path / "trace.txt"
    child = [sys.executable, "-c", LOG_SETS, str(tmp_path)]
    result = subprocess.run(
        [strace, "-f", "-e", "trace=fsync,fdatasync,write", "-o", str(trace), *child],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )
    if "Operation not permitted" in result.stderr and "ptrace" in result.stderr:
        pytest.skip("ptrace is not permitted in this sandbox")
    assert result.returncode == 0, result.stderr
    lines = trace.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if re.search(r'write\(1, "MARK', line))
    end = next(i for i, line in enumerate(lines) if re.search(r'write\(1, "DONE', line))
    syncs = [line for line in lines[start:end] if re.search(r"\b(fsync|fdatasync)\(", line)]
    assert len(syncs) >= SETS, f"{len(syncs)} fsyncs for {SETS} sets: commits are not durable"
