"""The weekly check-in the gate needs: pain or injury? recovered by the next run? One key."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.plan.planning import CheckinOutlook, CheckinQuestion
from desktop.plan.prescription_text import short_date
from desktop.ui.common.key_choice_dialog import KeyChoiceDialog

# key, label, (pain, recovered). Pain outranks recovery for the gate, so "3" stores both as bad.
ANSWERS = (
    ("1", "All good: no pain, recovered by my next run", (False, True)),
    ("2", "No pain, but I was not recovered by my next run", (False, False)),
    ("3", "Pain or an injury", (True, False)),
)


class CheckinDialog(KeyChoiceDialog):
    """Asks about the week in `question`; `checkin_answered(pain, recovered)` carries the answer."""

    checkin_answered = Signal(bool, bool)

    def __init__(self, question: CheckinQuestion, parent: QWidget | None = None) -> None:
        super().__init__(
            title="Weekly check-in",
            question=(
                f"{question.athlete}, how was last week "
                f"({short_date(question.week_start)} – {short_date(question.week_end)})?"
            ),
            detail=(
                "The second double day is only offered after three good weeks: every heavy "
                "session done, no pain and normal recovery. Press 1, 2 or 3."
            ),
            choices=[(key, label) for key, label, _answer in ANSWERS],
            parent=parent,
        )
        self.question = question
        self.choice_made.connect(self._on_choice_made)

    def _on_choice_made(self, index: int) -> None:
        pain, recovered = ANSWERS[index][2]
        self.checkin_answered.emit(pain, recovered)


class CheckinNotDueDialog(KeyChoiceDialog):
    """Asked for the check-in when none is due: says when the next one opens and, while this
    week's can still feed the gate, lets the runner answer it now with one key."""

    answer_now = Signal(object)

    def __init__(self, outlook: CheckinOutlook, parent: QWidget | None = None) -> None:
        choices = []
        if outlook.anyway is not None:
            start = short_date(outlook.anyway.week_start)
            choices.append(("1", f"Answer now about this week (from {start})"))
        super().__init__(
            title="Weekly check-in",
            question="No check-in is due now.",
            detail=not_due_text(outlook),
            choices=choices,
            parent=parent,
            esc_text="Esc: close",
        )
        self.outlook = outlook
        self.choice_made.connect(lambda _index: self.answer_now.emit(outlook.anyway))


def not_due_text(outlook: CheckinOutlook) -> str:
    """When the next check-in opens, in the runner's words."""
    if outlook.next_due is None or outlook.next_week is None:
        return (
            "Every check-in the second double day needs is answered or past: "
            "none is left before the taper."
        )
    start, end = outlook.next_week
    return (
        f"The next one is due on {short_date(outlook.next_due)}, about the week "
        f"{short_date(start)} – {short_date(end)}."
    )
