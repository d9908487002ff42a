"""What the window remembers between runs: size and place, the last screen, the gym theme.

Kept in an INI file in the data folder, beside the log, so a USB stick or a per-runner folder on
a shared laptop brings its own window set-up along.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow


class WindowState:
    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def restore_geometry(self, window: QMainWindow) -> bool:
        geometry = self._settings.value("window/geometry")
        return isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)

    def save(self, window: QMainWindow, *, view: str | None) -> None:
        self._settings.setValue("window/geometry", window.saveGeometry())
        if view:
            self._settings.setValue("window/last_view", view)
        self._settings.sync()

    @property
    def last_view(self) -> str | None:
        value = self._settings.value("window/last_view")
        return value if isinstance(value, str) else None

    @property
    def high_contrast(self) -> bool:
        return self._settings.value("theme/high_contrast", "false") in (True, "true")

    def set_high_contrast(self, on: bool) -> None:
        self._settings.setValue("theme/high_contrast", "true" if on else "false")
        self._settings.sync()
