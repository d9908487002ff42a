"""Painted layers of a plot: phases, bands, grid, today, race day and text labels in one item each.

One QGraphicsItem per mark (a LinearRegionItem per phase, an InfiniteLine per rule, a TextItem
per number under a bar) made the Progress screen slow to open; a layer paints a list of plain
marks instead. It lives in the view box (the plot area, in pixels) and maps data to pixels as
it paints, so panning moves the marks and text keeps its size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsObject

# isort: split
import pyqtgraph as pg

RULE_LABEL_AT = 0.07  # rule labels sit this far down from the top of the plot area


@dataclass(frozen=True)
class Shade:
    """A tinted span of x (a phase of the build-up); with `across`, a band of y (the rest
    window) edged in `edge`."""

    low: float
    high: float
    colour: QColor
    across: bool = False
    edge: str | None = None


@dataclass(frozen=True)
class Rule:
    """A vertical line at x (today, race day), its label near the top on one side."""

    x: float
    colour: str
    dashed: bool = False
    label: str = ""
    label_left: bool = False


@dataclass(frozen=True)
class Label:
    """Text at a data point; `anchor` is the point of the text put there ((0, 0) top left)."""

    x: float
    y: float
    text: str
    colour: str
    anchor: tuple[float, float] = (0.5, 0.0)
    bold: bool = False


Mark = Shade | Rule | Label


class Layer(QGraphicsObject):
    """Paints `marks` over (z > 0) or under (z < 0) the data of `view`; under the data, also
    horizontal grid lines at the values `grid()` returns."""

    def __init__(
        self,
        view: pg.ViewBox,
        *,
        z: float,
        grid: Callable[[], Sequence[float]] | None = None,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._grid = grid
        self._grid_colour: QColor | None = None
        self._marks: tuple[Mark, ...] = ()
        bold = QFont()
        bold.setBold(True)
        self._fonts = {False: QFont(), True: bold}
        self._metrics = {key: QFontMetricsF(font) for key, font in self._fonts.items()}
        self.setZValue(z)
        view.sigTransformChanged.connect(self._on_view_transform_changed)
        view.sigResized.connect(self._on_view_resized)

    def set_marks(self, marks: Sequence[Mark], *, grid_colour: str | None = None) -> None:
        self._marks = tuple(marks)
        self._grid_colour = QColor(grid_colour) if grid_colour else None
        self.update()

    @property
    def marks(self) -> tuple[Mark, ...]:
        return self._marks

    def boundingRect(self) -> QRectF:
        return self._view.rect()

    def paint(self, painter: QPainter, *_: object) -> None:
        area = self._view.rect()
        to_pixels = self._view.childTransform()
        if self._grid is not None and self._grid_colour is not None:
            painter.setPen(QPen(self._grid_colour, 0))
            for value in self._grid():
                y = to_pixels.map(0.0, value)[1]
                painter.drawLine(QLineF(area.left(), y, area.right(), y))
        for mark in self._marks:
            if isinstance(mark, Shade):
                self._shade(painter, mark, area, to_pixels)
            elif isinstance(mark, Rule):
                self._rule(painter, mark, area, to_pixels)
            else:
                self._label(painter, mark, to_pixels)

    def _shade(self, painter: QPainter, shade: Shade, area: QRectF, to_pixels) -> None:
        if shade.across:
            top = to_pixels.map(0.0, shade.high)[1]
            bottom = to_pixels.map(0.0, shade.low)[1]
            painter.fillRect(QRectF(area.left(), top, area.width(), bottom - top), shade.colour)
            if shade.edge:
                painter.setPen(QPen(QColor(shade.edge), 0))
                for y in (top, bottom):
                    painter.drawLine(QLineF(area.left(), y, area.right(), y))
            return
        left = to_pixels.map(shade.low, 0.0)[0]
        right = to_pixels.map(shade.high, 0.0)[0]
        painter.fillRect(QRectF(left, area.top(), right - left, area.height()), shade.colour)

    def _rule(self, painter: QPainter, rule: Rule, area: QRectF, to_pixels) -> None:
        x = to_pixels.map(rule.x, 0.0)[0]
        pen = QPen(QColor(rule.colour), 2)
        if rule.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QLineF(x, area.top(), x, area.bottom()))
        if rule.label:
            metrics = self._metrics[False]
            painter.setFont(self._fonts[False])
            width = metrics.horizontalAdvance(rule.label)
            y = area.top() + area.height() * RULE_LABEL_AT + metrics.ascent() / 2
            left = x - width - 4 if rule.label_left else x + 4
            painter.drawText(QPointF(left, y), rule.label)

    def _label(self, painter: QPainter, label: Label, to_pixels) -> None:
        painter.setFont(self._fonts[label.bold])
        metrics = self._metrics[label.bold]
        x, y = to_pixels.map(label.x, label.y)
        left = x - label.anchor[0] * metrics.horizontalAdvance(label.text)
        top = y - label.anchor[1] * metrics.height()
        painter.setPen(QColor(label.colour))
        painter.drawText(QPointF(left, top + metrics.ascent()), label.text)

    def _on_view_transform_changed(self, _view: pg.ViewBox) -> None:
        self.update()

    def _on_view_resized(self, _view: pg.ViewBox) -> None:
        self.prepareGeometryChange()
