"""Gym mode's look: colours that read from across a room, font sizes scaled to the window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from desktop.domain.rest_timer import Phase

# White on each background keeps a contrast of at least 4.5:1 (WCAG AA for any text size).
BACKGROUND = "#12161c"
TEXT = "#ffffff"
MUTED_TEXT = "#c9d1d9"
ACCENT = "#1f5fbf"
PROMPT_BG, PROMPT_FG = "#ffd23f", "#000000"
MESSAGE_FG = "#ff9b8f"
FLASH_BG, FLASH_FG = "#ffffff", "#000000"


@dataclass(frozen=True)
class Colours:
    background: str
    text: str
    bar: str


PHASE_COLOURS = {
    Phase.RESTING: Colours("#12161c", "#ffffff", "#4d8fe8"),
    Phase.READY: Colours("#0b6e30", "#ffffff", "#ffffff"),
    Phase.OVER: Colours("#b3261e", "#ffffff", "#ffffff"),
}
PAUSED = Colours("#3b4a5e", "#ffffff", "#9fb3c8")


def colours_for(phase: Phase, *, paused: bool) -> Colours:
    return PAUSED if paused else PHASE_COLOURS[phase]


def set_pixel_font(widget: QWidget, pixels: float, *, bold: bool = False) -> None:
    """Pixel sizes, not points: what matters is the share of the screen the text takes."""
    font = QFont(widget.font())
    font.setPixelSize(max(8, int(pixels)))
    font.setBold(bold)
    widget.setFont(font)


def scale_freely(*widgets: QWidget) -> None:
    """For text sized from its panel's height: the text must never push the window larger,
    or every resize would grow the font that grows the window."""
    for widget in widgets:
        widget.setMinimumSize(1, 1)


def panel_style(name: str, colours: Colours) -> str:
    """Colour a whole panel (a QFrame with this object name) and every label on it."""
    return (
        f"QFrame#{name} {{ background-color: {colours.background}; }}"
        f"QFrame#{name} QLabel {{ color: {colours.text}; background: transparent; }}"
    )


def button_style(*, primary: bool) -> str:
    fill = ACCENT if primary else "#2b3440"
    return (
        f"QPushButton {{ background: {fill}; color: {TEXT}; border: none; border-radius: 10px;"
        " padding: 8px 18px; }"
        "QPushButton:disabled { background: #1c222a; color: #5d6773; }"
        "QPushButton:pressed { background: #f0b400; color: #000000; }"
    )
