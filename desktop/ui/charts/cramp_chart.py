"""Is it paying off? Cramp reports after long runs, on the same weeks as the adherence bars."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# isort: split
import pyqtgraph as pg

from desktop.domain.chart_series import CrampMark
from desktop.progress import ProgressData
from desktop.ui.charts.base import (
    DAY_S,
    RIGHT_AXIS_WIDTH,
    date_plot,
    legend_below,
    mark_today_and_race,
    nearest,
    shade_phases,
    style_plot,
    week_range,
)
from desktop.ui.charts.card import ChartCard
from desktop.ui.charts.hover import Readout
from desktop.ui.charts.palette import ChartPalette

EMPTY = (
    "No cramp reports yet. After each long run or race, answer three questions: cramped? "
    "where? at what distance? Each answer appears here, on the same weeks as the bars above, "
    "so you can see whether the strength work pays off."
)
CAPTION = (
    "After each long run: no cramp at the bottom, worse cramps higher up, and the km they began."
)
SEVERITY_NAMES = ("none", "mild", "hard", "stopped")


class CrampChart(ChartCard):
    """Cramp severity (0–3) per report, coloured from green (none) to red (had to stop)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Is it paying off?", caption=CAPTION, empty_text=EMPTY, parent=parent)
        self.plot = date_plot(self.graphics, y_label="Cramp")
        self.plot.getAxis("left").setTicks([list(enumerate(SEVERITY_NAMES))])
        # The same right margin as the adherence chart above, so that dates line up.
        self.plot.showAxis("right")
        self.plot.getAxis("right").setStyle(showValues=False)
        self.legend = legend_below(self.graphics, row=1, columns=4)
        self.readout = Readout(self.plot, self.describe)
        self._marks: tuple[CrampMark, ...] = ()

    def show_data(self, data: ProgressData, palette: ChartPalette) -> None:
        self.apply_palette(palette)
        plot, key = self.plot, self.legend
        plot.clear()
        key.clear()
        self._marks = data.cramps
        self.set_empty(not data.cramps)
        if not data.cramps:
            return
        key.setLabelTextColor(palette.foreground)
        spans = [w.week for w in data.weeks]
        if spans:
            shade_phases(plot, spans, palette)
            plot.setXRange(*week_range(spans), padding=0.01)
        mark_today_and_race(
            plot, today=data.today, race=data.race_date, palette=palette, labels=False
        )
        for severity, name in enumerate(SEVERITY_NAMES):
            own = [m for m in data.cramps if m.severity == severity]
            scatter = pg.ScatterPlotItem(
                [m.x for m in own],
                [m.severity for m in own],
                size=11 + 3 * severity,
                symbol="o" if severity == 0 else "t1",
                brush=pg.mkBrush(palette.severity[severity]),
                pen=pg.mkPen(palette.background, width=1),
            )
            plot.addItem(scatter)
            key.addItem(scatter, name.capitalize() if severity else "No cramp")
        for mark in data.cramps:
            if mark.short:
                text = pg.TextItem(mark.short, color=palette.muted, anchor=(0.3, 0))
                text.setPos(mark.x, mark.severity - 0.12)
                plot.addItem(text)
        plot.setYRange(-0.6, 3.9, padding=0)
        style_plot(plot, palette)
        plot.getAxis("right").setWidth(RIGHT_AXIS_WIDTH)
        self.readout.attach(palette)

    def describe(self, x: float, _y: float) -> tuple[float, float, str] | None:
        index = nearest([m.x for m in self._marks], x, within=3 * DAY_S)
        if index is None:
            return None
        mark = self._marks[index]
        week = f" · build-up week {mark.week}" if mark.week else ""
        return mark.x, float(mark.severity), f"{mark.day:%a %d %b %Y}{week}\n{mark.label}"
