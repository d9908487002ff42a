"""The end of a session: sets and reps against the plan, rests, next time's loads, a note and
(after the long run) the cramp report. Enter finishes; Tab reaches the note and the report."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.gym.workout_input import MAX_NOTES
from desktop.domain.gym.workout_summary import ExerciseSummary, WorkoutSummary
from desktop.domain.gym.workout_text import counted, out_of
from desktop.domain.rest.rest_timer import format_seconds
from desktop.gym.closing.cramp_asked import run_reported
from desktop.gym.closing.light_time import LightChoice
from desktop.gym.underway.session import CrampAnswer, WorkoutSession
from desktop.plan.light_session import TOO_LATE_TEXT, light_session_text
from desktop.plan.run_links import session_words
from desktop.ui.common.rich_text import escape
from desktop.ui.gym.cramp_form import CrampForm
from desktop.ui.gym.keys import Offer
from desktop.ui.gym.style import HIGH_CONTRAST, MESSAGE_FG, NORMAL, TEXT, Look, set_pixel_font

NOTE_DRAFT_MS = 400  # the note is kept this long after the last key: a crash loses no more

# Empty ring, ring with a solid dot; empty box, solid box: unmistakable at 3 m in any palette.
HIGH_CONTRAST_MARKS = (
    "QRadioButton::indicator, QCheckBox::indicator { width: 18px; height: 18px;"
    " border: 3px solid #000000; background: #ffffff; }"
    "QRadioButton::indicator { border-radius: 12px; }"
    "QRadioButton::indicator:checked { background: qradialgradient(cx: 0.5, cy: 0.5,"
    " radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 #000000, stop: 0.55 #000000, stop: 0.6 #ffffff,"
    " stop: 1 #ffffff); }"
    "QCheckBox::indicator { border-radius: 3px; }"
    "QCheckBox::indicator:checked { background: #000000; }"
)


class SummaryPanel(QFrame):
    """Renders a WorkoutSummary; the gym screen reads `note_text` and `cramp_answer` on Enter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self.title = QLabel()
        self.totals = QLabel()
        self.table = QLabel()
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.table.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(
            f"A note for this session (optional, up to {MAX_NOTES:,} characters)"
        )
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(110)
        self._session: WorkoutSession | None = None
        self._draft = QTimer(self, singleShot=True, interval=NOTE_DRAFT_MS)
        self._draft.timeout.connect(self._keep_note)
        self.notes.textChanged.connect(self._draft.start)
        self.after_run = QLabel()
        self.after_run.setObjectName("afterRun")
        self.light = QLabel()
        self.light.setObjectName("lightSession")
        self._light_choice: LightChoice | None = None
        self.light_movable = False  # a proposed time is shown: + and - move it
        self.cramps = CrampForm()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)

        content = QWidget()
        content.setObjectName("summaryContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(40, 16, 40, 16)
        # A refusal (a full disk at Finish) goes first: under the note and report it was below
        # the fold at 1366x768, and Enter seemed to do nothing.
        column.addWidget(self.message)
        for widget in (self.title, self.totals, self.after_run, self.table, self.light):
            column.addWidget(widget)
        for widget in (self.notes, self.cramps):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        set_pixel_font(self.title, 40, bold=True)
        for label in (self.totals, self.after_run, self.table, self.light):
            set_pixel_font(label, 22)
        set_pixel_font(self.message, 26, bold=True)
        set_pixel_font(self.notes, 20)
        self.apply_look(NORMAL)

    def apply_look(self, look: Look) -> None:
        """The report's answers show their state by shape as well as colour in the gym theme,
        where the style's own radio and check marks drawn in the dark palette all look alike."""
        marks = HIGH_CONTRAST_MARKS if look is HIGH_CONTRAST else ""
        self.setStyleSheet(
            f"QFrame#summaryPanel {{ background: {look.background}; }}"
            f"QFrame#summaryPanel QLabel {{ color: {TEXT}; }}"
            f"QLabel#message {{ color: {MESSAGE_FG}; border: 3px solid {MESSAGE_FG};"
            " border-radius: 8px; padding: 8px; }"
            "QPlainTextEdit, QLineEdit, QSpinBox { background: #ffffff; color: #000000; }"
            "QGroupBox { background: #e9eef4; border-radius: 8px; margin-top: 32px;"
            " padding: 8px; }"
            "QGroupBox::title { subcontrol-origin: margin; left: 8px; color: #ffffff; }"
            # As specific as the white-label rule above, so the report's labels stay dark.
            "QFrame#summaryPanel QGroupBox QLabel, QRadioButton, QCheckBox { color: #000000; }"
            "QGroupBox, QGroupBox * { font-size: 20px; }" + marks
        )
        self._scroll.setStyleSheet(
            f"QScrollArea, #summaryContent {{ background: {look.background}; }}"
        )

    @property
    def typing_widgets(self) -> tuple[QWidget, ...]:
        """Fields where letters and Enter are text, not gym commands."""
        return (self.notes, self.cramps.distance)

    def offers(self) -> frozenset[Offer]:
        """What the summary as shown gives keys to: a light-session time to move with + and
        −, a cramp report for Tab to reach."""
        made = {Offer.LIGHT: self.light_movable, Offer.CRAMP_REPORT: not self.cramps.isHidden()}
        return frozenset(offer for offer, shown in made.items() if shown)

    def note_text(self) -> str:
        return self.notes.toPlainText()

    def cramp_answer(self) -> CrampAnswer | None:
        return None if self.cramps.isHidden() else self.cramps.answer()

    def show_session(self, session: WorkoutSession) -> None:
        if self._session is not session:  # a resumed session's draft note comes back
            self._session = session
            self.notes.setPlainText(session.book.note)
        summary = session.summary
        kind = session.plan.kind.capitalize()
        self.title.setText(f"{kind} session done" if session.finished else f"{kind} session")
        self.totals.setText(_totals(summary, session))
        self.table.setText(_table(summary.exercises))
        self.cramps.setVisible(
            session.wants_cramp_report and not session.finished and not _answered(session)
        )
        self.notes.setReadOnly(session.finished)
        self.message.setText(session.message or "")
        self.message.setVisible(bool(session.message))
        if session.message:
            self._scroll.verticalScrollBar().setValue(0)  # where the runner looks: the top
        self._show_light(session)
        self._show_run(session)

    def flush_note(self) -> None:
        """Keep a note still waiting for its moment now: gym mode is being left or closed."""
        if self._draft.isActive():
            self._draft.stop()
            self._keep_note()

    def _keep_note(self) -> None:
        """The note typed so far, kept by the session a moment after the last key."""
        if self._session is not None and not self._session.finished:
            self._session.book.keep_note(self.notes.toPlainText())  # a crash keeps the draft

    def _show_run(self, session: WorkoutSession) -> None:
        """How long after the run the heavy session began, when it followed one."""
        book = session.book
        words = ""
        if session.plan.kind == "heavy":
            words = session_words(book.store, book.record.athlete_id, book.record.id)
        self.after_run.setText(words[:1].upper() + words[1:])
        self.after_run.setVisible(bool(words))

    def move_light(self, session: WorkoutSession, steps: int) -> None:
        """+ and -: the light session half an hour later or earlier (heavy sessions only)."""
        choice = None if session.finished else self._choice(session)
        if choice is not None:
            choice.move(steps, session.clock.wall())
            self._show_light(session)

    def keep_light(self, session: WorkoutSession) -> None:
        """Once the heavy session is finished, store the time the runner moved it to."""
        choice = self._choice(session)
        if choice is not None:
            choice.keep(session.clock.wall())

    def _choice(self, session: WorkoutSession) -> LightChoice | None:
        if session.plan.kind != "heavy":
            return None
        if self._light_choice is None:
            book = session.book
            self._light_choice = LightChoice(book.store, book.record.athlete_id)
        return self._light_choice

    def _show_light(self, session: WorkoutSession) -> None:
        choice = None if session.finished else self._choice(session)
        shown = choice.shown(session.clock.wall()) if choice is not None else None
        text = light_session_text(shown)
        self.light_movable = bool(text)
        if text:
            text = f"{text}  (+ later, − earlier)"
        elif choice is not None:  # a heavy session ending too late: say so, do not go silent
            text = TOO_LATE_TEXT
        self.light.setText(text)
        self.light.setVisible(bool(text))


def _answered(session: WorkoutSession) -> bool:
    """The run was reported on already (from the import's offer): not asked again."""
    book = session.book
    today = session.clock.wall().astimezone().date()
    return run_reported(book.store, book.record.athlete_id, book.record.id, today)


def _totals(summary: WorkoutSummary, session: WorkoutSession) -> str:
    window = session.plan.rest
    span = f"{format_seconds(int(window.ready_s))}–{format_seconds(int(window.max_s))}"
    parts = [out_of(summary.work_sets, summary.sets_planned, "work set")]
    if summary.warmups:
        parts.append(counted(summary.warmups, "warm-up set"))
    if summary.rests_timed:
        parts.append(
            f"{out_of(summary.rests_in_window, summary.rests_timed, 'rest')} inside {span}"
        )
    return " · ".join(parts)


def _table(rows: tuple[ExerciseSummary, ...]) -> str:
    lines = []
    for row in rows:
        done = out_of(row.sets_done, row.sets_planned, "set", sep="/")
        if row.skipped:  # skipped by S or left when the session ended early: either way, undone
            left = row.sets_planned - row.sets_done
            done += ", not done" if row.sets_done == 0 else f", {left} not done"
        results = escape(" · ".join(row.results)) or "—"
        advice = (
            # The suggestion's own words say "next time" (`domain.gym.progression`): one source.
            f"<br><span style='color:#9fd3ff'>{escape(row.suggestion.message)}</span>"
            if row.suggestion
            else ""
        )
        lines.append(f"<p><b>{escape(row.name)}</b> — {done}: {results}{advice}</p>")
    return "".join(lines)
