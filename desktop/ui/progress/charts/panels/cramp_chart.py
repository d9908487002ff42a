"""Is it paying off? Cramp reports after long runs, on the same weeks as the adherence bars."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsView

from desktop.domain.progress.chart_series import CrampMark
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
from desktop.ui.progress.charts.parts.layers import Label, Mark
from desktop.ui.progress.charts.parts.legend import Legend, Swatch
from desktop.ui.progress.charts.parts.palette import ChartPalette
from desktop.ui.progress.charts.parts.plot import DatePlot
from desktop.ui.progress.charts.parts.series import Dots

EMPTY = (
    "No cramp reports yet. After each long run or race, answer three questions: cramped? "
    "where? at what distance? Each answer appears here, on the same weeks as the bars above, "
    "so you can see whether the strength work pays off."
)
CAPTION = (
    "After each long run: no cramp at the bottom, worse cramps higher up, and the km they began."
)
SEVERITY_NAMES = ("none", "mild", "hard", "stopped")


def _symbol(severity: int) -> str:
    return "o" if severity == 0 else "t1"


def _size(severity: int) -> float:
    return 11 + 3 * severity


class CrampChart(ChartPanel):
    """Cramp severity (0–3) per report, coloured from green (none) to red (had to stop)."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, "Is it paying off?", caption=CAPTION, empty_text=EMPTY)
        # The same right margin as the adherence chart above, so that dates line up.
        self.plot = DatePlot(y_label="Cramp", y_ticks=list(enumerate(SEVERITY_NAMES)), right=True)
        self.plot.getAxis("right").set_ticks([])
        self.legend = Legend(columns=4)
        self.body.add(self.plot, stretch=1)
        self.body.add(self.legend)
        self.plot.setYRange(-0.6, 3.9)
        self.readout = Readout(self.plot, self.describe, view.scene())
        self._marks: tuple[CrampMark, ...] = ()

    def show_data(self, data: ProgressData, palette: ChartPalette) -> None:
        self._marks = data.cramps
        self.set_empty(not data.cramps)
        if not data.cramps:
            return
        spans = [w.week for w in data.weeks]
        marks: list[Mark] = []
        for severity, colour in enumerate(palette.severity):
            own = [m for m in data.cramps if m.severity == severity]
            xs, ys = [m.x for m in own], [m.severity for m in own]
            style = {"symbol": _symbol(severity), "size": _size(severity)}
            marks.append(Dots.at(xs, ys, colour, edge=palette.background, **style))
        self.plot.data.set_marks(marks)
        self.plot.backdrop.set_marks(
            phase_marks(spans, palette) if spans else [], grid_colour=palette.grid
        )
        labels: list[Mark] = [
            Label(m.x, m.severity - 0.12, m.short, palette.muted, anchor=(0.3, 0))
            for m in data.cramps
            if m.short
        ]
        self.plot.overlay.set_marks(
            today_and_race(today=data.today, race=data.race_date, palette=palette, labels=False)
            + labels
        )
        self.legend.set_entries(
            [
                Swatch(
                    name.capitalize() if severity else "No cramp",
                    "symbol",
                    palette.severity[severity],
                    symbol=_symbol(severity),
                    size=_size(severity),
                    symbol_edge=palette.background,
                )
                for severity, name in enumerate(SEVERITY_NAMES)
            ],
            text=palette.foreground,
        )
        style_plot(self.plot, palette)
        first, last = data.cramps[0].x - 7 * DAY_S, data.cramps[-1].x + 7 * DAY_S
        xs = [m.x for m in data.cramps]
        self.plot.setXRange(*(timeline(spans, xs) if spans else (first, last)), padding=0.01)
        self.readout.attach(palette)

    def describe(self, x: float, _y: float) -> tuple[float, float, str] | None:
        index = nearest([m.x for m in self._marks], x, within=3 * DAY_S)
        if index is None:
            return None
        mark = self._marks[index]
        week = f" · build-up week {mark.week}" if mark.week else ""
        return mark.x, float(mark.severity), f"{mark.day:%a %d %b %Y}{week}\n{mark.label}"
