"""Light axes: tick marks, tick labels and a title, painted in one go from the view's range.

pyqtgraph's AxisItem computes several tick levels through numpy and Point objects and records
a QPicture on every range change; the Progress screen's twelve axes cost more than everything
else the charts draw. These axes paint the few ticks a chart shows: the values given, or round
numbers, or calendar dates (days, weeks, months or years, whichever fit the zoom).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Literal

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsSceneWheelEvent, QGraphicsWidget

# isort: split
import pyqtgraph as pg

Ticks = Sequence[tuple[float, str]]
TICK = 5.0
GAP = 3.0
MIN_VALUE_GAP = 16.0  # pixels between two value ticks, at least
LABEL_GAP = 4.0  # pixels between two tick labels of a side axis, at least
MIN_DATE_GAP = 14.0  # pixels between two date labels, at least
BOTTOM_HEIGHT = 28.0


class Axis(QGraphicsWidget):
    """A value axis at the `side` of `view`: `ticks` if given, else round numbers."""

    def __init__(
        self,
        view: pg.ViewBox,
        side: Literal["left", "right", "bottom"],
        *,
        width: float = 64.0,
        ticks: Ticks | None = None,
        title: str = "",
    ) -> None:
        super().__init__()
        self._view = view
        self.side = side
        self._fixed = tuple(ticks) if ticks is not None else None
        self.title = title
        self.scale = 1.0  # a second axis' own quantity: a view value is `scale` times it
        self.unit = ""  # after each round number: "%", " spm"
        self._widths: dict[str, float] = {}
        self._line = QColor("#4f5b6b")
        self._text = QColor("#1d2430")
        self.font = QFont()
        self.font.setPointSizeF(max(self.font.pointSizeF(), 9.0))
        self._metrics = QFontMetricsF(self.font)
        size = BOTTOM_HEIGHT if side == "bottom" else width
        for setter in (
            (self.setMinimumHeight, self.setMaximumHeight, self.setPreferredHeight)
            if side == "bottom"
            else (self.setMinimumWidth, self.setMaximumWidth, self.setPreferredWidth)
        ):
            setter(size)
        view.sigTransformChanged.connect(self._on_view_transform_changed)

    def set_ticks(self, ticks: Ticks | None) -> None:
        self._fixed = tuple(ticks) if ticks is not None else None
        self.update()

    def set_title(self, title: str) -> None:
        self.title = title
        self.update()

    def set_numbers(self, *, unit: str, scale: float = 1.0) -> None:
        """Round numbers with their `unit`, of a quantity drawn `scale` times larger than its
        value (the late-run chart's cadence drop in spm beside the slips in %)."""
        self.unit, self.scale = unit, scale
        self._fixed = None
        self.update()

    def set_colours(self, *, line: str, text: str) -> None:
        self._line, self._text = QColor(line), QColor(text)
        self.update()

    def span(self) -> tuple[float, float]:
        """The visible range of this axis' coordinate."""
        ranges = self._view.viewRange()
        low, high = ranges[0] if self.side == "bottom" else ranges[1]
        return low, high

    def label_pitch(self) -> float:
        """Pixels from one side tick label to the next, at least: a line and a gap."""
        return self._metrics.height() + LABEL_GAP

    def ticks(self) -> list[tuple[float, str]]:
        """The ticks inside the visible range, with their labels: on a side axis no closer
        than a label's height and a gap, fewer where the plot is short."""
        low, high = self.span()
        pixels = self._view.width() if self.side == "bottom" else self._view.height()
        if self._fixed is None:
            scale, gap = self.scale, self.label_pitch() if self.side != "bottom" else MIN_VALUE_GAP
            values = round_ticks(low / scale, high / scale, pixels, gap=gap)
            return [(value * scale, text + self.unit) for value, text in values]
        shown = [(value, text) for value, text in self._fixed if low <= value <= high]
        if self.side == "bottom" or not high > low:
            return shown
        return spaced(shown, pixels / (high - low), self.label_pitch())

    def label_rects(self) -> list[tuple[str, QRectF]]:
        """Each tick label and where it is painted, in scene coordinates."""
        return [
            (text, self.mapRectToScene(rect))
            for text, rect, _ in self._placed()
            if self.side != "bottom" or self._fits(rect)
        ]

    def _fits(self, label: QRectF) -> bool:
        """A date is written only under the plot, not cut at its ends."""
        area = self.rect()
        return area.left() <= label.left() and label.right() <= area.right()

    def title_rect(self) -> QRectF:
        """Where the title is painted (upright along a side axis), in scene coordinates."""
        width, area = self._width(self.title), self.rect()
        height = self._metrics.height()
        left = area.left() + 1 if self.side == "left" else area.right() - height - 1
        box = QRectF(left, area.center().y() - width / 2, height, width)
        return self.mapRectToScene(box)

    def _placed(self) -> list[tuple[str, QRectF, float]]:
        """Each tick's label, its rectangle and the tick's position along the axis."""
        area = self.rect()
        to_view = self._view.childTransform()
        offset = self.mapFromItem(self._view, QPointF(0, 0))
        height = self._metrics.height()
        placed = []
        for value, text in self.ticks():
            width = self._width(text)
            if self.side == "bottom":
                x = to_view.map(value, 0.0)[0] + offset.x()
                box = QRectF(x - width / 2, area.top() + TICK + GAP, width, height)
                placed.append((text, box, x))
                continue
            y = to_view.map(0.0, value)[1] + offset.y()
            edge = area.right() if self.side == "left" else area.left()
            left = edge - TICK - GAP - width if self.side == "left" else edge + TICK + GAP
            placed.append((text, QRectF(left, y - height / 2, width, height), y))
        return placed

    def boundingRect(self) -> QRectF:
        # Labels at the ends of a side axis may stand out by half a line.
        return self.rect().adjusted(0, -10, 0, 10)

    def paint(self, painter: QPainter, *_: object) -> None:
        area = self.rect()
        line = QPen(self._line, 0)
        painter.setFont(self.font)
        ascent = self._metrics.ascent()
        for text, box, at in self._placed():
            painter.setPen(line)
            if self.side == "bottom":
                painter.drawLine(QLineF(at, area.top(), at, area.top() + TICK))
                if self._fits(box):
                    painter.setPen(self._text)
                    painter.drawText(QPointF(box.left(), box.top() + ascent), text)
                continue
            edge, outward = (area.right(), -1) if self.side == "left" else (area.left(), 1)
            painter.drawLine(QLineF(edge, at, edge + outward * TICK, at))
            painter.setPen(self._text)
            painter.drawText(QPointF(box.left(), box.top() + ascent), text)
        painter.setPen(line)
        if self.side == "bottom":
            painter.drawLine(QLineF(area.left(), area.top(), area.right(), area.top()))
        else:
            edge = area.right() if self.side == "left" else area.left()
            painter.drawLine(QLineF(edge, area.top(), edge, area.bottom()))
        if self.title and self.side != "bottom":
            self._paint_title(painter, area)

    def _width(self, text: str) -> float:
        """A label's width, measured once: the same dates and values come back every paint."""
        if text not in self._widths:
            self._widths[text] = self._metrics.horizontalAdvance(text)
        return self._widths[text]

    def _paint_title(self, painter: QPainter, area: QRectF) -> None:
        """The axis title, reading upwards along the outer edge."""
        width = self._width(self.title)
        x = (
            area.left() + self._metrics.ascent() + 1
            if self.side == "left"
            else area.right() - self._metrics.descent() - 1
        )
        painter.save()
        painter.setPen(self._text)
        painter.translate(x, area.center().y() + width / 2)
        painter.rotate(-90)
        painter.drawText(QPointF(0, 0), self.title)
        painter.restore()

    def wheelEvent(self, event: QGraphicsSceneWheelEvent) -> None:
        """The wheel over the dates zooms the time line, as over the plot."""
        if self.side == "bottom":
            self._view.wheelEvent(event, axis=0)
        else:
            event.ignore()

    def _on_view_transform_changed(self, _view: pg.ViewBox) -> None:
        self.update()


class DateAxis(Axis):
    """Calendar dates under a view whose x is Unix seconds."""

    def __init__(self, view: pg.ViewBox) -> None:
        super().__init__(view, "bottom")

    def ticks(self) -> list[tuple[float, str]]:
        low, high = self.span()
        return date_ticks(low, high, self._view.width(), self._metrics)


def round_ticks(
    low: float, high: float, pixels: float, *, gap: float = MIN_VALUE_GAP
) -> list[tuple[float, str]]:
    """Round values (1, 2 or 5 times a power of ten apart) at least `gap` pixels apart."""
    if not high > low or pixels <= 0:
        return []
    rough = (high - low) * gap / pixels
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    first = math.ceil(low / step)
    last = math.floor(high / step)
    return [(n * step, f"{round(n * step, 9):g}") for n in range(first, last + 1)]


def spaced(ticks: Ticks, per_unit: float, pitch: float) -> list[tuple[float, str]]:
    """The first and last of `ticks` (in order of value) and as many between as stand `pitch`
    pixels from their neighbours, at `per_unit` pixels a unit: 0, 50 and 100 % of 0 to 100 % in
    steps of 25 on a short plot."""
    if len(ticks) < 3 or per_unit <= 0:
        return list(ticks)
    kept = [ticks[0]]
    for tick in ticks[1:-1]:
        if (tick[0] - kept[-1][0]) * per_unit >= pitch:
            kept.append(tick)
    while len(kept) > 1 and (ticks[-1][0] - kept[-1][0]) * per_unit < pitch:
        kept.pop()
    return [*kept, ticks[-1]]


def _midnight(day: date) -> float:
    return datetime(day.year, day.month, day.day).timestamp()


def date_ticks(
    low: float, high: float, pixels: float, metrics: QFontMetricsF
) -> list[tuple[float, str]]:
    """Days, weeks (Mondays), months or years, the finest whose labels fit side by side."""
    if not high > low or pixels <= 0:
        return []
    per_day = pixels * 86_400 / (high - low)
    first = datetime.fromtimestamp(max(low, 0)).date()
    last = datetime.fromtimestamp(max(high, 0)).date()
    day_label = metrics.horizontalAdvance("28 Sep") + MIN_DATE_GAP
    if per_day >= day_label or per_day * 7 >= day_label:
        step = 1 if per_day >= day_label else 7
        day = first + timedelta(days=(-first.weekday()) % 7 if step == 7 else 0)
        days = []
        while day <= last:
            days.append(day)
            day += timedelta(days=step)
        return _within([(_midnight(d), f"{d.day} {d:%b}") for d in days], low, high)
    month_label = metrics.horizontalAdvance("Sep") + MIN_DATE_GAP
    months = next((m for m in (1, 3, 6) if per_day * 30 * m >= month_label), None)
    if months is None:
        years = range(first.year, last.year + 1)
        return _within([(_midnight(date(year, 1, 1)), str(year)) for year in years], low, high)
    ticks = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        if (month - 1) % months == 0:
            label = str(year) if month == 1 else f"{date(year, month, 1):%b}"
            ticks.append((_midnight(date(year, month, 1)), label))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return _within(ticks, low, high)


def _within(ticks: list[tuple[float, str]], low: float, high: float) -> list[tuple[float, str]]:
    return [(value, text) for value, text in ticks if low <= value <= high]
