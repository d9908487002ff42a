"""The first-time load question, on the gym screen's own page: big enough to answer from the bar.

It shows the session's `StartLoadQuestion` (gym/underway/first_load.py) and passes on what is
typed; the session checks it on Enter and its message shows under the field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.gym.underway.session import WorkoutSession
from desktop.ui.gym.panels.log_panel import FIELD_STYLE
from desktop.ui.gym.style import MESSAGE_FG, NORMAL, TEXT, Look, scale_freely, set_pixel_font

KEYS = "Enter: use it  ·  Esc: I'll set it on the form"


class LoadField(QLineEdit):
    """Its whole text is selected whenever it gets the focus, so digits typed replace the
    default however the focus came (gym mode's opening focuses the screen after drawing it)."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()


class StartLoadPanel(QFrame):
    """The lift, the question, one load field with its units, a hint and the keys."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startLoadPanel")
        self.apply_look(NORMAL)
        self.name, self.question, self.units = QLabel(), QLabel(), QLabel()
        self.hint, self.keys, self.message = QLabel(), QLabel(KEYS), QLabel()
        self.hint.setObjectName("hint")
        self.message.setObjectName("message")
        self.field = LoadField()
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setMaxLength(12)
        self.field.textEdited.connect(self.edited)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.field, stretch=2)
        row.addWidget(self.units)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 16)
        layout.setSpacing(12)
        layout.addStretch(1)
        for part in (self.name, self.question, row, self.hint, self.keys, self.message):
            if isinstance(part, QLabel):
                part.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                part.setWordWrap(True)
                scale_freely(part)
                layout.addWidget(part)
            else:
                layout.addLayout(part)
        scale_freely(self.field)
        layout.addStretch(1)

    def apply_look(self, look: Look) -> None:
        self.setStyleSheet(
            f"QFrame#startLoadPanel {{ background: {look.background}; }}"
            f"QFrame#startLoadPanel QLabel {{ color: {TEXT}; background: transparent; }}"
            f"QFrame#startLoadPanel QLabel#hint {{ color: {look.muted}; }}"
            f"QFrame#startLoadPanel QLabel#message {{ color: {MESSAGE_FG}; }}"
            # the theme's own, or the default selected is left in the last theme's palette
            f"QLineEdit {{ selection-background-color: {look.primary};"
            f" selection-color: {look.primary_text}; }}" + FIELD_STYLE
        )

    def show_session(self, session: WorkoutSession, *, fresh: bool) -> None:
        """A `fresh` question writes its default into the field, selected so digits replace
        it, and takes the keyboard focus."""
        asked = session.start_load
        self.name.setText(asked.name)
        self.question.setText(asked.question)
        self.hint.setText(asked.hint)
        self.units.setText(session.units)
        if fresh:
            self.field.setText(asked.text)
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            self.field.selectAll()
        self.message.setText(session.message or "")
        self.message.setVisible(bool(session.message))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.height()
        set_pixel_font(self.name, height * 0.11, bold=True)
        set_pixel_font(self.question, height * 0.07, bold=True)
        set_pixel_font(self.field, height * 0.18, bold=True)
        self.field.setFixedHeight(int(height * 0.26))
        set_pixel_font(self.units, height * 0.08)
        for label in (self.hint, self.keys, self.message):
            set_pixel_font(label, height * 0.045, bold=label is self.message)
