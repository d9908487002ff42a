"""The window and taskbar icon, from the pre-rendered PNGs (no SVG renderer at start-up)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop import APP_ID
from desktop.runtime.resources import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """Every size the desktop may ask for; the theme's installed icon wins where there is one."""
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")
        if png.is_file():
            icon.addFile(str(png))
    return QIcon.fromTheme(APP_ID, icon)
