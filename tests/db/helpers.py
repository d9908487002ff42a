"""Helpers shared by the storage tests: fixed times, file hashes, plausible rows."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.athletes import create_athlete
from db.exercises import ensure_exercise
from db.records import SetRecord
from db.sessions import log_set, start_session
from db.store import Store, open_store

NOW = datetime(2025, 3, 1, 7, 30, tzinfo=UTC)


@dataclass(frozen=True)
class StorePaths:
    db: Path
    backups: Path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def a_set(session_id: int, exercise_id: int, **changes: object) -> SetRecord:
    """A plausible heavy work set; tests change only what they are about."""
    values: dict[str, object] = {
        "session_id": session_id,
        "exercise_id": exercise_id,
        "set_index": 0,
        "warmup": False,
        "target_reps_min": 4,
        "target_reps_max": 5,
        "reps": 5,
        "load_kg": 100.0,
        "form_held": True,
        "started_at": NOW,
        "ended_at": NOW,
        "rest_before_s": None,
    }
    values.update(changes)
    return SetRecord(**values)  # type: ignore[arg-type]


def populate(store: Store, *, name: str = "Bo", sets: int = 3) -> int:
    """Give a store an athlete, a session and some sets; returns the session id."""
    athlete = create_athlete(store, name, created_at=NOW)
    exercise = ensure_exercise(
        store, key="deadlift", name="Deadlift", movement="deadlift", barbell=True, bodyweight=False
    )
    session = start_session(
        store, athlete_id=athlete.id, kind="heavy", planned_day_id=None, started_at=NOW
    )
    for index in range(sets):
        log_set(store, a_set(session.id, exercise, set_index=index))
    return session.id


PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4


def healthy_database(path: Path, *, sets: int = 400) -> Path:
    """A closed, checkpointed Cramproof database spanning many pages (so damage lands on data)."""
    with open_store(path, backups_dir=path.parent / "backups", now=NOW) as store:
        populate(store, sets=sets)
    return path


def overwrite_pages(path: Path, *, seed: int = 7) -> None:
    """Scribble over everything after the first page, keeping the valid SQLite header."""
    data = bytearray(path.read_bytes())
    noise = random.Random(seed).randbytes(len(data) - 4096)
    data[4096:] = noise
    path.write_bytes(bytes(data))


def truncate_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


# Root ignores file modes through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH. Dropping both from the
# bounding set before exec leaves a child that chmod binds like any user, so the permission tests
# run (and mean something) in CI, which runs as root. Exit code 77: the caps could not be dropped.
_DROP_OVERRIDES = """
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
for capability in (1, 2):
    if libc.prctl(24, capability, 0, 0, 0) != 0:
        sys.exit(77)
os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
"""


def run_without_root_overrides(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python *args` so that file permissions apply to it, even when the tests run as root."""
    prefix = ["-c", _DROP_OVERRIDES] if os.geteuid() == 0 else []
    result = subprocess.run(
        [sys.executable, *prefix, *args], capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode == 77:
        pytest.skip("running as root without the right to drop CAP_DAC_OVERRIDE")
    return result


def child_script(name: str) -> str:
    return str(Path(__file__).with_name(name))
