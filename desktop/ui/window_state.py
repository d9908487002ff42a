"""What the window remembers between runs: size and place, last screen, gym theme, sound.

Kept in an INI file in the data folder, beside the log, so a USB stick or a per-runner folder on
a shared laptop brings its own window set-up along.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtWidgets import QMainWindow

FIRST_SIZE = QSize(1200, 760)


class WindowState:
    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

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
            self._settings.setValue("window/last_view", view)
        self._settings.sync()

    @property
    def last_view(self) -> str | None:
        value = self._settings.value("window/last_view")
        return value if isinstance(value, str) else None

    @property
    def high_contrast(self) -> bool:
        return self._settings.value("theme/high_contrast", "false") in (True, "true")

    @property
    def sound(self) -> tuple[float, bool, str | None]:
        """Cue volume (0..1), muted, and the chosen output device (None: the system default)."""
        try:
            volume = float(self._settings.value("sound/volume", 1.0))
        except (TypeError, ValueError):
            volume = 1.0
        muted = self._settings.value("sound/muted", "false") in (True, "true")
        device = self._settings.value("sound/device")
        return min(max(volume, 0.0), 1.0), muted, device if isinstance(device, str) else None

    def set_sound(self, *, volume: float, muted: bool, device: str | None) -> None:
        self._settings.setValue("sound/volume", volume)
        self._settings.setValue("sound/muted", "true" if muted else "false")
        self._settings.setValue("sound/device", device or "")
        self._settings.sync()

    def set_high_contrast(self, on: bool) -> None:
        self._settings.setValue("theme/high_contrast", "true" if on else "false")
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
