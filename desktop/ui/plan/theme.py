"""Colours, symbols and font sizes of the planning screens: high contrast, readable from 3 m.

Every status is told by a word or symbol as well as by its colour, so colour-blind runners and
grey-scale screenshots lose nothing.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from desktop.ui.common.colours import ACCENT_BLUE, FOCUS_RING

INK = "#111111"
PAPER = "#ffffff"
ACCENT = ACCENT_BLUE
FOCUS = FOCUS_RING
ERROR_BG = "#fde2e1"
ERROR_INK = "#8a1208"
OK_BG = "#dff3e4"
OK_INK = "#0b4d1f"
NEUTRAL_BG = "#eef1f5"

BODY_PT = 13.0
LARGE_PT = 16.0
TITLE_PT = 22.0

# status -> (background, text colour, symbol, word)
STATUS_STYLE: dict[str, tuple[str, str, str, str]] = {
    "done": ("#bfe6c8", "#08351a", "✓", "done"),
    "partly": ("#ffe19a", "#4a3300", "◐", "partly done"),
    "missed": ("#f7c1bd", "#6b0d05", "✗", "missed"),
    "today": ("#ffd60a", "#000000", "●", "today"),
    "upcoming": ("#ffffff", "#111111", "○", "to do"),
    "conditional": ("#e9e9ee", "#3c3c46", "?", "if the gate opens"),
}
TAPER_BG = "#d5deeb"
TAPER_INK = "#22324a"
CURRENT_WEEK_BG = "#fff6cc"


def colour(name: str) -> QColor:
    return QColor(name)


def sized_font(widget: QWidget, points: float, *, bold: bool = False) -> QFont:
    """The widget's font at an absolute point size, so the screens read the same everywhere."""
    font = QFont(widget.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def message_style(state: str) -> str:
    """Style sheet of an inline message: "error", "ok" or "neutral"."""
    background, ink = {
        "error": (ERROR_BG, ERROR_INK),
        "ok": (OK_BG, OK_INK),
    }.get(state, (NEUTRAL_BG, INK))
    border = ERROR_INK if state == "error" else background
    return (
        f"background: {background}; color: {ink}; border: 2px solid {border};"
        " border-radius: 6px; padding: 8px 10px;"
    )


PRIMARY_BUTTON = (
    f"QPushButton {{ background: {ACCENT}; color: white; border: none; border-radius: 8px;"
    " padding: 10px 28px; }"
    f"QPushButton:focus {{ border: 3px solid {FOCUS}; }}"
    "QPushButton:disabled { background: #9aa6b8; color: #f4f4f4; }"
)
