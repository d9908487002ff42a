"""`cramproof gym` opens straight into a session on a fresh install: the timer is never gated."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import cramproof_command


@pytest.mark.parametrize("kind", ["heavy", "light"])
def test_gym_command_starts_a_session_on_a_fresh_install(data_dir: Path, kind: str) -> None:
    child = subprocess.Popen(
        cramproof_command("--data-dir", str(data_dir), "gym", "--kind", kind),
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        log_file = data_dir / "logs" / "cramproof.log"
        deadline = time.monotonic() + 30
        while not (log_file.exists() and "Main window shown" in log_file.read_text()):
            assert child.poll() is None and time.monotonic() < deadline, "window never opened"
            time.sleep(0.05)
        with sqlite3.connect(data_dir / "cramproof.db") as db:
            sessions = db.execute("SELECT kind, state FROM sessions").fetchall()
            athletes = db.execute("SELECT name FROM athletes").fetchall()
        assert sessions == [(kind, "in_progress")]
        assert len(athletes) == 1, "a default athlete is created so the timer needs no form"
    finally:
        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=30)
    assert child.returncode == 0, err.decode()[-2000:]
