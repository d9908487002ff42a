"""Gym mode's look: colours that read from across a room, font sizes scaled to the window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from desktop.domain.rest.rest_timer import Phase
from desktop.ui.common.colours import ACCENT_BLUE

# White on each background keeps a contrast of at least 4.5:1 (WCAG AA for any text size).
BACKGROUND = "#12161c"
TEXT = "#ffffff"
MUTED_TEXT = "#c9d1d9"
ACCENT = ACCENT_BLUE
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


@dataclass(frozen=True)
class Look:
    """Gym mode's colours in one theme: its own dark look, or the high-contrast gym theme
    (View → High-contrast gym theme): pure black, white words, yellow edges on what acts."""

    background: str
    muted: str
    button: str
    primary: str
    primary_text: str
    edge: str  # the border of buttons: "none", or a width, style and colour
    disabled_bg: str
    disabled_fg: str
    disabled_edge: str
    resting: Colours
    paused: Colours


NORMAL = Look(
    background=BACKGROUND,
    muted=MUTED_TEXT,
    button="#2b3440",
    primary=ACCENT,
    primary_text=TEXT,
    edge="none",
    disabled_bg="#1c222a",
    disabled_fg="#5d6773",
    disabled_edge="none",
    resting=PHASE_COLOURS[Phase.RESTING],
    paused=PAUSED,
)
HIGH_CONTRAST = Look(
    background="#000000",
    muted="#ffffff",
    button="#000000",
    primary="#ffd400",
    primary_text="#000000",
    edge="3px solid #ffd400",
    disabled_bg="#000000",
    disabled_fg="#7a7a7a",
    disabled_edge="2px dashed #7a7a7a",
    resting=Colours("#000000", "#ffffff", "#ffd400"),
    paused=Colours("#303030", "#ffffff", "#ffd400"),
)


def current_look() -> Look:
    """The look of the theme in force (the gym theme is app-wide, like the palette)."""
    from desktop.ui.common.theme import is_high_contrast

    return HIGH_CONTRAST if is_high_contrast() else NORMAL


def colours_for(phase: Phase, *, paused: bool, look: Look = NORMAL) -> Colours:
    if paused:
        return look.paused
    return look.resting if phase is Phase.RESTING else PHASE_COLOURS[phase]


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


def button_style(*, primary: bool, look: Look = NORMAL) -> str:
    fill, text = (look.primary, look.primary_text) if primary else (look.button, TEXT)
    return (
        f"QPushButton {{ background: {fill}; color: {text}; border: {look.edge};"
        " border-radius: 10px; padding: 8px 18px; }"
        f"QPushButton:disabled {{ background: {look.disabled_bg}; color: {look.disabled_fg};"
        f" border: {look.disabled_edge}; }}"
        "QPushButton:pressed { background: #f0b400; color: #000000; }"
    )
