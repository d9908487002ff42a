"""Do my legs hold late? Pace fade, cadence drop and decoupling per long run, on the weeks of
the adherence bars and cramp reports, hilly runs shaded; the headline says it in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsView

from desktop.progress.late_runs import LongRunMark
from desktop.progress.series import ProgressData
from desktop.ui.progress.charts.panels.base import (
    DAY_S,
    nearest,
    phase_marks,
    style_plot,
    timeline,
    today_and_race,
)
from desktop.ui.progress.charts.panels.panel import ChartPanel
from desktop.ui.progress.charts.parts.hover import Readout
from desktop.ui.progress.charts.parts.layers import Label, Mark, Shade
from desktop.ui.progress.charts.parts.legend import Legend, Swatch
from desktop.ui.progress.charts.parts.palette import ChartPalette
from desktop.ui.progress.charts.parts.plot import DatePlot
from desktop.ui.progress.charts.parts.series import Dots, Line

TITLE = "Do my legs hold late?"
NO_RUNS = (
    "No runs from your watch yet. Import them with File → Import runs… (or point "
    "'cramproof runs import' at your watch's GARMIN/Activity folder). Each long run of an hour "
    "or more then shows here: how your pace, cadence and heart rate held in its last part."
)
NO_LONG_RUNS = (
    "None of your imported runs in these weeks lasted an hour of moving time. Import your long "
    "runs (File → Import runs…): each one of an hour or more shows here, with how your pace, "
    "cadence and heart rate held in its last part."
)
CAPTION = "Each long run: how much you slipped late. Lower is better; 0 is no slip at all."
# The field of LongRunMark, the legend's name, the symbol and the line style of each figure.
FIGURES = (
    ("pace_fade_pct", "Pace fade (%)", "o", Qt.PenStyle.SolidLine),
    ("cadence_drop_spm", "Cadence drop (spm)", "s", Qt.PenStyle.DashLine),
    ("decoupling_pct", "Decoupling (%)", "d", Qt.PenStyle.DotLine),
)
SYMBOL_SIZE = 12.0
LINE_WIDTH = 2.5
HILLY_HALF_WIDTH_S = 1.5 * DAY_S


def figure_values(marks: tuple[LongRunMark, ...], field: str) -> list[tuple[float, float]]:
    """(x, value) of each long run that has this figure."""
    found = [(m.x, getattr(m, field)) for m in marks]
    return [(x, value) for x, value in found if value is not None]


class LateRunChart(ChartPanel):
    """The three late-run figures per long run, one line and symbol each, on one time axis."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, TITLE, caption=CAPTION, empty_text=NO_RUNS)
        # The same right margin as the charts above, so that dates line up.
        self.plot = DatePlot(y_label="Slip late", right=True)
        self.plot.getAxis("right").set_ticks([])
        self.legend = Legend(columns=4)
        self.body.add(self.plot, stretch=1)
        self.body.add(self.legend)
        self.readout = Readout(self.plot, self.describe, view.scene())
        self._marks: tuple[LongRunMark, ...] = ()

    def show_data(self, data: ProgressData, palette: ChartPalette) -> None:
        late = data.late_runs
        self._marks = late.marks
        self.heading.set_caption(late.headline or CAPTION)
        self.body.empty_text = NO_LONG_RUNS if late.any_runs else NO_RUNS
        self.set_empty(not late.marks)
        if not late.marks:
            return
        series: list[Mark] = []
        values: list[float] = [0.0]
        for (field, _, symbol, style), colour in zip(FIGURES, palette.quality, strict=True):
            points = figure_values(late.marks, field)
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            values.extend(ys)
            series.append(Line.through(xs, ys, colour, width=LINE_WIDTH, style=style))
            series.append(
                Dots.at(xs, ys, colour, symbol=symbol, size=SYMBOL_SIZE, edge=palette.background)
            )
        self.plot.data.set_marks(series)
        low, high = min(values), max(values)
        top = high + max(1.0, (high - low) * 0.25)
        self.plot.setYRange(min(low, 0.0) - 0.5, top)
        spans = [w.week for w in data.weeks]
        hilly = [m for m in late.marks if m.hilly]
        shades: list[Mark] = [
            Shade(m.x - HILLY_HALF_WIDTH_S, m.x + HILLY_HALF_WIDTH_S, palette.grey, opacity=0.3)
            for m in hilly
        ]
        self.plot.backdrop.set_marks(
            (phase_marks(spans, palette) if spans else []) + shades, grid_colour=palette.grid
        )
        labels: list[Mark] = [Label(m.x, top, "hilly", palette.muted) for m in hilly]
        rules = today_and_race(today=data.today, race=data.race_date, palette=palette, labels=False)
        self.plot.overlay.set_marks(rules + labels)
        self.legend.set_entries(self._legend(palette, bool(hilly)), text=palette.foreground)
        style_plot(self.plot, palette)
        xs = [m.x for m in late.marks]
        first, last = xs[0] - 7 * DAY_S, xs[-1] + 7 * DAY_S
        self.plot.setXRange(*(timeline(spans, xs) if spans else (first, last)), padding=0.01)
        self.readout.attach(palette)

    def _legend(self, palette: ChartPalette, hilly: bool) -> list[Swatch]:
        entries = [
            Swatch(name, "line", colour, width=LINE_WIDTH, style=style, symbol=symbol, size=9)
            for (_, name, symbol, style), colour in zip(FIGURES, palette.quality, strict=True)
        ]
        if hilly:
            entries.append(Swatch("Hilly run", "box", palette.grey, fill=palette.grid))
        return entries

    def describe(self, x: float, _y: float) -> tuple[float, float, str] | None:
        index = nearest([m.x for m in self._marks], x, within=3 * DAY_S)
        if index is None:
            return None
        mark = self._marks[index]
        week = f" · build-up week {mark.week}" if mark.week else ""
        shown = [v for f, *_ in FIGURES if (v := getattr(mark, f)) is not None]
        return mark.x, max(shown, default=0.0), f"{mark.day:%a %d %b %Y}{week}\n{mark.label}"
