"""Do my legs hold late? Pace fade, cadence drop and decoupling per long run, on the weeks of
the adherence bars and cramp reports, hilly runs shaded; the headline says it in words.

One quantity to an axis: the slips in % (pace fade, decoupling) on the left, the cadence drop in
spm on the right, each with its unit on every label. They used to share one "Slip late" axis,
and a runner could not tell whether a 5 was 5 % or 5 spm.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsView

from desktop.progress.late_runs import LongRunMark
from desktop.progress.series import ProgressData
from desktop.ui.progress.charts.panels.base import DAY_S
from desktop.ui.progress.charts.panels.week_chart import WeekChart, WeekMark
from desktop.ui.progress.charts.parts.layers import Label, Mark, Shade
from desktop.ui.progress.charts.parts.legend import Swatch
from desktop.ui.progress.charts.parts.palette import ChartPalette
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
ON_THE_RIGHT = "cadence_drop_spm"  # the one figure in spm, on the right axis
SYMBOL_SIZE = 12.0
LINE_WIDTH = 2.5
HILLY_HALF_WIDTH_S = 1.5 * DAY_S


def figure_values(marks: tuple[LongRunMark, ...], field: str) -> list[tuple[float, float]]:
    """(x, value) of each long run that has this figure."""
    found = [(m.x, getattr(m, field)) for m in marks]
    return [(x, value) for x, value in found if value is not None]


class LateRunChart(WeekChart):
    """The three late-run figures per long run, one line and symbol each, on one time axis."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, TITLE, caption=CAPTION, empty_text=NO_RUNS, y_label="Slip late")
        self.plot.getAxis("left").set_numbers(unit="%")
        self.plot.getAxis("right").set_title("Cadence drop")
        self.spm_scale = 1.0  # a cadence drop is drawn this many times its spm

    def drawn_from(self, data: ProgressData) -> object:
        return data.late_runs

    def draw(self, data: ProgressData, palette: ChartPalette) -> None:
        late = data.late_runs
        self.heading.set_caption(late.headline or CAPTION)
        self.body.empty_text = NO_LONG_RUNS if late.any_runs else NO_RUNS
        if not self.show_marks(late.marks):
            return
        self.spm_scale = spm_scale(late.marks)
        self.plot.getAxis("right").set_numbers(unit=" spm", scale=self.spm_scale)
        series: list[Mark] = []
        values: list[float] = [0.0]
        for (field, _, symbol, style), colour in zip(FIGURES, palette.quality, strict=True):
            points = self._drawn_values(late.marks, field)
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
        hilly = [m for m in late.marks if m.hilly]
        shades: list[Mark] = [
            Shade(m.x - HILLY_HALF_WIDTH_S, m.x + HILLY_HALF_WIDTH_S, palette.grey, opacity=0.3)
            for m in hilly
        ]
        labels: list[Mark] = [Label(m.x, top, "hilly", palette.muted) for m in hilly]
        self.legend.set_entries(self._legend(palette, bool(hilly)), text=palette.foreground)
        self.draw_weeks(data, palette, behind=shades, over=labels)

    def _legend(self, palette: ChartPalette, hilly: bool) -> list[Swatch]:
        entries = [
            Swatch(name, "line", colour, width=LINE_WIDTH, style=style, symbol=symbol, size=9)
            for (_, name, symbol, style), colour in zip(FIGURES, palette.quality, strict=True)
        ]
        if hilly:
            entries.append(Swatch("Hilly run", "box", palette.grey, fill=palette.grid))
        return entries

    def _drawn_values(
        self, marks: tuple[LongRunMark, ...], field: str
    ) -> list[tuple[float, float]]:
        """(x, height) of each long run that has this figure: the cadence drop scaled to the
        right axis."""
        scale = self.spm_scale if field == ON_THE_RIGHT else 1.0
        return [(x, value * scale) for x, value in figure_values(marks, field)]

    def read_out_y(self, mark: WeekMark) -> float:
        assert isinstance(mark, LongRunMark)
        shown = [y for f, *_ in FIGURES for _x, y in self._drawn_values((mark,), f)]
        return max(shown, default=0.0)


def spm_scale(marks: tuple[LongRunMark, ...]) -> float:
    """How many times its spm a cadence drop is drawn: the largest drop as high as the largest
    slip in %, so that both fill the plot (1 when either is missing)."""
    slips = [v for f in ("pace_fade_pct", "decoupling_pct") for _, v in figure_values(marks, f)]
    drops = [v for _, v in figure_values(marks, ON_THE_RIGHT)]
    top_slip, top_drop = max(slips, default=0.0), max(drops, default=0.0)
    return top_slip / top_drop if top_slip > 0 and top_drop > 0 else 1.0
