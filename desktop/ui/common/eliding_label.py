"""A one-line label that ends in "…" when its room runs short, instead of being cut mid-word.

Gym mode's heading shares its line with the set count and the sound state; in a narrow window
QLabel cut it in the middle of a word, flush against its neighbour ("tired legs1/9 sets").
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel


class ElidingLabel(QLabel):
    """Shows as much of its text as fits, then "…"; the whole text stays in its tooltip."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        # Any width will do: what does not fit is elided, so the neighbour keeps its room.
        return QSize(0, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as painted at the label's present width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
