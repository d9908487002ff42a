"""Fixtures for the window tests: `run_cramproof` starts Cramproof through its composition root;
`harness` is a log with the standard build-up set up (a module may define its own instead);
`audio_server` is a private PulseAudio server with a null sink, one per test module; `bus_address`
and `bus` a private D-Bus session bus (tests/ui/private_bus.py); `light_window`, `berlin` and
`notifications` the light-session reminder's set-up (tests/ui/light_window.py); `started` the
windows a test started, closed after it."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow
from tests.audio_server import TOOLS, PulseServer, pulse_server
from tests.planning_support import FORM, Harness, open_harness
from tests.system_needs import require_tools
from tests.ui.light_window import berlin, light_window, notifications
from tests.ui.private_bus import bus, bus_address
from tests.ui.started_app import run_cramproof

__all__ = [
    "audio_server",
    "berlin",
    "bus",
    "bus_address",
    "harness",
    "light_window",
    "notifications",
    "run_cramproof",
    "started",
]


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[list[StartedWindow]]:
    """Windows a test started with `desktop.app.start_window`, closed and shut down after it."""
    held: list[StartedWindow] = []
    yield held
    for window in held:
        window.window.close()
        window.shut_down()


@pytest.fixture(scope="module")
def audio_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PulseServer]:
    """Where the tests' sounds go: record its sink with `tests.audio_server.recording`."""
    require_tools(TOOLS, "pulseaudio pulseaudio-utils")
    with pulse_server(tmp_path_factory.mktemp("pulse")) as running:
        yield running


@pytest.fixture
def harness(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir) as opened:
        opened.planning.set_up(FORM)
        yield opened
