"""What to lift now: the exercise, the set, reps and load, plates per side; a stopwatch while
the set is under way (the plank's clock)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.domain.gym.workout import NextSet, Stage, shown_name, wants_warmups
from desktop.domain.gym.workout_text import (
    clock_text,
    load_text,
    plate_line,
    set_title,
    target_text,
)
from desktop.gym.underway.session import WorkoutSession
from desktop.ui.gym.style import NORMAL, TEXT, Look, scale_freely, set_pixel_font


def what_to_lift(session: WorkoutSession, upcoming: NextSet) -> str:
    """ "4–5 reps × 100 kg", "10–20 reps", "30–60 s"."""
    target = target_text(upcoming.target, hold=upcoming.hold)
    load_kg = session.book.planned_load_kg(upcoming)
    if load_kg <= 0:
        return target
    return f"{target} × {load_text(load_kg, session.units)} {session.units}"


def next_set_line(session: WorkoutSession) -> str:
    """The line under the rest timer: what comes when the rest is over."""
    upcoming = session.next
    if upcoming is None:
        return "Last set done"
    name = shown_name(session.plan.kind, upcoming.key)
    title = set_title(name, warmup=upcoming.warmup, number=upcoming.number, of=upcoming.of)
    return f"Next: {title} · {what_to_lift(session, upcoming)}"


def plates_for(session: WorkoutSession, load_kg: float, key: str) -> str:
    """The plate line for heavy barbell work; empty for everything else."""
    if not wants_warmups(session.plan.kind, key):
        return ""
    gear = session.book.equipment
    return plate_line(load_kg, units=gear.units, bar=gear.bar, plates=gear.plates) or ""


class SetPanel(QFrame):
    """Ready for a set, or lifting it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setPanel")
        self.apply_look(NORMAL)
        self.name = QLabel()
        self.set_line = QLabel()
        self.target = QLabel()
        self.plates = QLabel()
        self.plates.setObjectName("plates")
        self.stopwatch = QLabel()
        self.cue = QLabel()
        self.cue.setObjectName("cue")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.addStretch(1)
        for label in (self.name, self.set_line, self.target, self.plates, self.stopwatch, self.cue):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setWordWrap(True)
            scale_freely(label)
            layout.addWidget(label)
        layout.addStretch(1)

    def apply_look(self, look: Look) -> None:
        self.setStyleSheet(
            f"QFrame#setPanel {{ background: {look.background}; }}"
            f"QFrame#setPanel QLabel {{ color: {TEXT}; background: transparent; }}"
            f"QLabel#cue, QLabel#plates {{ color: {look.muted}; }}"
        )

    def show_session(self, session: WorkoutSession) -> None:
        upcoming = session.next
        if upcoming is None:
            return
        kind = "Warm-up" if upcoming.warmup else "Set"
        self.name.setText(shown_name(session.plan.kind, upcoming.key))
        self.set_line.setText(f"{kind} {upcoming.number} of {upcoming.of}")
        self.target.setText(what_to_lift(session, upcoming))
        load_kg = session.book.planned_load_kg(upcoming)
        self.plates.setText(plates_for(session, load_kg, upcoming.key))
        self.plates.setVisible(bool(self.plates.text()))
        lifting = session.stage is Stage.LIFTING
        verb = "Holding" if upcoming.hold else "Lifting"
        self.stopwatch.setText(f"{verb} {clock_text(session.lifting_s)}" if lifting else "")
        self.stopwatch.setVisible(lifting)
        self.cue.setText(session.plan.cue)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.height()
        set_pixel_font(self.name, height * 0.13, bold=True)
        set_pixel_font(self.set_line, height * 0.08)
        set_pixel_font(self.target, height * 0.12, bold=True)
        set_pixel_font(self.plates, height * 0.06)
        set_pixel_font(self.stopwatch, height * 0.14, bold=True)
        set_pixel_font(self.cue, height * 0.05)
