"""Discarding an empty heavy session also drops the light-session reminder it proposed: no
desktop notification for a session that did not happen. A real dbus-daemon and the stand-in
notification service receive (or not) what the window sends, on a virtual wall clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from db.light_reminders import light_reminders_of
from db.store import open_store
from desktop.gym.opening.equipment import current_owner
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.dialogs.discard import DiscardEmptyDialog
from desktop.ui.shell.main_window import MainWindow
from tests.local_zone import local_time, local_zone
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.ui.test_gym_screen_awake import Lines, bus, bus_address, bus_service  # noqa: F401
from tests.ui.test_light_notifier import WallClock

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS, "pipewire", "PulseAudioService", "Qt multimedia"
)
DAY = date(2026, 3, 1)
K = Qt.Key


@pytest.fixture
def notifications(bus_address: str) -> Iterator[Lines]:  # noqa: F811
    with bus_service(bus_address, "tests.notification_service", "60", "--click") as lines:
        yield lines


@pytest.fixture
def berlin() -> Iterator[None]:
    with local_zone("Europe/Berlin"):
        yield


def test_a_discarded_heavy_session_leaves_no_light_session_reminder(
    qtbot: QtBot,
    data_dir: Path,
    berlin: None,
    notifications: Lines,
    bus: QDBusConnection,  # noqa: F811
) -> None:
    clock = WallClock(local_time(DAY, 11, 30))
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    data_dir.mkdir(parents=True)
    store = open_store(paths.database, backups_dir=paths.backups, now=clock())
    window = MainWindow(store=store, paths=paths, now=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    notifier = window.gym.light_notifier
    notifier.bus = bus
    view = window.gym.open("heavy")
    assert view is not None and view.session.plan.kind == "heavy"
    qtbot.keyClick(view, K.Key_E)  # end the session…
    qtbot.keyClick(view, K.Key_Return)  # …yes, now
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.summary)
    qtbot.keyClick(view.focusWidget() or view, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.gym.discard_dialog, DiscardEmptyDialog))
    owner = current_owner(store, now=clock)
    assert owner is not None
    [proposed] = light_reminders_of(store, owner.athlete_id)
    assert proposed.remind_at == local_time(DAY, 17, 30), "finishing proposed the light session"
    dialog = window.gym.discard_dialog
    assert isinstance(dialog, DiscardEmptyDialog)
    qtbot.keyClick(dialog, K.Key_1)  # discard it
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Session discarded"))
    assert light_reminders_of(store, owner.athlete_id) == []
    clock.moment = local_time(DAY, 17, 30) + timedelta(minutes=1)
    assert not notifier.check(), "no reminder for a session that did not happen"
    qtbot.wait(300)
    assert notifications.none_pending()
