"""A chart of marks on the build-up's weeks, under the adherence bars: what the cramp chart and
the late-run chart share, written once.

One date plot whose empty right axis keeps the plot area as wide as the adherence chart's (its
right axis holds the percentages), so that a day sits at the same x in all three; a legend under
it; the read-out of the mark under the pointer; the build-up's phases behind the marks, today
and race day over them; the time line every build-up chart shares. A chart redraws only when
what it draws changed: every change to the log redraws the screen, and most touch one chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from PySide6.QtWidgets import QGraphicsView

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
from desktop.ui.progress.charts.parts.axes import Ticks
from desktop.ui.progress.charts.parts.hover import Readout
from desktop.ui.progress.charts.parts.layers import Mark
from desktop.ui.progress.charts.parts.legend import Legend
from desktop.ui.progress.charts.parts.mark_labels import MarkLabel, Obstacle
from desktop.ui.progress.charts.parts.palette import ChartPalette
from desktop.ui.progress.charts.parts.plot import DatePlot

READ_OUT_REACH_S = 3 * DAY_S  # the pointer reads out a mark this close to it


class WeekMark(Protocol):
    """A mark on the week axis: a cramp report, a long run."""

    @property
    def x(self) -> float: ...
    @property
    def day(self) -> date: ...
    @property
    def week(self) -> int | None: ...
    @property
    def label(self) -> str: ...


class WeekChart(ChartPanel):
    """Subclasses say what they draw from the data (`drawn_from`), draw it (`draw`, ending
    with `draw_weeks`) and at what height the read-out points at a mark (`read_out_y`)."""

    def __init__(
        self,
        view: QGraphicsView,
        title: str,
        *,
        caption: str,
        empty_text: str,
        y_label: str,
        y_ticks: Ticks | None = None,
    ) -> None:
        super().__init__(view, title, caption=caption, empty_text=empty_text)
        self.plot = DatePlot(y_label=y_label, y_ticks=y_ticks, right=True)
        self.plot.getAxis("right").set_ticks([])
        self.legend = Legend(columns=4)
        self.body.add(self.plot, stretch=1)
        self.body.add(self.legend)
        self.readout = Readout(self.plot, self.describe, view.scene())
        self._marks: tuple[WeekMark, ...] = ()
        self._drawn: tuple[object, ...] | None = None

    def show_data(self, data: ProgressData, palette: ChartPalette) -> None:
        """Draw the chart; not again when nothing it draws changed since the last time."""
        weeks = tuple(w.week for w in data.weeks)
        drawn = (self.drawn_from(data), weeks, data.today, data.race_date, palette)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        self.draw(data, palette)

    def drawn_from(self, data: ProgressData) -> object:
        """The part of `data` this chart draws (compared with ==), besides the weeks, today,
        race day and the palette."""
        raise NotImplementedError

    def draw(self, data: ProgressData, palette: ChartPalette) -> None:
        raise NotImplementedError

    def read_out_y(self, mark: WeekMark) -> float:
        raise NotImplementedError

    def show_marks(self, marks: Sequence[WeekMark]) -> bool:
        """Keep `marks` for the read-out, and show the empty state when there are none; True
        when there is something to draw."""
        self._marks = tuple(marks)
        self.set_empty(not self._marks)
        return bool(self._marks)

    def draw_weeks(
        self,
        data: ProgressData,
        palette: ChartPalette,
        *,
        behind: Sequence[Mark] = (),
        over: Sequence[Mark | MarkLabel] = (),
        avoid: Sequence[Obstacle] = (),
    ) -> None:
        """The phases (and `behind`) under the marks, today, race day (and `over`, its marker
        labels clear of `avoid`) above them, the axes in the palette's colours, the shared time
        line, the read-out's colours."""
        spans = [w.week for w in data.weeks]
        phases = phase_marks(spans, palette) if spans else []
        self.plot.backdrop.set_marks([*phases, *behind], grid_colour=palette.grid)
        rules = today_and_race(today=data.today, race=data.race_date, palette=palette, labels=False)
        self.plot.overlay.set_marks([*rules, *over], avoid=avoid)
        style_plot(self.plot, palette)
        xs = [m.x for m in self._marks]
        own = (xs[0] - 7 * DAY_S, xs[-1] + 7 * DAY_S)
        self.plot.setXRange(*(timeline(spans, xs) if spans else own), padding=0.01)
        self.readout.attach(palette)

    def describe(self, x: float, _y: float) -> tuple[float, float, str] | None:
        """The mark nearest the pointer: its day, its build-up week and what it says."""
        index = nearest([m.x for m in self._marks], x, within=READ_OUT_REACH_S)
        if index is None:
            return None
        mark = self._marks[index]
        week = f" · build-up week {mark.week}" if mark.week else ""
        text = f"{mark.day:%a %d %b %Y}{week}\n{mark.label}"
        return mark.x, self.read_out_y(mark), text
