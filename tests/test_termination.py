"""A logout's SIGTERM or Ctrl+C closes the window cleanly, whatever the window was doing."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from db.store import open_store
from desktop.gym.opening.start import start_workout
from tests.conftest import REPO_ROOT, child_env, cramproof_command
from tests.fake_clock import FakeClock
from tests.gym_support import lift_set


def test_a_sigterm_in_the_middle_of_a_query_waits_for_the_query(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.signal_mid_query_child", str(data_dir)],
        cwd=REPO_ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stdout.strip() == "queries done", done.stderr
    assert done.returncode == 0
    assert "Cramproof closed" in (data_dir / "logs" / "cramproof.log").read_text(encoding="utf-8")


def _wait_for_line(log: Path, line: str, child: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if log.exists() and line in log.read_text(encoding="utf-8"):
            return
        assert child.poll() is None, child.communicate()
        time.sleep(0.05)
    child.kill()
    raise AssertionError(f"never logged {line!r}: {child.communicate()}")


def test_a_sigterm_under_the_resume_question_keeps_the_session_open(data_dir: Path) -> None:
    """Nobody answered: the session is neither closed nor replaced by a new one, and the next
    start offers it again."""
    clock = FakeClock(wall=datetime.now(UTC))  # left open minutes ago, not days: offered back
    store = open_store(
        data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=clock.wall()
    )
    session = start_workout(store, clock=clock, kind="heavy")
    lift_set(session, clock)
    store.close()
    child = subprocess.Popen(
        cramproof_command("--data-dir", str(data_dir), "gym"),
        cwd=REPO_ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for_line(data_dir / "logs" / "cramproof.log", "Asking whether to resume", child)
    time.sleep(0.3)  # the question is on screen, its own event loop running
    child.send_signal(signal.SIGTERM)
    _out, err = child.communicate(timeout=30)
    assert "Traceback" not in err, err
    assert child.returncode == 0, err
    with sqlite3.connect(data_dir / "cramproof.db") as db:
        states = db.execute("SELECT id, state FROM sessions").fetchall()
    assert states == [(session.session_id, "in_progress")]
