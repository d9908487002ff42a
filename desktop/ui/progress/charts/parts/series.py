"""Data marks: lines, dots and bars painted straight from arrays, only where the plot shows them.

They replace pyqtgraph's curve, scatter and bar items, which rebuild per-point records on every
change and were a good part of the Progress screen's opening time; five years of history are
mostly off screen, and only the points in view are drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPixmap,
    QTransform,
)

from desktop.ui.common.pyqtgraph_compat import pixmap_fragments, polygon, symbol_path
from desktop.ui.progress.charts.parts.layers import Canvas, pen


def _array(values: Sequence[float]) -> np.ndarray:
    return np.asarray(values, dtype=float)


@dataclass(frozen=True, eq=False)
class Line:
    """A line through the points, in `colour`, `width` pixels wide."""

    xs: np.ndarray
    ys: np.ndarray
    colour: str
    width: float = 2.0
    style: Qt.PenStyle = Qt.PenStyle.SolidLine

    @classmethod
    def through(cls, xs: Sequence[float], ys: Sequence[float], colour: str, **style: Any) -> Line:
        return cls(_array(xs), _array(ys), colour, **style)

    def draw(self, painter: QPainter, canvas: Canvas) -> None:
        if len(self.xs) < 2:
            return
        painter.setPen(pen(self.colour, self.width, self.style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(polygon(canvas.xs(self.xs), canvas.ys(self.ys)))


@dataclass(frozen=True, eq=False)
class Dots:
    """A symbol at each point, `size` pixels across: pyqtgraph's "o" (circle), "d" (diamond),
    "t1" (triangle up) and the rest, filled with `fill` and edged with `edge` if given.

    On screen each symbol is stamped from a small picture drawn once, all in one call (as
    pyqtgraph's scatter does); a scaled painter (a PNG export) gets the shapes themselves, so
    they stay sharp.
    """

    xs: np.ndarray
    ys: np.ndarray
    fill: str
    symbol: str = "o"
    size: float = 6.0
    edge: str | None = None

    @classmethod
    def at(cls, xs: Sequence[float], ys: Sequence[float], fill: str, **style: Any) -> Dots:
        return cls(_array(xs), _array(ys), fill, **style)

    def draw(self, painter: QPainter, canvas: Canvas) -> None:
        xs, ys = canvas.xs(self.xs), canvas.ys(self.ys)
        area = canvas.area.adjusted(-self.size, -self.size, self.size, self.size)
        shown = (xs >= area.left()) & (xs <= area.right()) & (ys >= area.top())
        shown &= ys <= area.bottom()
        if not shown.any():
            return
        if painter.transform().isScaling():
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._outline(painter)
            for x, y in zip(xs[shown].tolist(), ys[shown].tolist(), strict=True):
                painter.drawPath(self._shape.translated(x, y))
            painter.restore()
            return
        ratio = painter.device().devicePixelRatioF()
        stamp = self._stamp(ratio)
        fragments = pixmap_fragments(int(shown.sum()))
        table = fragments.ndarray()  # x, y (centre), source x, y, w, h, scale x, y, turn, alpha
        table[:, 0] = xs[shown]
        table[:, 1] = ys[shown]
        table[:, 2:6] = (0, 0, stamp.width(), stamp.height())
        table[:, 6:10] = (1 / ratio, 1 / ratio, 0.0, 1.0)
        painter.drawPixmapFragments(*fragments.drawargs(), stamp)

    def rects(self, canvas: Canvas) -> list[QRectF]:
        """Where each symbol in the plot area is painted, its edge included (what a label
        beside it keeps clear of)."""
        xs, ys = canvas.xs(self.xs), canvas.ys(self.ys)
        outline = self._shape.boundingRect().adjusted(-1, -1, 1, 1)
        area = canvas.area
        return [
            outline.translated(x, y)
            for x, y in zip(xs.tolist(), ys.tolist(), strict=True)
            if area.left() <= x <= area.right() and area.top() <= y <= area.bottom()
        ]

    @cached_property
    def _shape(self) -> QPainterPath:
        return QTransform.fromScale(self.size, self.size).map(symbol_path(self.symbol))

    @cached_property
    def _stamps(self) -> dict[float, QPixmap]:
        return {}

    def _stamp(self, ratio: float) -> QPixmap:
        """The symbol drawn once, antialiased, for a screen of `ratio` device pixels a pixel."""
        if ratio not in self._stamps:
            side = math.ceil(self.size + 2)
            stamp = QPixmap(math.ceil(side * ratio), math.ceil(side * ratio))
            stamp.setDevicePixelRatio(ratio)
            stamp.fill(Qt.GlobalColor.transparent)
            painter = QPainter(stamp)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._outline(painter)
            painter.drawPath(self._shape.translated(side / 2, side / 2))
            painter.end()
            self._stamps[ratio] = stamp
        return self._stamps[ratio]

    def _outline(self, painter: QPainter) -> None:
        painter.setPen(pen(self.edge) if self.edge else Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(self.fill)))


@dataclass(frozen=True, eq=False)
class Bars:
    """Bars `width` (in x units) wide centred on `xs`, from 0 up to `heights`: filled with
    `fills` (None: hollow), edged with `edges` as (colour, dashed) (None: no edge)."""

    xs: Sequence[float]
    heights: Sequence[float]
    width: float
    fills: Sequence[str | None]
    edges: Sequence[tuple[str, bool] | None]
    edge_width: float = 1.5

    def draw(self, painter: QPainter, canvas: Canvas) -> None:
        base = canvas.y(0.0)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for x, height, fill, edge in zip(
            self.xs, self.heights, self.fills, self.edges, strict=True
        ):
            left = canvas.x(x - self.width / 2)
            right = canvas.x(x + self.width / 2)
            top = canvas.y(height)
            bar = QRectF(left, top, right - left, base - top)
            if fill is not None:
                painter.fillRect(bar, QColor(fill))
            if edge is not None:
                colour, dashed = edge
                style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
                painter.setPen(pen(colour, self.edge_width, style))
                painter.drawRect(bar)
