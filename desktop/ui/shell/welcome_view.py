"""The first screen of a new training log: what Cramproof does and one button to begin."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.common.colours import ACCENT_BLUE, FOCUS_RING
from desktop.ui.common.pyside_compat import ALIGN_H_CENTER, align

WELCOME_TEXT = (
    "Late-race cramps are mostly fatigue: when hips, glutes and core tire, smaller muscles take "
    "over and seize. Cramproof builds strength that holds when you are already tired.\n\n"
    "Lift heavy right after your long run (4–5 reps, full 3–5 minute rests), then lightly later "
    "that day. Once a week from 14–16 weeks out, twice a week once the first weeks go well, "
    "until 3 weeks before race day."
)


class WelcomeView(QWidget):
    """Shown while the log holds no build-up; `setup_requested` starts the setup."""

    setup_requested = Signal()
    session_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Set up your build-up")
        title.setObjectName("welcomeTitle")
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 2.6)
        title_font.setBold(True)
        title.setFont(title_font)
        align(title, ALIGN_H_CENTER)

        body = QLabel(WELCOME_TEXT)
        body.setWordWrap(True)
        body.setFixedWidth(680)
        body_font = QFont(body.font())
        body_font.setPointSizeF(body_font.pointSizeF() * 1.25)
        body.setFont(body_font)
        # An aligned item gets its size hint, not height-for-width: reserve the wrapped height.
        body.setMinimumHeight(body.heightForWidth(body.width()))

        self.setup_button = QPushButton("Set up your build-up…")
        self.setup_button.setDefault(True)
        self.setup_button.setMinimumHeight(56)
        self.setup_button.setFont(body_font)
        self.setup_button.setObjectName("primaryAction")
        self.setup_button.setStyleSheet(
            # The focus ring only changes the border's colour: a border that appeared with focus
            # would not be in the button's size and would cut the label's first letter.
            f"#primaryAction {{ background: {ACCENT_BLUE}; color: white;"
            f" border: 3px solid {ACCENT_BLUE}; border-radius: 8px; padding: 8px 32px; }}"
            f"#primaryAction:focus {{ outline: none; border-color: {FOCUS_RING}; }}"
        )
        self.setup_button.clicked.connect(self.setup_requested)
        self.setFocusProxy(self.setup_button)  # Enter on a new log sets up the build-up

        self.session_button = QPushButton("Just start a session now  (F5)")
        self.session_button.setObjectName("sessionAction")
        self.session_button.setFont(body_font)
        self.session_button.setMinimumHeight(44)
        self.session_button.setAutoDefault(True)  # Enter starts it once Tab has reached it
        self.session_button.setStyleSheet(  # flat, with the same ring as the set-up button
            "#sessionAction { background: transparent; border: 3px solid transparent;"
            " border-radius: 8px; padding: 4px 16px; }"
            f"#sessionAction:focus {{ outline: none; border-color: {FOCUS_RING}; }}"
        )
        self.session_button.clicked.connect(self.session_requested)
        self.light_label = QLabel()
        self.light_label.setObjectName("lightSession")
        light_font = QFont(title_font)
        light_font.setPointSizeF(title_font.pointSizeF() * 0.6)
        self.light_label.setFont(light_font)
        self.light_label.setStyleSheet(f"color: {ACCENT_BLUE};")
        self.light_label.hide()

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        _add_centred(layout, self.light_label)
        layout.addSpacing(24)
        layout.addWidget(title)
        layout.addSpacing(24)
        _add_centred(layout, body)
        layout.addSpacing(32)
        _add_centred(layout, self.setup_button)
        layout.addSpacing(8)
        _add_centred(layout, self.session_button)
        layout.addStretch(3)

    def show_light(self, at: datetime | None) -> None:
        """Today's light session, once a heavy session proposed it: the first thing read."""
        self.light_label.setText(f"Light session at {at.astimezone():%H:%M}" if at else "")
        self.light_label.setVisible(at is not None)


def _add_centred(layout: QBoxLayout, widget: QWidget) -> None:
    """The widget at its own width, centred: a row with room on both sides does what an
    alignment flag would, without building the `Qt` namespace at start-up (see pyside_compat)."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    layout.addLayout(row)
