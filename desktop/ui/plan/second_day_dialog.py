"""The gate opened: offer the second double day after the speed run; the athlete decides."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.domain.buildup.model import WEEKDAY_NAMES
from desktop.plan.planning import SecondDayOffer
from desktop.plan.prescription_text import short_date
from desktop.ui.common.key_choice_dialog import KeyChoiceDialog


class SecondDayDialog(KeyChoiceDialog):
    """Y adds the second double day, N declines it for this week; `second_day_decided(accept)`."""

    second_day_decided = Signal(bool)

    def __init__(self, offer: SecondDayOffer, *, speed_day: int, parent: QWidget | None = None):
        start = f" from {short_date(offer.first_day)}" if offer.first_day else ""
        super().__init__(
            title="A second double day",
            question="Three good weeks: add a second double day?",
            detail=(
                f"Every heavy session done, no pain, normal recovery. You can now lift twice a "
                f"week: heavy right after your speed run on {WEEKDAY_NAMES[speed_day]}s{start}, "
                "light later that day. Only if you feel ready: it is never forced, and it "
                "turns off again by itself if a week goes badly."
            ),
            choices=[("Y", "Yes, add it"), ("N", "Not this week")],
            parent=parent,
        )
        self.offer = offer
        self.choice_made.connect(self._on_choice_made)

    def _on_choice_made(self, index: int) -> None:
        self.second_day_decided.emit(index == 0)
