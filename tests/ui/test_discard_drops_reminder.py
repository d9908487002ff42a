"""Discarding an empty heavy session also drops the light-session reminder it proposed: no
desktop notification for a session that did not happen. A real dbus-daemon and the stand-in
notification service receive (or not) what the window sends, on a virtual wall clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from db.light_reminders import light_reminders_of
from desktop.gym.opening.equipment import current_owner
from desktop.ui.gym.dialogs.discard import DiscardEmptyDialog
from tests.local_zone import local_time
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.ui.gym_ui import leave_start_loads
from tests.ui.light_window import DAY, LightWindow
from tests.ui.private_bus import Lines

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS, "pipewire", "PulseAudioService", "Qt multimedia"
)
K = Qt.Key


def test_a_discarded_heavy_session_leaves_no_light_session_reminder(
    qtbot: QtBot, light_window: LightWindow, notifications: Lines, bus: QDBusConnection
) -> None:
    clock, store = light_window.clock, light_window.store
    window = light_window.show(bus)
    notifier = window.gym.light_notifier
    view = window.gym.open("heavy")
    assert view is not None and view.session.plan.kind == "heavy"
    leave_start_loads(qtbot, view)
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
