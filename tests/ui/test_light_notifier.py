"""At the light session's time a desktop notification offers "Start light session"; clicking it
opens gym mode on the light session. A real dbus-daemon, a stand-in notification service, and
the window's clock advanced virtually."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from db.athletes import create_athlete
from db.light_reminders import LightReminder, save_light_reminder
from db.settings import set_setting
from desktop.ui.alerts.light_notifier import LightNotifier
from tests.local_zone import local_time
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.ui.light_window import DAY, LightWindow
from tests.ui.private_bus import Lines

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS, "pipewire", "PulseAudioService", "Qt multimedia"
)


def test_the_reminder_arrives_at_its_time_and_its_button_opens_the_light_session(
    qtbot: QtBot, light_window: LightWindow, notifications: Lines, bus: QDBusConnection
) -> None:
    clock, store = light_window.clock, light_window.store
    ana = create_athlete(store, "Ana", created_at=clock())
    set_setting(store, "last_athlete_id", str(ana.id))
    save_light_reminder(store, LightReminder(ana.id, DAY, clock(), local_time(DAY, 17, 30)))
    window = light_window.show(bus)
    notifier = window.gym.light_notifier
    clock.moment = local_time(DAY, 17, 29)
    assert not notifier.check(), "a minute early: nothing yet"
    assert notifications.none_pending()
    clock.moment += timedelta(minutes=1)
    assert notifier.check()
    body = "Light session at 17:30: the second half of today's double day."
    assert notifications.next() == (
        f"notify Cramproof 'Light session' {body!r} ['start-light', 'Start light session'] -> 7"
    )
    assert notifications.next() == "invoked 7 start-light"
    qtbot.waitUntil(lambda: window.gym.view is not None)
    view = window.gym.view
    assert view is not None and view.session.plan.kind == "light"
    assert window.centralWidget().currentWidget() is view
    clock.moment += timedelta(minutes=5)
    assert not notifier.check(), "one reminder, and none once the light session started"
    assert notifications.none_pending()


def test_without_a_service_nothing_is_shown_and_the_reason_is_kept(
    qtbot: QtBot, bus: QDBusConnection
) -> None:
    at = local_time(DAY, 17, 30)
    notifier = LightNotifier(due=lambda: at, now=lambda: at, bus=bus)
    assert not notifier.check()
    assert notifier.unavailable_reason is not None
    assert not notifier.check(), "asked once per reminder"
