"""A stand-in org.freedesktop.ScreenSaver for the screen-awake tests, on a private session bus.

Run as `python -m tests.screensaver_service` with DBUS_SESSION_BUS_ADDRESS set; it prints
`ready`, then one line per call (`inhibit APP REASON -> COOKIE`, `uninhibit COOKIE`), and quits
after `--seconds`.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QTimer, Slot
from PySide6.QtDBus import QDBusConnection

FIRST_COOKIE = 4242


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class FakeScreenSaver(QObject):
    """Slots named as the D-Bus methods they export."""

    def __init__(self) -> None:
        super().__init__()
        self._next = FIRST_COOKIE

    @Slot(str, str, result="uint")
    def Inhibit(self, app: str, reason: str) -> int:
        cookie, self._next = self._next, self._next + 1
        print(f"inhibit {app} {reason!r} -> {cookie}", flush=True)
        return cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:
        print(f"uninhibit {cookie}", flush=True)


def main(seconds: float) -> int:
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    service = FakeScreenSaver()
    registered = bus.registerService("org.freedesktop.ScreenSaver") and bus.registerObject(
        "/org/freedesktop/ScreenSaver", service, QDBusConnection.RegisterOption.ExportAllSlots
    )
    if not registered:
        print(f"failed {bus.lastError().message()}", flush=True)
        return 1
    print("ready", flush=True)
    QTimer.singleShot(int(seconds * 1000), app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 60.0))
