"""A stand-in org.freedesktop.Notifications for the light-session reminder tests.

Run as `python -m tests.notification_service SECONDS [--click]` with DBUS_SESSION_BUS_ADDRESS
set; it prints `ready`, then `notify APP SUMMARY BODY ACTIONS -> ID` for each call. With
`--click` it then invokes the notification's first action, as a runner clicking its button
would (`ActionInvoked(ID, KEY)`, printed as `invoked ID KEY`). Quits after SECONDS.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection

FIRST_ID = 7


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class FakeNotifications(QObject):
    """Slots and signals named as the D-Bus methods and signals of the specification."""

    ActionInvoked = Signal("uint", str)

    def __init__(self, *, click: bool) -> None:
        super().__init__()
        self._next, self._click = FIRST_ID, click

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(
        self,
        app: str,
        replaces: int,
        icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict,
        timeout: int,
    ) -> int:
        number, self._next = self._next, self._next + 1
        print(f"notify {app} {summary!r} {body!r} {actions} -> {number}", flush=True)
        if self._click and actions:
            key = actions[0]
            QTimer.singleShot(50, lambda: self._invoke(number, key))
        return number

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return ["actions", "body"]

    def _invoke(self, number: int, key: str) -> None:
        print(f"invoked {number} {key}", flush=True)
        self.ActionInvoked.emit(number, key)


def main(seconds: float, click: bool) -> int:
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    service = FakeNotifications(click=click)
    options = (
        QDBusConnection.RegisterOption.ExportAllSlots
        | QDBusConnection.RegisterOption.ExportAllSignals
    )
    registered = bus.registerService("org.freedesktop.Notifications") and bus.registerObject(
        "/org/freedesktop/Notifications", service, options
    )
    if not registered:
        print(f"failed {bus.lastError().message()}", flush=True)
        return 1
    print("ready", flush=True)
    QTimer.singleShot(int(seconds * 1000), app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 60.0, "--click" in sys.argv))
