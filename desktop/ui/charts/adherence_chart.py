"""Am I doing the build-up? Planned double days (outline) against done (filled), per week."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

# isort: split
import pyqtgraph as pg

from desktop.domain.adherence import WeekAdherence
from desktop.domain.chart_series import week_middle_seconds
from desktop.progress import ProgressData
from desktop.ui.charts.base import (
    DAY_S,
    PHASE_NAMES,
    RIGHT_AXIS_WIDTH,
    date_plot,
    legend_below,
    legend_swatch,
    mark_today_and_race,
    shade_phases,
    style_plot,
    week_at,
    week_range,
)
from desktop.ui.charts.card import ChartCard
from desktop.ui.charts.hover import Readout
from desktop.ui.charts.palette import ChartPalette

EMPTY = (
    "No build-up yet. Set up your build-up (race date and running days) and this chart shows "
    "one bar per week, counted down to race day: the outline is what is planned, the fill what "
    "you did, green from 80%, yellow from 50%, red below."
)
CAPTION = (
    "Double days per week, counted down to race day (numbers: weeks to go). Outline planned, "
    "fill done (half = one session); line: build-up adherence so far."
)
FULL_SCALE = 2.0  # 100 % on the right axis sits at two double days
BAR_WIDTH_S = 5.2 * DAY_S
Y_RANGE = (-0.45, 2.75)


class AdherenceChart(ChartCard):
    """One bar group per build-up week with the cumulative adherence line over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Am I doing the build-up?", caption=CAPTION, empty_text=EMPTY, parent=parent
        )
        self.plot = date_plot(self.graphics, y_label="Double days")
        self.plot.showAxis("right")
        self.legend = legend_below(self.graphics, row=1, columns=3)
        self.readout = Readout(self.plot, self.describe)
        self._weeks: tuple[WeekAdherence, ...] = ()

    def show_data(self, data: ProgressData, palette: ChartPalette) -> None:
        self.apply_palette(palette)
        plot, key = self.plot, self.legend
        plot.clear()
        key.clear()
        self._weeks = data.weeks
        self.set_empty(not data.weeks)
        if not data.weeks:
            return
        key.setLabelTextColor(palette.foreground)
        spans = [w.week for w in data.weeks]
        shade_phases(plot, spans, palette, label_y=Y_RANGE[1])
        mark_today_and_race(
            plot, today=data.today, race=data.race_date, palette=palette, labels=True
        )
        xs = [week_middle_seconds(w.week) for w in data.weeks]
        self._draw_bars(plot, xs, palette)
        line = self._draw_cumulative(plot, xs, palette)
        self._draw_countdown(plot, xs, palette)
        legend_swatch(key, "Planned", fill=None, edge=palette.foreground)
        legend_swatch(key, "Done ≥ 80%", fill=palette.green, edge=palette.green)
        legend_swatch(key, "50–79%", fill=palette.yellow, edge=palette.yellow)
        legend_swatch(key, "Under 50%", fill=palette.red, edge=palette.red)
        legend_swatch(key, "Coming up", fill=None, edge=palette.grey, dashed=True)
        if line is not None:
            key.addItem(line, "Build-up adherence")
        right = plot.getAxis("right")
        right.setTicks([[(FULL_SCALE * p / 100, f"{p}%") for p in (0, 25, 50, 75, 100)]])
        right.setLabel("Build-up adherence")
        style_plot(plot, palette)
        right.setWidth(RIGHT_AXIS_WIDTH)
        plot.getAxis("left").setTicks([[(0, "0"), (1, "1"), (2, "2")]])
        plot.setYRange(*Y_RANGE, padding=0)
        plot.setXRange(*week_range(spans), padding=0.01)
        self.readout.attach(palette)

    def _draw_bars(self, plot: pg.PlotItem, xs: list[float], palette: ChartPalette) -> None:
        weeks = self._weeks
        pens = [
            pg.mkPen(palette.grey, width=1.5, style=Qt.PenStyle.DashLine)
            if w.state == "future"
            else pg.mkPen(palette.foreground, width=1.5)
            for w in weeks
        ]
        planned = [float(w.planned) for w in weeks]
        outline = pg.BarGraphItem(
            x=xs, height=planned, width=BAR_WIDTH_S, brush=pg.mkBrush(0, 0, 0, 0), pens=pens
        )
        done = [w.done for w in weeks]
        fill = pg.BarGraphItem(
            x=xs,
            height=done,
            width=BAR_WIDTH_S * 0.84,
            brushes=[pg.mkBrush(palette.compliance(w.colour)) for w in weeks],
            pen=pg.mkPen(None),
        )
        plot.addItem(fill)
        plot.addItem(outline)
        for x, week in zip(xs, weeks, strict=True):
            if week.extra:
                extra = pg.TextItem(f"+{week.extra}", color=palette.muted, anchor=(0.5, 1))
                extra.setPos(x, max(week.planned, week.done) + 0.02)
                plot.addItem(extra)

    def _draw_cumulative(
        self, plot: pg.PlotItem, xs: list[float], palette: ChartPalette
    ) -> pg.PlotDataItem | None:
        points = [
            (x, w.cumulative * FULL_SCALE)
            for x, w in zip(xs, self._weeks, strict=True)
            if w.cumulative is not None
        ]
        if not points:
            return None
        line = pg.PlotDataItem(
            [p[0] for p in points],
            [p[1] for p in points],
            pen=pg.mkPen(palette.load, width=3),
            symbol="o",
            symbolSize=7,
            symbolBrush=pg.mkBrush(palette.load),
            symbolPen=pg.mkPen(palette.background),
        )
        plot.addItem(line)
        return line

    def _draw_countdown(self, plot: pg.PlotItem, xs: list[float], palette: ChartPalette) -> None:
        """Weeks to race day under each bar: the build-up counts down."""
        font = QFont()
        font.setBold(True)
        for x, week in zip(xs, self._weeks, strict=True):
            text = pg.TextItem(str(week.week.weeks_out), color=palette.muted, anchor=(0.5, 0))
            text.setFont(font)
            text.setPos(x, -0.04)
            plot.addItem(text)

    def describe(self, x: float, _y: float) -> tuple[float, float, str] | None:
        """The read-out of the week under the mouse."""
        week = week_at(self._weeks, x)
        if week is None:
            return None
        span = week.week
        total = len(self._weeks)
        phase = PHASE_NAMES.get(span.phase or "", "")
        lines = [
            f"Week {span.number} of {total} · {span.weeks_out} week"
            f"{'s' if span.weeks_out > 1 else ''} to race day · {phase}",
            f"{span.start:%a %d %b} – {span.end:%a %d %b %Y}",
        ]
        if week.planned == 0:
            lines.append("No strength double day planned (taper)" if span.phase else "")
        elif week.state == "future":
            lines.append(f"Planned: {week.planned} double day{'s' if week.planned > 1 else ''}")
        elif week.ratio is None:
            lines.append(f"Planned: {week.planned}; nothing due yet")
        else:
            lines.append(
                f"Done {week.done:g} of {week.settled} double day{'s' if week.settled > 1 else ''}"
                f" due ({week.ratio:.0%})"
            )
        if week.cumulative is not None:
            lines.append(f"Build-up adherence so far: {week.cumulative:.0%}")
        if week.extra:
            lines.append(f"{week.extra} extra session{'s' if week.extra > 1 else ''} (not planned)")
        return week_middle_seconds(span), max(week.planned, week.done), "\n".join(lines)
