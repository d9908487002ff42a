"""What every chart shares: a plot with real dates, the palette on axes and legend, the phases
of the build-up shaded behind the data, and "today" and race day marked."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

# isort: split
import pyqtgraph as pg

from desktop.domain.adherence import WeekAdherence, WeekSpan
from desktop.domain.chart_series import noon_seconds
from desktop.ui.charts.palette import ChartPalette

DAY_S = 86_400.0
LEFT_AXIS_WIDTH = 64
RIGHT_AXIS_WIDTH = 64
PHASE_NAMES = {"phase1": "Phase 1", "phase2": "Phase 2", "taper": "Taper"}


def date_plot(layout: pg.GraphicsLayoutWidget, *, row: int = 0, y_label: str = "") -> pg.PlotItem:
    """A plot whose bottom axis shows calendar dates (x is Unix seconds)."""
    plot = layout.addPlot(row=row, col=0, axisItems={"bottom": pg.DateAxisItem()})
    plot.setMenuEnabled(True)
    plot.hideButtons()
    plot.showGrid(x=False, y=True, alpha=0.35)
    if y_label:
        plot.setLabel("left", y_label)
    plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
    plot.getViewBox().setMouseEnabled(x=True, y=False)
    return plot


def style_plot(plot: pg.PlotItem, palette: ChartPalette) -> None:
    """Axis lines, tick labels and titles in the palette's foreground."""
    font = QFont()
    font.setPointSizeF(max(font.pointSizeF(), 9.0))
    for name in ("left", "bottom", "right"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(palette.muted))
        axis.setTextPen(pg.mkPen(palette.foreground))
        axis.setStyle(tickFont=font)
        if axis.label is not None:
            axis.label.setDefaultTextColor(QColor(palette.foreground))


def legend_below(layout: pg.GraphicsLayoutWidget, *, row: int, columns: int) -> pg.LegendItem:
    """A legend in its own row under the plots: it never hides data, and PNGs include it."""
    item = pg.LegendItem(colCount=columns, labelTextSize="9pt", horSpacing=14)
    layout.addItem(item, row=row, col=0)
    return item


def legend_swatch(
    legend_item: pg.LegendItem, name: str, *, fill: str | None, edge: str, dashed: bool = False
) -> None:
    """A square legend entry for bars (filled or outlined) without drawing anything else."""
    pen = pg.mkPen(edge, width=1.5, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    brush = pg.mkBrush(fill) if fill else pg.mkBrush(0, 0, 0, 0)
    sample = pg.BarGraphItem(x=[0.0], height=[0.0], width=1.0, brush=brush, pen=pen)
    legend_item.addItem(sample, name)


def week_range(weeks: Sequence[WeekSpan]) -> tuple[float, float]:
    """The x range of a week axis: from the first week's start to the day after the last one."""
    return noon_seconds(weeks[0].start) - DAY_S / 2, noon_seconds(weeks[-1].end) + DAY_S


def shade_phases(
    plot: pg.PlotItem,
    weeks: Sequence[WeekSpan],
    palette: ChartPalette,
    *,
    label_y: float | None = None,
) -> None:
    """Tint phase 1, phase 2 and the taper behind the data, named at `label_y` if given."""
    fills = {"phase1": palette.phase1, "phase2": palette.phase2, "taper": palette.taper}
    runs: list[tuple[str, WeekSpan, WeekSpan]] = []
    for week in weeks:
        if week.phase is None:
            continue
        if runs and runs[-1][0] == week.phase:
            runs[-1] = (week.phase, runs[-1][1], week)
        else:
            runs.append((week.phase, week, week))
    for phase, first, last in runs:
        start = noon_seconds(first.start) - DAY_S / 2
        end = noon_seconds(last.end) + DAY_S / 2
        region = pg.LinearRegionItem(
            values=(start, end), movable=False, brush=pg.mkBrush(fills[phase]), pen=pg.mkPen(None)
        )
        region.setZValue(-100)
        plot.addItem(region, ignoreBounds=True)
        if label_y is not None:
            text = pg.TextItem(PHASE_NAMES[phase], color=palette.muted, anchor=(0, 0))
            text.setPos(start + DAY_S / 3, label_y)
            text.setZValue(-50)
            plot.addItem(text, ignoreBounds=True)


def mark_today_and_race(
    plot: pg.PlotItem, *, today: date, race: date | None, palette: ChartPalette, labels: bool
) -> None:
    """A vertical line at today (and at race day), labelled on the first chart of a column."""
    today_line = pg.InfiniteLine(
        pos=noon_seconds(today),
        angle=90,
        pen=pg.mkPen(palette.today, width=2, style=Qt.PenStyle.DashLine),
        label="Today" if labels else None,
        labelOpts={"position": 0.93, "color": palette.today, "anchors": [(0, 0.5), (0, 0.5)]},
    )
    plot.addItem(today_line, ignoreBounds=True)
    if race is not None:
        race_line = pg.InfiniteLine(
            pos=noon_seconds(race),
            angle=90,
            pen=pg.mkPen(palette.foreground, width=2),
            label="Race" if labels else None,
            labelOpts={
                "position": 0.93,
                "color": palette.foreground,
                "anchors": [(1, 0.5), (1, 0.5)],
            },
        )
        plot.addItem(race_line, ignoreBounds=True)


def nearest(xs: Sequence[float], x: float, *, within: float) -> int | None:
    """Index of the value in sorted `xs` closest to `x`, if no farther than `within`."""
    if not xs:
        return None
    index = bisect.bisect_left(xs, x)
    candidates = [i for i in (index - 1, index) if 0 <= i < len(xs)]
    best = min(candidates, key=lambda i: abs(xs[i] - x))
    return best if abs(xs[best] - x) <= within else None


def week_at(weeks: Sequence[WeekAdherence], x: float) -> WeekAdherence | None:
    """The week whose days contain `x`."""
    for week in weeks:
        if noon_seconds(week.week.start) - DAY_S / 2 <= x < noon_seconds(week.week.end) + DAY_S / 2:
            return week
    return None
