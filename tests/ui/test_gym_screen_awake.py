"""The screen stays awake while gym mode is open: Inhibit/UnInhibit on a private session bus,
and a logged no-op wherever that is not possible."""

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
from pytestqt.qtbot import QtBot

from desktop.gym.opening.start import start_workout
from desktop.ui.alerts.screen_awake import ScreenAwake
from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.gym.view import GymView
from tests.conftest import REPO_ROOT
from tests.gym_support import fake_clock, open_log
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
def screensaver(bus_address: str) -> Iterator[Lines]:
    with bus_service(bus_address, "tests.screensaver_service", "60") as lines:
        yield lines


@pytest.fixture
def bus(bus_address: str, request: pytest.FixtureRequest) -> Iterator[QDBusConnection]:
    name = f"cramproof-test-{request.node.name}"
    yield QDBusConnection.connectToBus(bus_address, name)
    QDBusConnection.disconnectFromBus(name)


def test_hold_inhibits_and_release_uninhibits_with_the_cookie(
    qtbot: QtBot, screensaver: Lines, bus: QDBusConnection
) -> None:
    awake = ScreenAwake(bus=bus, platform="linux")
    assert awake.hold() and awake.held
    assert screensaver.next() == "inhibit Cramproof 'Gym mode: a rest timer is running' -> 4242"
    assert awake.hold(), "holding twice asks once"
    awake.release()
    assert screensaver.next() == "uninhibit 4242"
    assert not awake.held
    awake.release()
    assert awake.hold()
    assert screensaver.next().endswith("-> 4243")
    awake.release()
    assert screensaver.next() == "uninhibit 4243"
    assert screensaver.none_pending()


def test_the_gym_screen_holds_while_shown_and_lets_go_when_hidden(
    qtbot: QtBot, screensaver: Lines, bus: QDBusConnection, data_dir: Path
) -> None:
    clock = fake_clock()
    store = open_log(data_dir)
    try:
        session = start_workout(store, clock=clock, kind="heavy")
        view = GymView(session, player=CuePlayer(muted=True), screen=ScreenAwake(bus=bus))
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        assert screensaver.next().startswith("inhibit Cramproof")
        view.hide()
        assert screensaver.next() == "uninhibit 4242"
        view.show()
        assert screensaver.next().endswith("-> 4243")
        view.close()
        assert screensaver.next() == "uninhibit 4243"
    finally:
        store.close()


def test_without_the_service_nothing_is_held_and_the_reason_is_kept(
    qtbot: QtBot, bus: QDBusConnection, caplog: pytest.LogCaptureFixture
) -> None:
    awake = ScreenAwake(bus=bus, platform="linux")
    assert not awake.hold()
    assert awake.unavailable_reason is not None
    assert "org.freedesktop.ScreenSaver" in awake.unavailable_reason
    assert "screen may dim" in caplog.text
    awake.release()


def test_without_a_session_bus_nothing_is_held(qtbot: QtBot, tmp_path: Path) -> None:
    bus = QDBusConnection.connectToBus(f"unix:path={tmp_path}/none", "cramproof-test-no-bus")
    try:
        awake = ScreenAwake(bus=bus, platform="linux")
        assert not awake.hold()
        assert "D-Bus" in (awake.unavailable_reason or "")
    finally:
        QDBusConnection.disconnectFromBus("cramproof-test-no-bus")


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_platforms_fall_back_quietly_when_their_call_is_missing(
    qtbot: QtBot, platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Here (Linux) Windows' kernel32 and macOS's caffeinate do not exist: the failure path."""
    monkeypatch.setenv("PATH", "")
    awake = ScreenAwake(platform=platform)
    assert not awake.hold()
    assert awake.unavailable_reason is not None
    awake.release()
