"""Am I doing the build-up? Planned double days (outline) against done (filled), per week."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsView

from desktop.domain.progress.adherence import WeekAdherence
from desktop.domain.progress.chart_series import week_middle_seconds
from desktop.progress.series import ProgressData
from desktop.ui.progress.charts.panels.base import (
    DAY_S,
    PHASE_NAMES,
    phase_marks,
    style_plot,
    timeline,
    today_and_race,
    week_at,
)
from desktop.ui.progress.charts.panels.panel import ChartPanel
from desktop.ui.progress.charts.parts.hover import Readout
from desktop.ui.progress.charts.parts.layers import Label, Mark
from desktop.ui.progress.charts.parts.legend import Legend, Swatch
from desktop.ui.progress.charts.parts.palette import ChartPalette
from desktop.ui.progress.charts.parts.plot import DatePlot
from desktop.ui.progress.charts.parts.series import Bars, Dots, Line

EMPTY = (
    "No build-up yet. Set up your build-up (race date and running days) and this chart shows "
    "one bar per week, counted down to race day: the outline is what is planned, the fill what "
    "you did, green from 80%, yellow from 50%, red below."
)
# One line at 1366 px: the legend names the adherence line.
CAPTION = (
    "Double days a week (numbers: weeks to race day). Outline planned, fill done "
    "(half = one session)."
)
FULL_SCALE = 2.0  # 100 % on the right axis sits at two double days
BAR_WIDTH_S = 5.2 * DAY_S
Y_RANGE = (-0.45, 2.75)
DASH = Qt.PenStyle.DashLine
MIN_HEIGHT = 78.0  # three labels a unit apart, and the title "Double days" beside them


class AdherenceChart(ChartPanel):
    """One bar group per build-up week with the cumulative adherence line over it."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, "Am I doing the build-up?", caption=CAPTION, empty_text=EMPTY)
        self.plot = DatePlot(
            y_label="Double days",
            y_ticks=[(0, "0"), (1, "1"), (2, "2")],
            right=True,
            min_height=MIN_HEIGHT,
        )
        right = self.plot.getAxis("right")
        right.set_ticks([(FULL_SCALE * p / 100, f"{p}%") for p in (0, 25, 50, 75, 100)])
        right.set_title("Adherence")  # the legend says whose: the build-up's
        self.legend = Legend(columns=3)
        self.body.add(self.plot, stretch=1)
        self.body.add(self.legend)
        self.plot.setYRange(*Y_RANGE)
        self.readout = Readout(self.plot, self.describe, view.scene())
        self._weeks: tuple[WeekAdherence, ...] = ()

    def show_data(self, data: ProgressData, palette: ChartPalette) -> None:
        self._weeks = data.weeks
        self.set_empty(not data.weeks)
        if not data.weeks:
            return
        spans = [w.week for w in data.weeks]
        xs = [week_middle_seconds(w.week) for w in data.weeks]
        self.plot.data.set_marks(self._bars(xs, palette) + self._cumulative(xs, palette))
        self.plot.backdrop.set_marks(
            phase_marks(spans, palette, label_y=Y_RANGE[1]), grid_colour=palette.grid
        )
        self.plot.overlay.set_marks(
            today_and_race(today=data.today, race=data.race_date, palette=palette, labels=True)
            + self._numbers(xs, palette)
        )
        self.legend.set_entries(self._legend(palette), text=palette.foreground)
        style_plot(self.plot, palette)
        self.plot.setXRange(*timeline(spans, [c.x for c in data.cramps]), padding=0.01)
        self.readout.attach(palette)

    def _bars(self, xs: list[float], palette: ChartPalette) -> list[Mark]:
        """Done (filled, in the week's colour) inside planned (outlined, dashed if to come)."""
        weeks = self._weeks
        return [
            Bars(
                xs,
                [w.done for w in weeks],
                BAR_WIDTH_S * 0.84,
                fills=[palette.compliance(w.colour) for w in weeks],
                edges=[None] * len(weeks),
            ),
            Bars(
                xs,
                [float(w.planned) for w in weeks],
                BAR_WIDTH_S,
                fills=[None] * len(weeks),
                edges=[_planned_edge(w, palette) for w in weeks],
            ),
        ]

    def _cumulative(self, xs: list[float], palette: ChartPalette) -> list[Mark]:
        points = [
            (x, w.cumulative * FULL_SCALE)
            for x, w in zip(xs, self._weeks, strict=True)
            if w.cumulative is not None
        ]
        line_x, line_y = [p[0] for p in points], [p[1] for p in points]
        return [
            Line.through(line_x, line_y, palette.load, width=3),
            Dots.at(line_x, line_y, palette.load, size=7, edge=palette.background),
        ]

    def _numbers(self, xs: list[float], palette: ChartPalette) -> list[Mark]:
        """Weeks to race day under each bar (the build-up counts down), extra sessions over it."""
        marks: list[Mark] = []
        for x, week in zip(xs, self._weeks, strict=True):
            marks.append(Label(x, -0.04, str(week.week.weeks_out), palette.muted, bold=True))
            if week.extra:
                top = max(week.planned, week.done) + 0.02
                marks.append(Label(x, top, f"+{week.extra}", palette.muted, anchor=(0.5, 1)))
        return marks

    def _legend(self, palette: ChartPalette) -> list[Swatch]:
        entries = [
            Swatch("Planned", "box", palette.foreground),
            Swatch("Done ≥ 80%", "box", palette.green, fill=palette.green),
            Swatch("50–79%", "box", palette.yellow, fill=palette.yellow),
            Swatch("Under 50%", "box", palette.red, fill=palette.red),
            Swatch("Coming up", "box", palette.grey, style=DASH),
        ]
        if any(w.cumulative is not None for w in self._weeks):
            entries.append(
                Swatch(
                    "Build-up adherence",
                    "line",
                    palette.load,
                    width=3,
                    symbol="o",
                    symbol_edge=palette.background,
                )
            )
        return entries

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


def _planned_edge(week: WeekAdherence, palette: ChartPalette) -> tuple[str, bool]:
    """To come: dashed grey. Due and missed outright (nothing to fill in the week's red): the
    outline itself in red, so a missed week never reads as one merely planned."""
    if week.state == "future":
        return palette.grey, True
    if week.settled and not week.done:
        return palette.red, False
    return palette.foreground, False
