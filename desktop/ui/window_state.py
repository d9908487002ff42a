"""What the window remembers between runs: size and place, last screen, gym theme, sound.

Kept in an INI file in the data folder, beside the log, so a USB stick or a per-runner folder on
a shared laptop brings its own window set-up along.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from desktop.private_files import ensure_private_file
from desktop.window_settings import (
    DEVICE,
    HIGH_CONTRAST,
    LAST_VIEW,
    MUTED,
    VOLUME,
    WindowSettings,
    read_window_settings,
)

log = logging.getLogger(__name__)


class WindowState:
    """Reads go through `read_window_settings`: a hand-edited or damaged value falls back."""

    def __init__(self, path: Path) -> None:
        ensure_private_file(path)  # QSettings would create it with the umask's 0644
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)
        self._reported: set[str] = set()

    def read(self) -> WindowSettings:
        """Every stored setting, checked; each refused value is logged once per run."""
        keys = (LAST_VIEW, HIGH_CONTRAST, VOLUME, MUTED, DEVICE)
        raw = {key: self._settings.value(key) for key in keys if self._settings.contains(key)}
        settings, problems = read_window_settings(raw)
        for problem in problems:
            if problem not in self._reported:
                self._reported.add(problem)
                log.warning("Ignored an unreadable setting: %s", problem)
        return settings

    def restore_geometry(self, window: QMainWindow) -> bool:
        geometry = self._settings.value("window/geometry")
        return isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)

    def save(self, window: QMainWindow, *, view: str | None) -> None:
        self._settings.setValue("window/geometry", window.saveGeometry())
        if view:
            self._settings.setValue(LAST_VIEW, view)
        self._settings.sync()

    @property
    def last_view(self) -> str | None:
        return self.read().last_view

    @property
    def high_contrast(self) -> bool:
        return self.read().high_contrast

    @property
    def sound(self) -> tuple[float, bool, str | None]:
        """Cue volume (0..1), muted, and the chosen output device (None: the system default)."""
        settings = self.read()
        return settings.volume, settings.muted, settings.device

    def set_sound(self, *, volume: float, muted: bool, device: str | None) -> None:
        self._settings.setValue(VOLUME, volume)
        self._settings.setValue(MUTED, "true" if muted else "false")
        self._settings.setValue(DEVICE, device or "")
        self._settings.sync()

    def set_high_contrast(self, on: bool) -> None:
        self._settings.setValue(HIGH_CONTRAST, "true" if on else "false")
        self._settings.sync()
