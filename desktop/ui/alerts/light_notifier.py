"""The light session's reminder on the desktop: a notification with "Start light session".

The second half of the double day is the one most easily forgotten once the runner has left
the laptop. While Cramproof runs, at the time the heavy session set (`gym.closing.light_time`), this
sends ``org.freedesktop.Notifications.Notify`` on the session bus (GNOME, KDE Plasma, Xfce and
the other freedesktop desktops; a Flatpak needs ``--talk-name=org.freedesktop.Notifications``)
with one action; its ``ActionInvoked`` signal asks the window to open gym mode on the light
session. Where there is no bus or no service, nothing is shown and the reason is logged once:
the Plan screen and the phone's calendar alarm still say it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QObject, QTimer, Signal, Slot

if TYPE_CHECKING:  # QtDBus loads with the first reminder: start-up only starts the poll
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)

SERVICE = INTERFACE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
START_ACTION = "start-light"
START_LABEL = "Start light session"
POLL_MS = 30_000  # a minute's precision is plenty for "later that day"


class LightNotifier(QObject):
    """Polls for a due light session and notifies once per reminder; emits `start_requested`
    when the runner clicks the notification's button."""

    start_requested = Signal()

    def __init__(
        self,
        *,
        due: Callable[[], datetime | None],
        now: Callable[[], datetime],
        bus: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`due` gives the time to remind at (None: nothing to remind); `bus` is the session
        bus unless another is given (a sandbox's, a private one)."""
        super().__init__(parent)
        self._due, self._now, self.bus = due, now, bus
        self._sent: set[datetime] = set()
        self._ids: set[int] = set()
        self._listening: set[str] = set()
        self.unavailable_reason: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> bool:
        """Notify if a reminder is due and not yet sent; True when one was sent."""
        at = self._due()
        if at is None or self._now() < at or at in self._sent:
            return False
        self._sent.add(at)  # once, even where it cannot be shown: no retry every 30 s
        return self._notify(at)

    def _notify(self, at: datetime) -> bool:
        from PySide6.QtCore import Qt  # built when first needed: see pyside_compat
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = self.bus if self.bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            return self._unavailable(f"no D-Bus session bus ({bus.lastError().message()})")
        if bus.name() not in self._listening:
            bus.connect(
                SERVICE, PATH, INTERFACE, "ActionInvoked", self, SLOT("_on_action(uint,QString)")
            )
            self._listening.add(bus.name())
        interface = QDBusInterface(SERVICE, PATH, INTERFACE, bus)
        if not interface.isValid():
            return self._unavailable(interface.lastError().message() or "no notification service")
        # The specification's types (a uint id, a string list, a{sv}) need typed arguments:
        # a plain Python int would be sent as int32 and match no method.
        number = QMetaObject.invokeMethod(
            interface,
            "Notify",
            Qt.ConnectionType.DirectConnection,
            Q_RETURN_ARG("uint"),
            Q_ARG("QString", "Cramproof"),
            Q_ARG("uint", 0),
            Q_ARG("QString", "cramproof"),
            Q_ARG("QString", "Light session"),
            Q_ARG(
                "QString",
                f"Light session at {at.astimezone():%H:%M}: the second half of today's double day.",
            ),
            Q_ARG("QStringList", [START_ACTION, START_LABEL]),
            Q_ARG("QVariantMap", {}),
            Q_ARG("int", -1),
        )
        if interface.lastError().isValid() or number is None:
            return self._unavailable(interface.lastError().message() or "Notify failed")
        self._ids.add(int(number))
        log.info("Light session reminder shown (%s)", number)
        return True

    @Slot("uint", str)
    def _on_action(self, number: int, key: str) -> None:
        if number in self._ids and key == START_ACTION:
            log.info("Light session started from its reminder")
            self.start_requested.emit()

    def _unavailable(self, reason: str) -> bool:
        if self.unavailable_reason is None:
            log.warning("No desktop reminder of the light session: %s", reason)
        self.unavailable_reason = reason
        return False
