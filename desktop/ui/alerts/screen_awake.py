"""Keeps the screen from dimming or locking while gym mode is open, and lets go afterwards.

A runner 3 m from the laptop should never come back to a locked screen halfway through a rest.

- Linux (and BSDs): ``org.freedesktop.ScreenSaver.Inhibit`` on the session bus over QtDBus,
  implemented by GNOME, KDE Plasma, Xfce, Cinnamon, MATE and LXQt; ``UnInhibit`` with the
  cookie on release. A Flatpak needs ``--talk-name=org.freedesktop.ScreenSaver``.
- Windows: ``SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED)`` from the GUI
  thread, cleared on release.
- macOS: ``caffeinate -d -w <pid>`` holds a display-sleep assertion until it is stopped (or the
  app exits).

Where none of these works (no session bus, a desktop without the service, a sandbox that blocks
it) nothing is held: gym mode works the same, the screen may dim on the system's schedule, and
the reason is logged once and kept in `unavailable_reason`.
"""

from __future__ import annotations

import ctypes
import logging
import os
import subprocess
import sys

from PySide6.QtCore import Q_ARG, QMetaObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

log = logging.getLogger(__name__)

SERVICE = INTERFACE = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")  # the second: older KDE releases
ES_CONTINUOUS, ES_DISPLAY_REQUIRED = 0x80000000, 0x00000002


class ScreenAwake:
    """`hold()` while gym mode is open, `release()` when it closes; both are safe to repeat."""

    def __init__(
        self,
        *,
        app_name: str = "Cramproof",
        reason: str = "Gym mode: a rest timer is running",
        platform: str = sys.platform,
        bus: QDBusConnection | None = None,
    ) -> None:
        """`bus` is the session bus unless another is given (a sandbox's, a private one)."""
        self._app_name, self._reason, self._platform = app_name, reason, platform
        self._bus = bus
        self._dbus: tuple[QDBusInterface, int] | None = None
        self._caffeinate: subprocess.Popen[bytes] | None = None
        self._windows = False
        self.unavailable_reason: str | None = None

    @property
    def held(self) -> bool:
        return self._dbus is not None or self._caffeinate is not None or self._windows

    def hold(self) -> bool:
        """Ask the system to keep the screen on; False (and a logged reason) if it cannot."""
        if self.held:
            return True
        try:
            if self._platform == "win32":
                self._hold_windows()
            elif self._platform == "darwin":
                self._hold_macos()
            else:
                self._hold_dbus()
        except (OSError, AttributeError, ValueError) as error:
            self._unavailable(f"{type(error).__name__}: {error}")
        if self.held:
            log.info("Screen kept awake for gym mode")
        return self.held

    def release(self) -> None:
        """Let the screen dim again; never raises."""
        if not self.held:
            return
        if self._dbus is not None:
            interface, cookie = self._dbus
            self._dbus = None
            QMetaObject.invokeMethod(
                interface, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
            )
            if interface.lastError().isValid():
                log.warning("UnInhibit failed: %s", interface.lastError().message())
        if self._caffeinate is not None:
            self._caffeinate.terminate()
            self._caffeinate.wait(timeout=5)
            self._caffeinate = None
        if self._windows:
            self._windows = False
            ctypes.windll.kernel32.SetThreadExecutionState(ES_CONTINUOUS)  # type: ignore[attr-defined]
        log.info("Screen may sleep again")

    def _hold_dbus(self) -> None:
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            self._unavailable(f"no D-Bus session bus ({bus.lastError().message()})")
            return
        problem = "no screensaver service"
        for path in PATHS:
            interface = QDBusInterface(SERVICE, path, INTERFACE, bus)
            if not interface.isValid():
                problem = interface.lastError().message() or problem
                continue
            reply = interface.call("Inhibit", self._app_name, self._reason)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self._dbus = (interface, int(reply.arguments()[0]))
                return
            problem = reply.errorMessage() or problem
        self._unavailable(f"{SERVICE} did not answer ({problem})")

    def _hold_windows(self) -> None:
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        if not kernel32.SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED):
            self._unavailable("SetThreadExecutionState refused")
            return
        self._windows = True

    def _hold_macos(self) -> None:
        command = ["caffeinate", "-d", "-w", str(os.getpid())]
        self._caffeinate = subprocess.Popen(command, stdin=subprocess.DEVNULL)

    def _unavailable(self, reason: str) -> None:
        if self.unavailable_reason is None:
            log.warning("The screen may dim during gym mode: %s", reason)
        self.unavailable_reason = reason
