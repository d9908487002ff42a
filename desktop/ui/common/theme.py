"""Light and dark follow the system (Qt does that itself); the gym theme is a high-contrast option.

The gym theme is for a laptop 3 m away under bright gym lights: near-black background, white
text, a yellow focus and highlight that reads from across the room.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_system_palette: QPalette | None = None
_system_style: str | None = None
_high_contrast = False

DISABLED_TEXT = "#7a7a7a"

GYM_COLOURS = {
    QPalette.ColorRole.Window: "#0b0b0b",
    QPalette.ColorRole.WindowText: "#ffffff",
    QPalette.ColorRole.Base: "#161616",
    QPalette.ColorRole.AlternateBase: "#222222",
    QPalette.ColorRole.Text: "#ffffff",
    QPalette.ColorRole.Button: "#1c1c1c",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.Highlight: "#ffd400",
    QPalette.ColorRole.HighlightedText: "#000000",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#000000",
    QPalette.ColorRole.Link: "#7cc4ff",
    QPalette.ColorRole.PlaceholderText: "#bbbbbb",
}


def gym_palette() -> QPalette:
    palette = QPalette()
    for role, colour in GYM_COLOURS.items():
        palette.setColor(role, QColor(colour))
    # A disabled button must look disabled from across the room: grey words on the window's own
    # black, no raised face, where an enabled one has white words on a lighter face.
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, QColor(DISABLED_TEXT))
    for role in (QPalette.ColorRole.Button, QPalette.ColorRole.Base):
        palette.setColor(disabled, role, QColor(GYM_COLOURS[QPalette.ColorRole.Window]))
    palette.setColor(disabled, QPalette.ColorRole.Light, QColor("#3a3a3a"))
    return palette


def is_high_contrast() -> bool:
    """Whether the gym theme is on: gym mode restyles itself from it when the palette changes."""
    return _high_contrast


def apply_theme(app: QApplication, *, high_contrast: bool) -> None:
    """Switch between the system's own palette and the gym palette, at any time."""
    global _system_palette, _system_style, _high_contrast
    _high_contrast = high_contrast
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
        _system_style = app.style().name()
    if high_contrast:
        app.setStyle("Fusion")
        app.setPalette(gym_palette())
    else:
        app.setStyle(_system_style or "Fusion")
        app.setPalette(_system_palette)
