"""Cramproof has no reason to touch the network: the running window owns no internet socket.

Unix-domain sockets are fine (the single-instance channel, D-Bus for the screensaver); any TCP,
UDP or raw socket held by the process fails the test.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import cramproof_command

INET_TABLES = ("tcp", "tcp6", "udp", "udp6", "raw", "raw6", "udplite", "udplite6")


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if match := re.fullmatch(r"socket:\[(\d+)\]", target):
            inodes.add(match[1])
    return inodes


def _inet_inodes(pid: int) -> set[str]:
    found = set()
    for table in INET_TABLES:
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > 9:
                found.add(fields[9])
    return found


def test_open_window_holds_no_internet_socket(data_dir: Path) -> None:
    assert sys.platform.startswith("linux"), "reads /proc"
    child = subprocess.Popen(
        cramproof_command("--data-dir", str(data_dir)),
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
        time.sleep(1.0)  # let anything lazy (sound, timers) start too
        sockets = _socket_inodes(child.pid)
        assert sockets, "expected at least the single-instance socket: is /proc readable?"
        assert sockets & _inet_inodes(child.pid) == set()
    finally:
        child.send_signal(signal.SIGTERM)
        child.communicate(timeout=30)


def test_detector_sees_a_tcp_socket() -> None:
    """The check above must be able to fail: a process listening on TCP is caught."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import socket, sys, time; s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen();"
            " print('up', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "up"
        assert _socket_inodes(holder.pid) & _inet_inodes(holder.pid)
    finally:
        holder.kill()
        holder.communicate()
