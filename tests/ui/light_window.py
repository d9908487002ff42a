"""The light-session reminder's window tests, set up once: a runner in Berlin on 1 March 2026,
the window's wall clock moved by the test, a real log, and the stand-in notification service
on a private D-Bus session bus. The fixtures reach every window test through
tests/ui/conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from db.store import Store, open_store
from desktop.runtime.paths import AppPaths
from desktop.ui.shell.main_window import MainWindow
from tests.local_zone import local_time, local_zone
from tests.ui.private_bus import Lines, bus_service

DAY = date(2026, 3, 1)


class WallClock:
    """The window's `now`, moved by the test."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment


@dataclass
class LightWindow:
    """The log and the clock first (a test may store what the window should find), then the
    window, shown, its light-session notifier on the test's bus when one is given."""

    qtbot: QtBot
    paths: AppPaths
    clock: WallClock
    store: Store
    windows: list[MainWindow] = field(default_factory=list)

    def show(self, bus: QDBusConnection | None = None) -> MainWindow:
        window = MainWindow(store=self.store, paths=self.paths, now=self.clock)
        self.qtbot.addWidget(window)
        window.show()
        self.qtbot.waitExposed(window)
        if bus is not None:
            window.gym.light_notifier.bus = bus
        self.windows.append(window)
        return window


@pytest.fixture
def berlin() -> Iterator[None]:
    with local_zone("Europe/Berlin"):
        yield


@pytest.fixture
def light_window(qtbot: QtBot, data_dir: Path, berlin: None) -> Iterator[LightWindow]:
    """An empty log at 11:30 on `DAY`, Berlin time, and the window to open on it."""
    clock = WallClock(local_time(DAY, 11, 30))
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    data_dir.mkdir(parents=True)
    store = open_store(paths.database, backups_dir=paths.backups, now=clock())
    opened = LightWindow(qtbot, paths, clock, store)
    yield opened
    for window in opened.windows:
        window.close()
    store.close()


@pytest.fixture
def notifications(bus_address: str) -> Iterator[Lines]:
    """The stand-in notification service: what the window sends, and a click on its button."""
    with bus_service(bus_address, "tests.notification_service", "60", "--click") as lines:
        yield lines
