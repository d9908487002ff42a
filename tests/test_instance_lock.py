"""The data folder's lock dies with its holder, even when its PID goes to another Python process.

A killed window leaves `cramproof.lock` behind. Once the kernel gives its PID to some other
Python program, a lock judged by "is that PID alive and called python3.11?" keeps the log
"already open" for good. These tests kill real processes and hand their PID to a live Python.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.ui.shell.single_instance import acquire_lock
from tests.conftest import child_env, cramproof_command

TIMEOUT_S = 30
NS_LAST_PID = Path("/proc/sys/kernel/ns_last_pid")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock and PIDs: POSIX only")

HOLD_LOCK = """
import sys, time
from pathlib import Path
from desktop.ui.shell.single_instance import acquire_lock
lock = acquire_lock(Path(sys.argv[1]))
print("held" if lock is not None else "refused", flush=True)
time.sleep(600)
"""


def _holder(lock_file: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_file)],
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    return child


def _python_with_pid(pid: int) -> subprocess.Popen[str] | None:
    """A live Python process given `pid` by the kernel (root only: via ns_last_pid), or None."""
    for _ in range(50):
        try:
            NS_LAST_PID.write_text(str(pid - 1))
        except OSError:
            return None
        sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        if sleeper.pid == pid:
            return sleeper
        sleeper.kill()
        sleeper.wait()
    return None


@contextlib.contextmanager
def _reused_pid(pid: int, lock_file: Path) -> Iterator[int]:
    """Give the dead holder's PID to a live Python; without root, name a live Python in the lock."""
    sleeper = _python_with_pid(pid)
    if sleeper is None:
        if os.environ.get("CI"):
            pytest.fail("CI runs as root: the PID must really be reused")
        sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        lines = lock_file.read_text(encoding="utf-8").split("\n")
        lock_file.write_text("\n".join([str(sleeper.pid), *lines[1:]]), encoding="utf-8")
    try:
        yield sleeper.pid
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_live_holder_keeps_the_lock_and_its_death_releases_it(tmp_path: Path) -> None:
    lock_file = tmp_path / "cramproof.lock"
    holder = _holder(lock_file)
    try:
        assert acquire_lock(lock_file) is None, "a live holder must keep the log single"
    finally:
        holder.kill()
        holder.communicate()
    with _reused_pid(holder.pid, lock_file):
        lock = acquire_lock(lock_file)
        assert lock is not None, "the killed holder's PID, now another Python's, kept the lock"
        lock.unlock()


def _start_window(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        cramproof_command("--data-dir", str(data_dir)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def _windows_shown(data_dir: Path) -> int:
    log_file = data_dir / "logs" / "cramproof.log"
    return (
        log_file.read_text(encoding="utf-8").count("Main window shown") if log_file.exists() else 0
    )


def _wait_for_windows(data_dir: Path, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while _windows_shown(data_dir) < count:
        if process.poll() is not None:
            raise AssertionError(f"the window exited: {process.communicate()[1]}")
        assert time.monotonic() < deadline, "the window never opened the log"
        time.sleep(0.05)


def test_a_killed_window_whose_pid_went_to_another_python_does_not_block(data_dir: Path) -> None:
    crashed = _start_window(data_dir)
    _wait_for_windows(data_dir, 1, crashed)
    crashed.kill()
    crashed.communicate(timeout=TIMEOUT_S)
    lock_file = data_dir / "cramproof.lock"
    assert lock_file.exists(), "SIGKILL leaves the lock file behind"

    with _reused_pid(crashed.pid, lock_file):
        successor = _start_window(data_dir)
        try:
            _wait_for_windows(data_dir, 2, successor)
            second = subprocess.run(
                cramproof_command("--data-dir", str(data_dir)),
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
                env=child_env(),
            )
            assert "already open" in second.stderr, "the live successor must still be single"
            assert second.returncode == 0, second.stderr
        finally:
            successor.send_signal(signal.SIGTERM)
            _, errors = successor.communicate(timeout=TIMEOUT_S)
    assert successor.returncode == 0, errors


def test_a_folder_without_kernel_locks_falls_back_to_the_pid_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some network and FUSE folders refuse flock (ENOLCK); the window must still open there."""
    import errno
    import fcntl

    def no_flock(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_flock)
    lock = acquire_lock(tmp_path / "cramproof.lock")
    assert lock is not None
    try:
        assert acquire_lock(tmp_path / "cramproof.lock") is None, "still one window per folder"
    finally:
        lock.unlock()
