"""Am I doing it right? Each heavy rest against the 3–5 min window, and weekly quality shares."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsView

from desktop.domain.progress.chart_series import RestSeries, WeekQuality
from desktop.progress.series import ProgressData
from desktop.ui.progress.charts.panels.base import (
    DAY_S,
    nearest,
    style_plot,
    timeline,
    today_and_race,
)
from desktop.ui.progress.charts.panels.panel import ChartPanel
from desktop.ui.progress.charts.parts.hover import Readout
from desktop.ui.progress.charts.parts.layers import Shade
from desktop.ui.progress.charts.parts.legend import Legend, Swatch
from desktop.ui.progress.charts.parts.palette import ChartPalette
from desktop.ui.progress.charts.parts.plot import DatePlot
from desktop.ui.progress.charts.parts.series import Dots, Line

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
STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)


class QualityChart(ChartPanel):
    """Two plots on one time axis: rests as dots around the window, shares as weekly lines."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, "Am I doing it right?", caption=CAPTION, empty_text=EMPTY)
        self.rest_plot = DatePlot(y_label="Rest (min)")
        self.share_plot = DatePlot(
            y_label="As prescribed", y_ticks=[(0, "0%"), (50, "50%"), (100, "100%")]
        )
        self.share_plot.setXLink(self.rest_plot)
        self.legend = Legend(columns=3)
        self.body.add(self.rest_plot, stretch=1)
        self.body.add(self.share_plot, stretch=1)
        self.body.add(self.legend)
        self.share_plot.setYRange(0, 118)
        self.rest_readout = Readout(self.rest_plot, self.describe_rest, view.scene())
        self.share_readout = Readout(self.share_plot, self.describe_week, view.scene())
        self._rests = RestSeries()
        self._weeks: tuple[WeekQuality, ...] = ()

    def show_data(self, data: ProgressData, palette: ChartPalette) -> None:
        self._rests = data.rests
        self._weeks = tuple(w for w in data.quality if w.heavy_sets or w.light_sets)
        self.set_empty(not data.rests and not self._weeks)
        if not data.rests and not self._weeks:
            return
        low, high = (s / 60 for s in data.rest_window_s)
        self._draw_rests(data, palette, low, high)
        self._draw_shares(palette)
        self.legend.set_entries(
            [
                Swatch(f"Rest inside {low:g}–{high:g} min", "symbol", palette.green, symbol="o"),
                Swatch(f"Rest outside {low:g}–{high:g} min", "symbol", palette.red, symbol="o"),
            ]
            + [
                Swatch(name, "line", colour, width=2.5, style=style, symbol="o", size=6)
                for (_, name), colour, style in zip(SHARES, palette.quality, STYLES, strict=True)
            ],
            text=palette.foreground,
        )
        rules = today_and_race(today=data.today, race=data.race_date, palette=palette, labels=False)
        for plot in (self.rest_plot, self.share_plot):
            plot.overlay.set_marks(rules)
            style_plot(plot, palette)
        self.share_plot.backdrop.set_marks((), grid_colour=palette.grid)
        spans, cramps = [w.week for w in data.quality], [c.x for c in data.cramps]
        self.rest_plot.setXRange(*timeline(spans, cramps), padding=0.01)
        self.rest_readout.attach(palette)
        self.share_readout.attach(palette)

    def _draw_rests(
        self, data: ProgressData, palette: ChartPalette, low: float, high: float
    ) -> None:
        band = Shade(low, high, palette.band, opacity=0.22, across=True, edge=palette.band)
        self.rest_plot.backdrop.set_marks([band], grid_colour=palette.grid)
        rests = data.rests
        xs, minutes, inside = (np.asarray(c) for c in (rests.xs, rests.minutes, rests.inside))
        inside = inside.astype(bool)
        self.rest_plot.data.set_marks(
            [
                Dots(xs[inside], minutes[inside], palette.green),
                Dots(xs[~inside], minutes[~inside], palette.red),
            ]
        )
        top = max(max(rests.minutes, default=0.0), high + 1)
        self.rest_plot.setYRange(0, min(top, high * 2) + 0.6)

    def _draw_shares(self, palette: ChartPalette) -> None:
        xs = [w.x for w in self._weeks]
        marks = []
        for (field, _), colour, style in zip(SHARES, palette.quality, STYLES, strict=True):
            values = [getattr(w, field) for w in self._weeks]
            points = [(x, v * 100) for x, v in zip(xs, values, strict=True) if v is not None]
            line_x, line_y = [p[0] for p in points], [p[1] for p in points]
            marks.append(Line.through(line_x, line_y, colour, width=2.5, style=style))
            marks.append(Dots.at(line_x, line_y, colour))
        self.share_plot.data.set_marks(marks)

    def describe_rest(self, x: float, y: float) -> tuple[float, float, str] | None:
        index = nearest(self._rests.xs, x, within=DAY_S)
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
