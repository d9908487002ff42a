"""Am I doing it right? Each heavy rest against the 3–5 min window, and weekly quality shares."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

# isort: split
import pyqtgraph as pg

from desktop.domain.chart_series import RestPoint, WeekQuality
from desktop.progress import ProgressData
from desktop.ui.charts.base import (
    DAY_S,
    date_plot,
    legend_below,
    mark_today_and_race,
    nearest,
    style_plot,
    week_range,
)
from desktop.ui.charts.card import ChartCard
from desktop.ui.charts.hover import Readout
from desktop.ui.charts.palette import ChartPalette

EMPTY = (
    "Nothing to judge yet. Once you log heavy sets, every rest between them appears here "
    "against the full 3–5 minute window, with the share of heavy sets at 4–5 reps and light "
    "sets at 10–20 reps, week by week."
)
CAPTION = "Top: each heavy rest (band = the rest window). Bottom: weekly share done as prescribed."
SHARES = (
    ("heavy_in_range", "Heavy sets 4–5 reps"),
    ("light_in_range", "Light sets 10–20 reps"),
    ("rests_in_window", "Heavy rests 3–5 min"),
)


class QualityChart(ChartCard):
    """Two plots on one time axis: rests as dots around the window, shares as weekly lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Am I doing it right?", caption=CAPTION, empty_text=EMPTY, parent=parent)
        self.rest_plot = date_plot(self.graphics, row=0, y_label="Rest (min)")
        self.share_plot = date_plot(self.graphics, row=1, y_label="As prescribed")
        self.share_plot.setXLink(self.rest_plot)
        self.share_plot.getAxis("left").setTicks([[(0, "0%"), (50, "50%"), (100, "100%")]])
        self.graphics.ci.layout.setRowStretchFactor(0, 1)
        self.graphics.ci.layout.setRowStretchFactor(1, 1)
        self.legend = legend_below(self.graphics, row=2, columns=3)
        self.rest_readout = Readout(self.rest_plot, self.describe_rest)
        self.share_readout = Readout(self.share_plot, self.describe_week)
        self._rests: tuple[RestPoint, ...] = ()
        self._weeks: tuple[WeekQuality, ...] = ()

    def show_data(self, data: ProgressData, palette: ChartPalette) -> None:
        self.apply_palette(palette)
        key = self.legend
        for plot in (self.rest_plot, self.share_plot):
            plot.clear()
        key.clear()
        self._rests = data.rests
        self._weeks = tuple(w for w in data.quality if w.heavy_sets or w.light_sets)
        self.set_empty(not data.rests and not self._weeks)
        if not data.rests and not self._weeks:
            return
        key.setLabelTextColor(palette.foreground)
        self._draw_rests(data, palette, key)
        self._draw_shares(palette, key)
        for plot in (self.rest_plot, self.share_plot):
            mark_today_and_race(
                plot, today=data.today, race=data.race_date, palette=palette, labels=False
            )
            style_plot(plot, palette)
        spans = [w.week for w in data.quality]
        self.rest_plot.setXRange(*week_range(spans), padding=0.01)
        self.rest_readout.attach(palette)
        self.share_readout.attach(palette)

    def _draw_rests(self, data: ProgressData, palette: ChartPalette, key: pg.LegendItem) -> None:
        plot = self.rest_plot
        low, high = (s / 60 for s in data.rest_window_s)
        band_colour = pg.mkColor(palette.band)
        band_colour.setAlphaF(0.22)
        band = pg.LinearRegionItem(
            values=(low, high),
            orientation="horizontal",
            movable=False,
            brush=pg.mkBrush(band_colour),
            pen=pg.mkPen(palette.band, width=1),
        )
        band.setZValue(-10)
        plot.addItem(band, ignoreBounds=True)
        for inside, name, colour in (
            (True, "Inside", palette.green),
            (False, "Outside", palette.red),
        ):
            own = [r for r in data.rests if r.inside == inside]
            dots = pg.PlotDataItem(
                [r.x for r in own],
                [r.minutes for r in own],
                pen=None,
                symbol="o",
                symbolSize=6,
                symbolBrush=pg.mkBrush(colour),
                symbolPen=None,
            )
            plot.addItem(dots)
            key.addItem(dots, f"Rest {name.lower()} {low:g}–{high:g} min")
        top = max([r.minutes for r in data.rests] + [high + 1])
        plot.setYRange(0, min(top, high * 2) + 0.6, padding=0)

    def _draw_shares(self, palette: ChartPalette, key: pg.LegendItem) -> None:
        plot = self.share_plot
        xs = [w.x for w in self._weeks]
        styles = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)
        for (field, name), colour, style in zip(SHARES, palette.quality, styles, strict=True):
            values = [getattr(w, field) for w in self._weeks]
            points = [(x, v * 100) for x, v in zip(xs, values, strict=True) if v is not None]
            line = pg.PlotDataItem(
                [p[0] for p in points],
                [p[1] for p in points],
                pen=pg.mkPen(colour, width=2.5, style=style),
                symbol="o",
                symbolSize=6,
                symbolBrush=pg.mkBrush(colour),
                symbolPen=None,
            )
            plot.addItem(line)
            key.addItem(line, name)
        plot.setYRange(0, 118, padding=0)

    def describe_rest(self, x: float, y: float) -> tuple[float, float, str] | None:
        index = nearest([r.x for r in self._rests], x, within=DAY_S)
        if index is None:
            return None
        rest = self._rests[index]
        minutes, seconds = divmod(round(rest.minutes * 60), 60)
        verdict = "inside the window" if rest.inside else "outside the window"
        return rest.x, rest.minutes, f"Rest {minutes}:{seconds:02d} ({verdict})"

    def describe_week(self, x: float, _y: float) -> tuple[float, float, str] | None:
        index = nearest([w.x for w in self._weeks], x, within=4 * DAY_S)
        if index is None:
            return None
        week = self._weeks[index]
        lines = [f"Week of {week.week.start:%d %b %Y}"]
        for field, name in SHARES:
            value = getattr(week, field)
            lines.append(f"{name}: {'–' if value is None else f'{value:.0%}'}")
        top = max((getattr(week, f) or 0) for f, _ in SHARES) * 100
        return week.x, top, "\n".join(lines)
