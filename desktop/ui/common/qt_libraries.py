"""The system libraries PySide6's wheels load but do not ship, and the Debian packages that do.

A machine without them gets an ImportError (QtCore wants GLib) or Qt's abort "could not load the
Qt platform plugin xcb", neither of which says what to install. Here a missing library becomes one
line naming the packages, and exit status 1. Nothing is probed on a normal start: the libraries
are looked for only after Qt has failed, and Qt itself is imported only by `start_application`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

# QtCore, QtGui and QtWidgets with any platform plugin (offscreen included).
QT_LIBRARIES: Mapping[str, str] = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}

# The xcb platform plugin, which opens the window on an X11 desktop (and under XWayland).
XCB_LIBRARIES: Mapping[str, str] = {
    **QT_LIBRARIES,
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def missing_packages(libraries: Mapping[str, str]) -> list[str]:
    """The packages, in table order and each once, whose library the dynamic loader cannot find.

    Only Linux wheels rely on these; elsewhere nothing is reported missing.
    """
    if not sys.platform.startswith("linux"):
        return []
    import ctypes  # only once Qt has failed: the normal start never needs it

    missing: list[str] = []
    for soname, package in libraries.items():
        if package in missing:
            continue
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def install_hint(packages: list[str]) -> str:
    """One line for a person: what Qt lacks here and the command that adds it."""
    return (
        "Cramproof cannot open its window: Qt needs system libraries that are missing. "
        f"Install them with: sudo apt install {' '.join(packages)}"
    )


def report_unloadable_qt(error: ImportError) -> int:
    """PySide6 would not import: name the missing packages (or Qt's reason) on one line; exit 1."""
    packages = missing_packages(QT_LIBRARIES)
    line = (
        install_hint(packages) if packages else f"Cramproof cannot start: Qt did not load ({error})"
    )
    sys.stderr.write(line + "\n")
    return 1


def platform_failure_line() -> str:
    """Why no window could open, for a platform plugin that failed to start."""
    packages = missing_packages(XCB_LIBRARIES)
    if packages:
        return install_hint(packages)
    shown = ", ".join(
        f"{name}={os.environ.get(name) or '(unset)'}" for name in ("DISPLAY", "WAYLAND_DISPLAY")
    )
    return f"Cramproof cannot open its window: Qt found no display it could use ({shown})"


def start_application(argv: list[str], *, failure_line: str | None = None) -> QApplication:
    """The QApplication; if Qt's platform plugin cannot start, one line and exit 1, not an abort
    (`failure_line` when the caller has a better one to give than "no display").

    Qt reports the failure as a fatal message and then aborts the process; the handler, in place
    only while QApplication is being made, writes this line instead and ends the process first.
    The platform's own complaints on the way there are held back, and written in Qt's format
    after all if the start succeeds.
    """
    from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    held: list[str] = []

    def on_message(kind: QtMsgType, context: Any, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            # Qt's own words go to the log file, for whoever helps the runner find out why.
            reason = " | ".join([*held, message])
            logging.getLogger(__name__).error("Qt could not start: %s", reason)
            sys.stderr.write((failure_line or platform_failure_line()) + "\n")
            sys.stderr.flush()
            os._exit(1)
        text = qFormatLogMessage(kind, context, message)
        if str(context.category).startswith("qt.qpa."):
            held.append(text)
        else:
            sys.stderr.write(text + "\n")

    previous = qInstallMessageHandler(on_message)
    try:
        app = QApplication(argv)
    finally:
        qInstallMessageHandler(previous)
    for text in held:
        sys.stderr.write(text + "\n")
    return app
