"""What the window remembers between runs: size and place, last screen, gym theme, sound.

Kept in an INI file in the data folder, beside the log, so a USB stick or a per-runner folder on
a shared laptop brings its own window set-up along.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtWidgets import QMainWindow

from desktop.runtime.private_files import ensure_private_file
from desktop.runtime.window_settings import (
    DEVICE,
    HIGH_CONTRAST,
    KEYS,
    LAST_VIEW,
    MUTED,
    VOICE,
    VOICE_RATE,
    VOICE_VOLUME,
    VOLUME,
    WindowSettings,
    read_window_settings,
)

log = logging.getLogger(__name__)

FIRST_SIZE = QSize(1200, 760)


class WindowState:
    """Reads go through `read_window_settings`: a hand-edited or damaged value falls back."""

    def __init__(self, path: Path) -> None:
        ensure_private_file(path)  # QSettings would create it with the umask's 0644
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)
        self._reported: set[str] = set()

    def read(self) -> WindowSettings:
        """Every stored setting, checked; each refused value is logged once per run."""
        raw = {key: self._settings.value(key) for key in KEYS if self._settings.contains(key)}
        settings, problems = read_window_settings(raw)
        for problem in problems:
            if problem not in self._reported:
                self._reported.add(problem)
                log.warning("Ignored an unreadable setting: %s", problem)
        return settings

    def restore_geometry(self, window: QMainWindow) -> bool:
        geometry = self._settings.value("window/geometry")
        return isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)

    def place_first_start(self, window: QMainWindow) -> None:
        """No size remembered yet: open at FIRST_SIZE, or smaller to fit the screen's free
        area (a 1024×600 netbook, a panel along an edge), centred on it."""
        screen = window.screen()
        available = screen.availableGeometry() if screen is not None else QRect()
        window.setGeometry(first_geometry(available, window.minimumSize()))

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

    @property
    def voice(self) -> tuple[bool, float, float]:
        """Whether cues are also spoken, the voice's rate (-1..1) and its volume (0..1)."""
        settings = self.read()
        return settings.voice, settings.voice_rate, settings.voice_volume

    def set_voice(self, *, enabled: bool, rate: float, volume: float) -> None:
        self._settings.setValue(VOICE, "true" if enabled else "false")
        self._settings.setValue(VOICE_RATE, rate)
        self._settings.setValue(VOICE_VOLUME, volume)
        self._settings.sync()

    def set_high_contrast(self, on: bool) -> None:
        self._settings.setValue(HIGH_CONTRAST, "true" if on else "false")
        self._settings.sync()


def first_geometry(available: QRect, minimum: QSize) -> QRect:
    """FIRST_SIZE shrunk to fit `available` (leaving room for the window frame; never under
    `minimum`), centred in it. An empty `available` (no screen known) keeps FIRST_SIZE."""
    if available.isEmpty():
        return QRect(0, 0, FIRST_SIZE.width(), FIRST_SIZE.height())
    frame = 40  # title bar and borders the window manager adds around the client area
    width = max(minimum.width(), min(FIRST_SIZE.width(), available.width() - frame // 2))
    height = max(minimum.height(), min(FIRST_SIZE.height(), available.height() - frame))
    placed = QRect(0, 0, width, height)
    placed.moveCenter(available.center())
    return placed
