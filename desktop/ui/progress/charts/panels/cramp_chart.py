"""Is it paying off? Cramp reports after long runs, on the same weeks as the adherence bars."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsView

from desktop.domain.progress.chart_series import CrampMark
from desktop.progress.series import ProgressData
from desktop.ui.progress.charts.panels.week_chart import WeekChart, WeekMark
from desktop.ui.progress.charts.parts.layers import Mark
from desktop.ui.progress.charts.parts.legend import Swatch
from desktop.ui.progress.charts.parts.mark_labels import MarkLabel
from desktop.ui.progress.charts.parts.palette import ChartPalette
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


class CrampChart(WeekChart):
    """Cramp severity (0–3) per report, coloured from green (none) to red (had to stop)."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(
            view,
            "Is it paying off?",
            caption=CAPTION,
            empty_text=EMPTY,
            y_label="Cramp",
            y_ticks=list(enumerate(SEVERITY_NAMES)),
        )
        self.plot.setYRange(-0.6, 3.9)

    def drawn_from(self, data: ProgressData) -> object:
        return data.cramps

    def draw(self, data: ProgressData, palette: ChartPalette) -> None:
        if not self.show_marks(data.cramps):
            return
        marks: list[Dots] = []
        for severity, colour in enumerate(palette.severity):
            own = [m for m in data.cramps if m.severity == severity]
            xs, ys = [m.x for m in own], [m.severity for m in own]
            style = {"symbol": _symbol(severity), "size": _size(severity)}
            marks.append(Dots.at(xs, ys, colour, edge=palette.background, **style))
        self.plot.data.set_marks(marks)
        # Beside each marker, clear of all of them; the worst cramps' km first where room is short.
        worst_first = sorted(data.cramps, key=lambda m: -m.severity)
        labels: list[Mark | MarkLabel] = [
            MarkLabel(m.x, m.severity, m.short, palette.muted, size=_size(m.severity) + 2)
            for m in worst_first
            if m.short
        ]
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
        self.draw_weeks(data, palette, over=labels, avoid=marks)

    def read_out_y(self, mark: WeekMark) -> float:
        assert isinstance(mark, CrampMark)
        return float(mark.severity)
