"""A chart's legend as one painted item under the plot: what each colour, line and mark means.

pyqtgraph's LegendItem adds a sample item and an HTML label item per entry, seventeen of them
on the Progress screen, each laid out and painted on its own. This one paints its entries in
rows of `columns`, and sits in the chart's own layout so that PNG exports include it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsWidget, QSizePolicy

from desktop.ui.common.pyqtgraph_compat import symbol_path

ROW_HEIGHT = 22.0
SAMPLE_WIDTH = 26.0
PADDING = 6.0
V_PADDING = 2.0  # above and below the rows: the rows' own height spaces them from the plot


@dataclass(frozen=True)
class Swatch:
    """One entry: a bar (`box`, outlined in `colour`, filled with `fill`), a `line` in
    `colour` (with the series' `symbol` on it), or a `symbol` alone."""

    name: str
    kind: Literal["box", "line", "symbol"]
    colour: str
    fill: str | None = None
    style: Qt.PenStyle = Qt.PenStyle.SolidLine
    width: float = 1.5
    symbol: str | None = None
    size: float = 7.0
    symbol_edge: str | None = None


class Legend(QGraphicsWidget):
    """Entries row by row, up to `columns` to a row (fewer when the chart is too narrow for
    them side by side), spread over the chart's width."""

    def __init__(self, *, columns: int) -> None:
        super().__init__()
        self._columns = columns
        self._entries: tuple[Swatch, ...] = ()
        self._widest = 0.0
        self._text = QColor("black")
        self._font = QFont()
        self._font.setPointSizeF(9.0)
        self._metrics = QFontMetricsF(self._font)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(entry.name for entry in self._entries)

    def set_entries(self, entries: Sequence[Swatch], *, text: str) -> None:
        self._entries = tuple(entries)
        self._text = QColor(text)
        names = [self._metrics.horizontalAdvance(entry.name) for entry in self._entries]
        self._widest = SAMPLE_WIDTH + 3 * PADDING + max(names, default=0.0)
        self.updateGeometry()
        self.update()

    def columns_at(self, width: float) -> int:
        """As many columns as fit side by side in `width`, up to the chart's number."""
        fitting = int((width - 2 * PADDING) // self._widest) if self._widest else self._columns
        return max(1, min(self._columns, fitting))

    def height_at(self, width: float) -> float:
        rows = math.ceil(len(self._entries) / self.columns_at(width))
        return rows * ROW_HEIGHT + (2 * V_PADDING if rows else 0)

    def sizeHint(self, which: Qt.SizeHint, constraint: QSizeF | None = None) -> QSizeF:
        width = constraint.width() if constraint is not None and constraint.width() > 0 else 0
        height = self.height_at(width or 1e4)  # without a width, one row: see Heading.sizeHint
        if which == Qt.SizeHint.MinimumSize:
            return QSizeF(0, height)
        if which == Qt.SizeHint.MaximumSize:
            return QSizeF(1e6, height)
        return QSizeF(width or 400, height)

    def paint(self, painter: QPainter, *_: object) -> None:
        area = self.rect()
        columns = self.columns_at(area.width())
        column_width = (area.width() - 2 * PADDING) / columns
        painter.setFont(self._font)
        for index, entry in enumerate(self._entries):
            row, column = divmod(index, columns)
            left = area.left() + PADDING + column * column_width + PADDING
            middle = area.top() + V_PADDING + row * ROW_HEIGHT + ROW_HEIGHT / 2
            self._sample(painter, entry, left, middle)
            painter.setPen(self._text)
            baseline = middle + (self._metrics.ascent() - self._metrics.descent()) / 2
            painter.drawText(QPointF(left + SAMPLE_WIDTH + PADDING, baseline), entry.name)

    def _sample(self, painter: QPainter, entry: Swatch, left: float, middle: float) -> None:
        pen = QPen(QColor(entry.colour), entry.width, entry.style)
        pen.setCosmetic(True)
        centre = QPointF(left + SAMPLE_WIDTH / 2, middle)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if entry.kind == "box":
            painter.setPen(pen)
            painter.setBrush(QBrush(QColor(entry.fill)) if entry.fill else Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(centre.x() - 8, middle - 8, 16, 16))
        elif entry.kind == "line":
            painter.setPen(pen)
            painter.drawLine(QLineF(left, middle, left + SAMPLE_WIDTH, middle))
        if entry.symbol:
            if entry.symbol_edge:
                edge = QPen(QColor(entry.symbol_edge), 1)
                edge.setCosmetic(True)
                painter.setPen(edge)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(entry.fill or entry.colour)))
            painter.translate(centre)
            painter.scale(entry.size, entry.size)
            painter.drawPath(symbol_path(entry.symbol))
        painter.restore()
