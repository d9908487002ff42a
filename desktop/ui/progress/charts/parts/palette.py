"""Chart colours for light and dark desktops, chosen from the widget's own palette.

Both palettes keep text at a contrast ratio of at least 4.5:1 and marks at least 3:1 against
their background (tests/ui/test_progress_palette.py checks it); the compliance colours are the
ones training platforms use (green, yellow, red, grey) in shades readable on each background.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from desktop.ui.common.colours import ACCENT_BLUE


@dataclass(frozen=True)
class ChartPalette:
    name: str
    background: str
    foreground: str
    muted: str
    grid: str
    green: str
    yellow: str
    red: str
    grey: str
    load: str
    estimate: str
    band: str
    today: str
    phase1: str
    phase2: str
    taper: str
    severity: tuple[str, str, str, str]
    quality: tuple[str, str, str]

    def compliance(self, colour: str) -> str:
        """The fill of an adherence bar for a colour class of `domain.progress.adherence`."""
        return {"green": self.green, "yellow": self.yellow, "red": self.red}.get(colour, self.grey)


LIGHT = ChartPalette(
    name="light",
    background="#ffffff",
    foreground="#1d2430",
    muted="#4f5b6b",
    grid="#d5dbe3",
    green="#1a7f37",
    yellow="#a87900",
    red="#c62828",
    grey="#6b7686",
    load=ACCENT_BLUE,
    estimate="#7b3fb5",
    band="#1a7f37",
    today="#b84a00",
    phase1="#e8f0fb",
    phase2="#eef7ee",
    taper="#f3eefa",
    severity=("#1a7f37", "#a87900", "#c25700", "#c62828"),
    quality=(ACCENT_BLUE, "#7b3fb5", "#1a7f37"),
)
DARK = ChartPalette(
    name="dark",
    background="#1b1f26",
    foreground="#eef1f5",
    muted="#b4bdca",
    grid="#3a414d",
    green="#4cc26e",
    yellow="#f2c230",
    red="#ff6b66",
    grey="#7d8796",
    load="#6fa8ff",
    estimate="#c59bff",
    band="#4cc26e",
    today="#ff9f43",
    phase1="#223049",
    phase2="#1f3326",
    taper="#2e2640",
    severity=("#4cc26e", "#f2c230", "#ff9f43", "#ff6b66"),
    quality=("#6fa8ff", "#c59bff", "#4cc26e"),
)


def palette_for(qt_palette: QPalette) -> ChartPalette:
    """Dark charts on a dark desktop theme, light ones otherwise."""
    window = qt_palette.color(QPalette.ColorRole.Window)
    return DARK if window.lightnessF() < 0.5 else LIGHT


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(name: str) -> float:
        colour = QColor(name)
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        red, green, blue = channels
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
