"""One window per data directory, across real processes: a second launch never opens the log."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from tests.conftest import cramproof_command

STARTUP_TIMEOUT_S = 30


def _start_window(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        cramproof_command("--data-dir", str(data_dir)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def _wait_for_log_line(data_dir: Path, needle: str) -> None:
    log_file = data_dir / "logs" / "cramproof.log"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if log_file.exists() and needle in log_file.read_text(encoding="utf-8"):
            return
        time.sleep(0.05)
    raise AssertionError(f"{needle!r} never appeared in {log_file}")


def _second_launch(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cramproof_command("--data-dir", str(data_dir)),
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT_S,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_second_launch_raises_the_first_and_never_opens_the_log(data_dir: Path) -> None:
    first = _start_window(data_dir)
    try:
        _wait_for_log_line(data_dir, "Main window shown")
        db_before = (data_dir / "cramproof.db").stat().st_mtime_ns
        second = _second_launch(data_dir)
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stderr
        assert second.stdout == ""
        _wait_for_log_line(data_dir, "Raise requested by a second launch")
        assert (data_dir / "cramproof.db").stat().st_mtime_ns == db_before
        assert first.poll() is None, "the first window must keep running"
    finally:
        first.send_signal(signal.SIGTERM)
        _, first_err = first.communicate(timeout=STARTUP_TIMEOUT_S)
    assert first.returncode == 0, first_err


def test_lock_left_by_a_killed_window_is_taken_over(data_dir: Path) -> None:
    crashed = _start_window(data_dir)
    _wait_for_log_line(data_dir, "Main window shown")
    crashed.kill()
    crashed.communicate(timeout=STARTUP_TIMEOUT_S)
    assert (data_dir / "cramproof.lock").exists(), "SIGKILL leaves the lock behind"

    successor = _start_window(data_dir)
    try:
        log_file = data_dir / "logs" / "cramproof.log"
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while log_file.read_text(encoding="utf-8").count("Main window shown") < 2:
            assert successor.poll() is None, "successor exited early"
            assert time.monotonic() < deadline, "successor never opened its window"
            time.sleep(0.05)
    finally:
        successor.send_signal(signal.SIGTERM)
        _, successor_err = successor.communicate(timeout=STARTUP_TIMEOUT_S)
    assert successor.returncode == 0, successor_err


def test_restore_is_refused_while_the_window_has_the_log_open(data_dir: Path) -> None:
    from datetime import UTC, datetime

    from db.store import open_store

    open_store(
        data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=datetime.now(UTC)
    ).close()
    backup = data_dir / "backups" / "cramproof-20270101-000000-manual.db"
    saved = subprocess.run(
        cramproof_command("--data-dir", str(data_dir), "backup", "--out", str(backup)),
        capture_output=True,
        text=True,
    )
    assert saved.returncode == 0, saved.stderr
    window = _start_window(data_dir)
    try:
        _wait_for_log_line(data_dir, "Main window shown")
        before = (data_dir / "cramproof.db").read_bytes()
        refused = subprocess.run(
            cramproof_command("--data-dir", str(data_dir), "restore", "latest"),
            capture_output=True,
            text=True,
            timeout=STARTUP_TIMEOUT_S,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert refused.returncode == 1
        assert "close it, then restore" in refused.stderr
        assert (data_dir / "cramproof.db").read_bytes() == before
    finally:
        window.send_signal(signal.SIGTERM)
        window.communicate(timeout=STARTUP_TIMEOUT_S)
