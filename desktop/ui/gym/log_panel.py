"""Logging a set: reps (or seconds held) and load, prefilled as planned, and the form flag.

The fields only collect text; the session checks it on Enter and the view shows its message
right under them. Typing a digit replaces the prefilled reps, so "4, Enter" logs four reps.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.gym.workout import shown_name
from desktop.domain.gym.workout_input import InputError, parse_load
from desktop.domain.gym.workout_text import set_title, target_text
from desktop.gym.underway.session import WorkoutSession
from desktop.ui.gym.set_panel import plates_for
from desktop.ui.gym.style import (
    MESSAGE_FG,
    NORMAL,
    TEXT,
    Look,
    scale_freely,
    set_pixel_font,
)

FIELD_STYLE = (
    "QLineEdit { background: #ffffff; color: #000000; border: 4px solid #5d6773;"
    " border-radius: 10px; padding: 4px 12px; }"
    "QLineEdit:focus { border-color: #ffd23f; }"
)


class LogPanel(QFrame):
    """Emits what the athlete typed; `show_session` writes the session's draft back."""

    reps_edited = Signal(str)
    load_edited = Signal(str)
    form_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logPanel")
        self.apply_look(NORMAL)
        self.title = QLabel()
        self.reps_label, self.load_label = QLabel("Reps"), QLabel("Load")
        self.reps = QLineEdit()
        self.load = QLineEdit()
        self.units = QLabel("kg")
        self.target = QLabel()
        self.target.setObjectName("hint")
        self.plates = QLabel()
        self.plates.setObjectName("plates")
        self.form = QPushButton()
        self.form.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        for field in (self.reps, self.load):
            field.setAlignment(Qt.AlignmentFlag.AlignCenter)
            field.setMaxLength(12)
        scale_freely(self.title, self.reps, self.load, self.units, self.target, self.plates)
        self.reps.textEdited.connect(self.reps_edited)
        self.load.textEdited.connect(self.load_edited)
        self.form.clicked.connect(self.form_clicked)

        grid = QGridLayout()
        grid.addWidget(self.reps_label, 0, 0, Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.load_label, 0, 1, 1, 2, Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.reps, 1, 0)
        grid.addWidget(self.load, 1, 1)
        grid.addWidget(self.units, 1, 2)
        grid.addWidget(self.target, 2, 0, Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.plates, 2, 1, 1, 2, Qt.AlignmentFlag.AlignHCenter)
        grid.setHorizontalSpacing(32)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 16)
        layout.addWidget(self.title, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addWidget(self.form, alignment=Qt.AlignmentFlag.AlignHCenter)
        # The full width, so a long message wraps into lines the layout makes room for.
        layout.addWidget(self.message)
        layout.addStretch(1)

    def apply_look(self, look: Look) -> None:
        self.setStyleSheet(
            f"QFrame#logPanel {{ background: {look.background}; }}"
            f"QFrame#logPanel QLabel {{ color: {TEXT}; background: transparent; }}"
            f"QLabel#hint, QLabel#plates {{ color: {look.muted}; }}"
            f"QFrame#logPanel QLabel#message {{ color: {MESSAGE_FG}; }}" + FIELD_STYLE
        )

    def show_session(self, session: WorkoutSession, *, fresh: bool) -> None:
        """Write the draft into the fields; a `fresh` prompt selects the reps for overtyping."""
        upcoming, draft = session.next, session.draft
        if upcoming is None or draft is None:
            return
        name = shown_name(session.plan.kind, upcoming.key)
        self.title.setText(
            set_title(name, warmup=upcoming.warmup, number=upcoming.number, of=upcoming.of)
        )
        self.reps_label.setText("Seconds held" if upcoming.hold else "Reps")
        self.target.setText(f"target {target_text(upcoming.target, hold=upcoming.hold)}")
        self.units.setText(session.units)
        for field, text in ((self.reps, draft.reps), (self.load, draft.load)):
            if field.text() != text:
                field.setText(text)
        if fresh:
            self.reps.setFocus(Qt.FocusReason.OtherFocusReason)
            self.reps.selectAll()
        self.form.setText("Form held  (Ctrl+F)" if draft.form_held else "Form broke  (Ctrl+F)")
        self.form.setStyleSheet(
            "QPushButton { border: none; border-radius: 10px; padding: 8px 24px; color: #000000;"
            f" background: {'#7ee2a8' if draft.form_held else '#ffb4a9'}; }}"
        )
        try:
            load_kg = parse_load(draft.load, session.units)
        except InputError:
            load_kg = 0.0
        self.plates.setText(plates_for(session, load_kg, upcoming.key))
        self.message.setText(session.message or "")
        self.message.setVisible(bool(session.message))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.height()
        set_pixel_font(self.title, height * 0.08, bold=True)
        for label in (self.reps_label, self.load_label, self.target, self.plates):
            set_pixel_font(label, height * 0.05)
        for field in (self.reps, self.load):
            set_pixel_font(field, height * 0.2, bold=True)
            field.setFixedHeight(int(height * 0.3))
        set_pixel_font(self.units, height * 0.08)
        set_pixel_font(self.form, height * 0.06, bold=True)
        set_pixel_font(self.message, height * 0.05, bold=True)
