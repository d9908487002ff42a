"""What every chart shares: the palette on axes, the phases of the build-up shaded behind the
data, "today" and race day marked, and finding the mark under the mouse."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date

from desktop.domain.progress.adherence import WeekAdherence, WeekSpan
from desktop.domain.progress.chart_series import noon_seconds
from desktop.ui.progress.charts.parts.layers import Label, Mark, Rule, Shade
from desktop.ui.progress.charts.parts.palette import ChartPalette
from desktop.ui.progress.charts.parts.plot import DatePlot

DAY_S = 86_400.0
PHASE_NAMES = {"phase1": "Phase 1", "phase2": "Phase 2", "taper": "Taper"}


def style_plot(plot: DatePlot, palette: ChartPalette) -> None:
    """Axis lines in the palette's muted colour, tick labels and titles in its foreground."""
    for axis in plot.axes.values():
        axis.set_colours(line=palette.muted, text=palette.foreground)


def week_range(weeks: Sequence[WeekSpan]) -> tuple[float, float]:
    """The x range of a week axis: from the first week's start to the day after the last one."""
    return noon_seconds(weeks[0].start) - DAY_S / 2, noon_seconds(weeks[-1].end) + DAY_S


def timeline(weeks: Sequence[WeekSpan], extra_xs: Sequence[float] = ()) -> tuple[float, float]:
    """The x range every build-up chart shares: the weeks, widened to take in marks dated
    outside them (a cramp report from the week before the build-up began), half a week aside."""
    low, high = week_range(weeks)
    if extra_xs:
        low, high = min(low, min(extra_xs) - 3.5 * DAY_S), max(high, max(extra_xs) + 3.5 * DAY_S)
    return low, high


def phase_marks(
    weeks: Sequence[WeekSpan], palette: ChartPalette, *, label_y: float | None = None
) -> list[Mark]:
    """Phase 1, phase 2 and the taper tinted, and named at `label_y` if given."""
    fills = {"phase1": palette.phase1, "phase2": palette.phase2, "taper": palette.taper}
    runs: list[tuple[str, WeekSpan, WeekSpan]] = []
    for week in weeks:
        if week.phase is None:
            continue
        if runs and runs[-1][0] == week.phase:
            runs[-1] = (week.phase, runs[-1][1], week)
        else:
            runs.append((week.phase, week, week))
    marks: list[Mark] = []
    for phase, first, last in runs:
        start = noon_seconds(first.start) - DAY_S / 2
        end = noon_seconds(last.end) + DAY_S / 2
        marks.append(Shade(start, end, fills[phase]))
        if label_y is not None:
            name = PHASE_NAMES[phase]
            marks.append(Label(start + DAY_S / 3, label_y, name, palette.muted, anchor=(0, 0)))
    return marks


def today_and_race(
    *, today: date, race: date | None, palette: ChartPalette, labels: bool
) -> list[Mark]:
    """A dashed line at today and a solid one at race day, named on a column's first chart."""
    marks: list[Mark] = [
        Rule(noon_seconds(today), palette.today, dashed=True, label="Today" if labels else "")
    ]
    if race is not None:
        label = "Race" if labels else ""
        marks.append(Rule(noon_seconds(race), palette.foreground, label=label, label_left=True))
    return marks


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
