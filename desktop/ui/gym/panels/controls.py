"""Big buttons that do what the keys do, the prompt strip, and the small key hints.

Buttons never take focus: Space must always reach the gym screen, never "click" the last
button touched.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.gym.workout import Stage
from desktop.domain.rest.rest_timer import format_seconds
from desktop.gym.underway.session import Prompt, WorkoutSession
from desktop.ui.gym.keys import Offer, hints_for
from desktop.ui.gym.style import (
    NORMAL,
    PROMPT_BG,
    PROMPT_FG,
    Look,
    button_style,
    set_pixel_font,
)

PRIMARY_LABELS = {
    Stage.READY: "Start set  (Space)",
    Stage.LIFTING: "Set done  (Space)",
    Stage.LOGGING: "Save  (Enter)",
    Stage.RESTING: "Start next set  (Space)",
    Stage.SUMMARY: "Finish  (Enter)",
}
CORRECT_LOAD_LABEL = "Correct the load  (Enter)"
START_LOAD_LABEL = "Use this load  (Enter)"  # Space does nothing while the load is asked
SECONDARY = (
    ("pause", "Pause  (P)", (Stage.RESTING,)),
    ("extend", "+30 s  (+)", (Stage.RESTING,)),
    ("extra", "Extra set  (X)", (Stage.READY, Stage.LIFTING, Stage.RESTING, Stage.SUMMARY)),
    ("skip", "Skip exercise  (S)", (Stage.READY, Stage.RESTING)),
    ("swap", "Swap  (V)", (Stage.READY, Stage.RESTING)),
    ("skip_warmups", "Skip warm-ups  (W)", (Stage.READY, Stage.RESTING)),
    ("end", "End session  (E)", (Stage.READY, Stage.LIFTING, Stage.LOGGING, Stage.RESTING)),
)
# The buttons shown only when the screen makes their offer, as their keys' hints are.
BUTTON_OFFERS = {"swap": Offer.SWAP, "skip_warmups": Offer.WARMUPS, "extra": Offer.EXTRA}

# Buttons a row under the primary button when the window is too narrow for one row.
STACKED_COLUMNS = 3
PRIMARY_HEIGHT, PRIMARY_HEIGHT_STACKED = 100, 60


def prompt_text(session: WorkoutSession) -> str:
    prompt, upcoming = session.prompt, session.next
    if prompt is Prompt.EARLY and session.rest is not None:
        left = session.rest.window.ready_s - session.rest.elapsed(session.clock.now())
        return (
            f"Full rest matters for heavy sets: {format_seconds(int(left + 0.999))} to ready.  "
            "Space again: start now  ·  Esc: keep resting"
        )
    if prompt is Prompt.END:
        return "End the session now? Every saved set is kept.  Enter: end  ·  Esc: keep going"
    if prompt is Prompt.SWAP and upcoming is not None:
        choices = "  ".join(
            f"{number}: {choice.name}"
            for number, choice in enumerate(session.book.swap_choices(), start=1)
        )
        return f"Swap to  {choices}  ·  Esc: keep"
    if prompt is Prompt.UNUSUAL_LOAD:
        return f"{session.load_question}  Y: yes, save it  ·  Enter or Esc: correct the load"
    if prompt is Prompt.LEAVE and not session.book.logged:  # it is dropped on leaving
        return "Leave this session? Nothing was logged.  Enter: leave  ·  Esc: stay"
    if prompt is Prompt.LEAVE:
        return (
            "Leave gym mode? Saved sets are kept and the session can be resumed.  "
            "Enter: leave  ·  Esc: stay"
        )
    return ""


class Controls(QWidget):
    """The prompt strip, the buttons and the key hints; `action_requested(name)`.

    The secondary buttons are slots filled in order with the actions of the moment, so the
    ones on screen stay packed next to the primary button without re-laying anything out.
    """

    action_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gymControls")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet(
            f"background: {PROMPT_BG}; color: {PROMPT_FG}; padding: 10px; border-radius: 8px;"
        )
        set_pixel_font(self.prompt, 26, bold=True)
        self.primary = self._button(primary=True)
        self.primary.clicked.connect(lambda: self.action_requested.emit("button_primary"))
        self._slots = [self._button() for _ in SECONDARY]
        for slot in self._slots:
            slot.clicked.connect(self._on_slot_clicked)
        self.buttons: dict[str, QPushButton] = {}
        self.hints = QLabel()
        self.hints.setWordWrap(True)
        set_pixel_font(self.hints, 15)
        set_pixel_font(self.primary, 28, bold=True)
        # Wide enough for its longest label at this size, so no window width clips it.
        metrics = self.primary.fontMetrics()
        labels = (*PRIMARY_LABELS.values(), CORRECT_LOAD_LABEL)
        widest = max(metrics.horizontalAdvance(label) for label in labels)
        self.primary.setMinimumSize(max(340, widest + 56), PRIMARY_HEIGHT)
        self._grid = QGridLayout()
        self._grid.setSpacing(6)
        self._stacked: bool | None = None
        self._arrange(stacked=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.setSpacing(6)
        layout.addWidget(self.prompt)
        layout.addLayout(self._grid)
        layout.addWidget(self.hints)
        self.apply_look(NORMAL)

    def apply_look(self, look: Look) -> None:
        self.setStyleSheet(f"QWidget#gymControls {{ background: {look.background}; }}")
        self.hints.setStyleSheet(f"color: {look.muted};")
        self.primary.setStyleSheet(button_style(primary=True, look=look))
        for slot in self._slots:
            slot.setStyleSheet(button_style(primary=False, look=look))

    def show_session(
        self, session: WorkoutSession, *, summary_offers: frozenset[Offer] = frozenset()
    ) -> None:
        """The prompt, buttons and key line for the session as it stands; the summary's own
        offers (a light-session time to move, the cramp report) come from the summary panel."""
        stage, changes = session.stage, session.changes
        offers = {
            Offer.SWAP: changes.can_swap,
            Offer.WARMUPS: changes.can_skip_warmups,
            Offer.EXTRA: changes.can_add_extra_set,
        }
        offered = summary_offers | {offer for offer, made in offers.items() if made}
        text = prompt_text(session)
        self.prompt.setText(text)
        self.prompt.setVisible(bool(text))
        asked = session.prompt is Prompt.UNUSUAL_LOAD  # then Enter corrects, it does not save
        label = START_LOAD_LABEL if session.prompt is Prompt.START_LOAD else PRIMARY_LABELS[stage]
        self.primary.setText(CORRECT_LOAD_LABEL if asked else label)
        self.primary.setEnabled(not session.finished)
        choices = len(session.book.swap_choices()) if session.prompt is Prompt.SWAP else 0
        self.hints.setText(
            hints_for(
                stage, session.prompt, offered=offered, finished=session.finished, choices=choices
            )
        )
        paused = session.rest is not None and session.rest.is_paused
        labels = {"pause": "Resume  (P)" if paused else "Pause  (P)"}
        if stage is Stage.LOGGING:  # E types into the focused field there: the button only
            labels["end"] = "End session"
        shown = [
            (name, labels.get(name, label))
            for name, label, stages in SECONDARY
            if stage in stages
            and not session.finished
            and (name not in BUTTON_OFFERS or BUTTON_OFFERS[name] in offered)
        ]
        self.buttons = {}
        for slot, entry in zip(self._slots, [*shown, *[None] * len(self._slots)], strict=False):
            slot.setVisible(entry is not None)
            if entry is not None:
                slot.setText(entry[1])
                slot.setProperty("action", entry[0])
                self.buttons[entry[0]] = slot
        self._arrange(stacked=self.width() < self._side_by_side_width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(stacked=event.size().width() < self._side_by_side_width())

    def _side_by_side_width(self) -> int:
        """The width the primary button and the shown buttons need in one row: two buttons a
        column beside the primary one, the widest of each pair setting its column."""
        shown = [slot for slot in self._slots if not slot.isHidden()]
        columns = [shown[i : i + 2] for i in range(0, len(shown), 2)]
        spacing = self._grid.spacing()
        needed = self.primary.minimumWidth()
        for pair in columns:
            needed += spacing + max(slot.minimumSizeHint().width() for slot in pair)
        margins = self.layout().contentsMargins() if self.layout() else None
        return needed + (margins.left() + margins.right() if margins else 0)

    def _arrange(self, *, stacked: bool) -> None:
        """Side by side where the row fits; else the primary button across the top and the
        others three to a row below it. At the window's narrowest (800 px) a rest's six buttons
        beside the primary one need about 1,000 px, and Qt would lay them over "Start next set"."""
        if stacked == self._stacked:
            return
        self._stacked = stacked
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        # Stacked, the primary button is as wide as the window: it can give up height to the
        # two rows under it and leave the timer its room.
        self.primary.setMinimumHeight(PRIMARY_HEIGHT_STACKED if stacked else PRIMARY_HEIGHT)
        if stacked:
            self._grid.addWidget(self.primary, 0, 0, 1, STACKED_COLUMNS)
            for index, slot in enumerate(self._slots):
                self._grid.addWidget(slot, 1 + index // STACKED_COLUMNS, index % STACKED_COLUMNS)
            for column in range(STACKED_COLUMNS):
                self._grid.setColumnStretch(column, 1)
        else:
            self._grid.addWidget(self.primary, 0, 0, 2, 1)
            self._grid.setColumnStretch(0, 2)
            for index, slot in enumerate(self._slots):
                self._grid.addWidget(slot, index % 2, 1 + index // 2)
                self._grid.setColumnStretch(1 + index // 2, 1)

    def _button(self, *, primary: bool = False) -> QPushButton:
        button = QPushButton()
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setStyleSheet(button_style(primary=primary))
        button.setMinimumHeight(47)
        set_pixel_font(button, 17, bold=True)
        return button

    @Slot()
    def _on_slot_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton) and button.property("action"):
            self.action_requested.emit(str(button.property("action")))
