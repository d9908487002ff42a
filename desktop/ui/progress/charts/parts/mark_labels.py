"""A label beside a data marker (the km a cramp began), clear of every marker of its plot.

A label hung at a fixed offset from its marker's centre lay across that marker, or the next
week's, in a chart the height of a laptop's Progress screen. This one is placed as it is
painted, in pixels: on its marker's row, to its right, else to its left, where it touches no
marker and no label placed before it (below or above it would sit on the next row, and read as
that row's); where neither side is clear it is left out (zoomed in it comes back, and the hover
read-out always gives it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter

if TYPE_CHECKING:
    from desktop.ui.progress.charts.parts.layers import Canvas

GAP_PX = 3.0  # between a label and its marker: text touching a symbol reads as one at 3 m
CLEAR_PX = 2.0  # the least room between a label and any other marker or label


class Obstacle(Protocol):
    """Marks a label must keep clear of (the symbols of a series)."""

    def rects(self, canvas: Canvas) -> list[QRectF]: ...


@dataclass(frozen=True)
class MarkLabel:
    """`text` for the marker at (x, y), `size` pixels across (its edge included)."""

    x: float
    y: float
    text: str
    colour: str
    size: float

    def spots(self, canvas: Canvas) -> list[QRectF]:
        """Where the text may go, best first: right of the marker, then left."""
        metrics = canvas.fonts.metrics[False]
        width, height = metrics.horizontalAdvance(self.text), metrics.height()
        x, y = canvas.x(self.x), canvas.y(self.y)
        reach = self.size / 2 + GAP_PX
        return [
            QRectF(x + reach, y - height / 2, width, height),
            QRectF(x - reach - width, y - height / 2, width, height),
        ]

    def place(self, canvas: Canvas, blocked: Sequence[QRectF]) -> QRectF | None:
        """The first spot inside the plot area that keeps clear of `blocked`, if any."""
        for spot in self.spots(canvas):
            room = spot.adjusted(-CLEAR_PX, -CLEAR_PX, CLEAR_PX, CLEAR_PX)
            if canvas.area.contains(spot) and not any(room.intersects(b) for b in blocked):
                return spot
        return None

    def draw_at(self, painter: QPainter, canvas: Canvas, rect: QRectF) -> None:
        painter.setFont(canvas.fonts.regular)
        painter.setPen(QColor(self.colour))
        ascent = canvas.fonts.metrics[False].ascent()
        painter.drawText(QPointF(rect.left(), rect.top() + ascent), self.text)
