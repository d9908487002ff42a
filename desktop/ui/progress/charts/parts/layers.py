"""Painted layers of a plot: everything a chart shows inside its plot area, in one item each.

One QGraphicsItem per mark (a LinearRegionItem per phase, an InfiniteLine per rule, a TextItem
per number under a bar, a ScatterPlotItem per series) made the Progress screen slow to open;
a layer paints a list of plain marks instead. It lives in the view box (the plot area, in
pixels) and maps data to pixels as it paints, so panning moves the marks and text keeps its
size. This module holds the layer and the annotation marks; `series` holds the data marks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsObject

# isort: split
import pyqtgraph as pg

from desktop.ui.progress.charts.parts.mark_labels import MarkLabel, Obstacle

RULE_LABEL_AT = 0.07  # rule labels sit this far down from the top of the plot area


@dataclass(frozen=True, eq=False)
class Fonts:
    """The text of a plot's labels: the desktop's font, and its bold cut."""

    regular: QFont
    bold: QFont
    metrics: dict[bool, QFontMetricsF]

    @classmethod
    def default(cls) -> Fonts:
        regular, bold = QFont(), QFont()
        bold.setBold(True)
        metrics = {False: QFontMetricsF(regular), True: QFontMetricsF(bold)}
        return cls(regular, bold, metrics)

    def font(self, bold: bool) -> QFont:
        return self.bold if bold else self.regular


@dataclass(frozen=True, eq=False)
class Canvas:
    """Where a layer paints: the plot area in pixels, how data maps onto it, and the fonts."""

    area: QRectF
    to_pixels: QTransform
    fonts: Fonts

    def x(self, value: float) -> float:
        return self.to_pixels.map(value, 0.0)[0]

    def y(self, value: float) -> float:
        return self.to_pixels.map(0.0, value)[1]

    def xs(self, values: np.ndarray) -> np.ndarray:
        return values * self.to_pixels.m11() + self.to_pixels.dx()

    def ys(self, values: np.ndarray) -> np.ndarray:
        return values * self.to_pixels.m22() + self.to_pixels.dy()


class Mark(Protocol):
    def draw(self, painter: QPainter, canvas: Canvas) -> None: ...


def pen(colour: str, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen as wide on screen (and in exports) whatever the zoom."""
    result = QPen(QColor(colour), width, style)
    result.setCosmetic(True)
    return result


@dataclass(frozen=True)
class Shade:
    """A tinted span of x (a phase of the build-up); with `across`, a band of y (the rest
    window) edged in `edge`. `opacity` lets the grid show through."""

    low: float
    high: float
    colour: str
    opacity: float = 1.0
    across: bool = False
    edge: str | None = None

    def draw(self, painter: QPainter, canvas: Canvas) -> None:
        area = canvas.area
        tint = QColor(self.colour)
        tint.setAlphaF(self.opacity)
        if not self.across:
            left, right = canvas.x(self.low), canvas.x(self.high)
            painter.fillRect(QRectF(left, area.top(), right - left, area.height()), tint)
            return
        top, bottom = canvas.y(self.high), canvas.y(self.low)
        painter.fillRect(QRectF(area.left(), top, area.width(), bottom - top), tint)
        if self.edge:
            painter.setPen(pen(self.edge))
            for y in (top, bottom):
                painter.drawLine(QLineF(area.left(), y, area.right(), y))


@dataclass(frozen=True)
class Rule:
    """A vertical line at x (today, race day), its label near the top on one side."""

    x: float
    colour: str
    dashed: bool = False
    label: str = ""
    label_left: bool = False

    def draw(self, painter: QPainter, canvas: Canvas) -> None:
        area, x = canvas.area, canvas.x(self.x)
        style = Qt.PenStyle.DashLine if self.dashed else Qt.PenStyle.SolidLine
        painter.setPen(pen(self.colour, 2, style))
        painter.drawLine(QLineF(x, area.top(), x, area.bottom()))
        placed = self.placed_text(canvas)
        if placed is not None:
            painter.setFont(canvas.fonts.regular)
            text, rect = placed
            painter.drawText(
                QPointF(rect.left(), rect.top() + canvas.fonts.metrics[False].ascent()), text
            )

    def placed_text(self, canvas: Canvas) -> tuple[str, QRectF] | None:
        """The label and where it is painted: beside the line, below the line of phase names
        along the top of the plot ("Today" used to cover "Phase 1" in a build-up's first days)."""
        if not self.label:
            return None
        metrics, area, x = canvas.fonts.metrics[False], canvas.area, canvas.x(self.x)
        width = metrics.horizontalAdvance(self.label)
        top = area.top() + max(area.height() * RULE_LABEL_AT, metrics.height() + 2)
        left = x - width - 4 if self.label_left else x + 4
        return self.label, QRectF(left, top, width, metrics.height())


@dataclass(frozen=True)
class Label:
    """Text at a data point; `anchor` is the point of the text put there ((0, 0) top left)."""

    x: float
    y: float
    text: str
    colour: str
    anchor: tuple[float, float] = (0.5, 0.0)
    bold: bool = False

    def draw(self, painter: QPainter, canvas: Canvas) -> None:
        painter.setFont(canvas.fonts.font(self.bold))
        _text, rect = self.placed_text(canvas)
        painter.setPen(QColor(self.colour))
        painter.drawText(
            QPointF(rect.left(), rect.top() + canvas.fonts.metrics[self.bold].ascent()), self.text
        )

    def placed_text(self, canvas: Canvas) -> tuple[str, QRectF]:
        """The text and the rectangle it is painted in, in the plot area's pixels."""
        metrics = canvas.fonts.metrics[self.bold]
        width = metrics.horizontalAdvance(self.text)
        left = canvas.x(self.x) - self.anchor[0] * width
        top = canvas.y(self.y) - self.anchor[1] * metrics.height()
        return self.text, QRectF(left, top, width, metrics.height())


LABEL_GAP_PX = 6.0  # the least room between two data labels side by side
_Placed = tuple[str, QRectF] | None  # a mark's text and where it is painted, if it has one


class Layer(QGraphicsObject):
    """Paints `marks` over (z > 0) or under (z < 0) the plot area of `view`; with `grid`,
    first horizontal grid lines at the values it returns."""

    def __init__(
        self,
        view: pg.ViewBox,
        *,
        z: float,
        fonts: Fonts,
        grid: Callable[[], Sequence[float]] | None = None,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._grid = grid
        self._grid_colour: str | None = None
        self._marks: tuple[Mark | MarkLabel, ...] = ()
        self._avoid: tuple[Obstacle, ...] = ()
        self._fonts = fonts
        self.setZValue(z)
        view.sigTransformChanged.connect(self._on_view_transform_changed)
        view.sigResized.connect(self._on_view_resized)

    @property
    def marks(self) -> tuple[Mark | MarkLabel, ...]:
        return self._marks

    def set_marks(
        self,
        marks: Sequence[Mark | MarkLabel],
        *,
        grid_colour: str | None = None,
        avoid: Sequence[Obstacle] = (),
    ) -> None:
        """`avoid`: the markers (of any layer of the plot) its `MarkLabel`s keep clear of."""
        self._marks = tuple(marks)
        self._avoid = tuple(avoid)
        self._grid_colour = grid_colour
        self.update()

    def boundingRect(self) -> QRectF:
        return self._view.rect()

    def text_rects(self) -> list[tuple[str, QRectF]]:
        """Each label this layer paints and where, in scene coordinates (for checking that no
        two labels of a chart cover each other, nor a label a marker)."""
        placed = [text for _mark, text in self._shown(self._canvas()) if text is not None]
        return [(text, self.mapRectToScene(rect)) for text, rect in placed]

    def _shown(self, canvas: Canvas) -> Iterator[tuple[Mark | MarkLabel, _Placed]]:
        """The marks to paint at this zoom, each with its text and where it goes: a data label
        that would cover an earlier one is left out (reports a few days apart wrote "23 km25
        km25 km"), as is a marker's label with no clear spot beside it; zoomed in, they come
        back, and the hover read-out always gives them."""
        taken: list[QRectF] = []
        blocked = [rect for obstacle in self._avoid for rect in obstacle.rects(canvas)]
        for mark in self._marks:
            if isinstance(mark, MarkLabel):
                spot = mark.place(canvas, [*blocked, *taken])
                if spot is None:
                    continue
                taken.append(spot)
                yield mark, (mark.text, spot)
            elif isinstance(mark, Label):
                _text, rect = mark.placed_text(canvas)
                room = rect.adjusted(-LABEL_GAP_PX, 0, LABEL_GAP_PX, 0)  # touching reads as one
                if any(room.intersects(other) for other in taken):
                    continue
                taken.append(rect)
                yield mark, (mark.text, rect)
            else:
                yield mark, mark.placed_text(canvas) if isinstance(mark, Rule) else None

    def _canvas(self) -> Canvas:
        return Canvas(self._view.rect(), self._view.childTransform(), self._fonts)

    def paint(self, painter: QPainter, *_: object) -> None:
        canvas = self._canvas()
        if self._grid is not None and self._grid_colour is not None:
            painter.setPen(pen(self._grid_colour))
            area = canvas.area
            for value in self._grid():
                y = canvas.y(value)
                painter.drawLine(QLineF(area.left(), y, area.right(), y))
        for mark, text in self._shown(canvas):
            if isinstance(mark, MarkLabel) and text is not None:
                mark.draw_at(painter, canvas, text[1])
            elif not isinstance(mark, MarkLabel):
                mark.draw(painter, canvas)

    def _on_view_transform_changed(self, _view: pg.ViewBox) -> None:
        self.update()

    def _on_view_resized(self, _view: pg.ViewBox) -> None:
        self.prepareGeometryChange()
