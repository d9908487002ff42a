"""A private D-Bus session bus for the window tests, and stand-in services on it.

`bus_address` starts a real `dbus-daemon` in the test's folder; `bus` is the window's
connection to it; `bus_service` runs a stand-in service (a tests module: the screensaver, the
notification server) there and reads what it prints. The fixtures reach every window test
through tests/ui/conftest.py.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection

from tests.conftest import REPO_ROOT
from tests.system_needs import require_tool

LINE_TIMEOUT_S = 20


class Lines:
    """A child's stdout, line by line, without ever blocking the test for good."""

    def __init__(self, child: subprocess.Popen[str]) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        stream = child.stdout
        assert stream is not None
        threading.Thread(
            target=lambda: [self._lines.put(x.strip()) for x in stream], daemon=True
        ).start()

    def next(self) -> str:
        try:
            return self._lines.get(timeout=LINE_TIMEOUT_S)
        except queue.Empty:
            pytest.fail("the child said nothing")

    def none_pending(self) -> bool:
        return self._lines.empty()


def stop(child: subprocess.Popen[str]) -> None:
    child.terminate()
    child.wait(timeout=30)
    if child.stdout is not None:
        child.stdout.close()


@pytest.fixture
def bus_address(tmp_path: Path) -> Iterator[str]:
    daemon = require_tool("dbus-daemon", "dbus-daemon")
    child = subprocess.Popen(
        [
            daemon,
            "--session",
            "--nofork",
            "--print-address=1",
            f"--address=unix:path={tmp_path}/bus",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield Lines(child).next()
    finally:
        stop(child)


@contextmanager
def bus_service(bus_address: str, module: str, *args: str) -> Iterator[Lines]:
    """A stand-in D-Bus service (a tests module) on the private bus, once it says "ready"."""
    child = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus_address, "PYTHONPATH": str(REPO_ROOT)},
    )
    lines = Lines(child)
    try:
        assert lines.next() == "ready"
        yield lines
    finally:
        stop(child)


@pytest.fixture
def bus(bus_address: str, request: pytest.FixtureRequest) -> Iterator[QDBusConnection]:
    name = f"cramproof-test-{request.node.name}"
    yield QDBusConnection.connectToBus(bus_address, name)
    QDBusConnection.disconnectFromBus(name)
