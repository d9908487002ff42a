"""Am I getting stronger? Top-set load and estimated 1RM of one heavy lift, session by session."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGraphicsView

from desktop.domain.buildup.model import Units
from desktop.domain.progress.chart_series import StrengthPoint
from desktop.progress.series import ExerciseChoice
from desktop.ui.progress.charts.panels.base import DAY_S, nearest, style_plot
from desktop.ui.progress.charts.panels.panel import ChartPanel
from desktop.ui.progress.charts.parts.hover import Readout
from desktop.ui.progress.charts.parts.legend import Legend, Swatch
from desktop.ui.progress.charts.parts.palette import ChartPalette
from desktop.ui.progress.charts.parts.plot import DatePlot
from desktop.ui.progress.charts.parts.series import Dots, Line

EMPTY = (
    "No heavy sets yet. After your first heavy session, each lift's top set (the heaviest "
    "set) and its estimated one-rep max appear here, one point per session, so you can see "
    "the loads climb."
)
CAPTION = "Heaviest work set per session, and the one-rep max it suggests (Epley)."
MIN_SPAN_DAYS = 100


class StrengthChart(ChartPanel):
    """The chosen lift's progress; `exercise_chosen(id)` when the athlete picks another lift."""

    exercise_chosen = Signal(int)

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, "Am I getting stronger?", caption=CAPTION, empty_text=EMPTY)
        self.chooser = QComboBox()
        self.chooser.setToolTip("Which lift to show")
        self.chooser.setMinimumContentsLength(14)
        self.put_beside_title(self.chooser)
        self.chooser.currentIndexChanged.connect(self._on_chooser_index_changed)
        self.plot = DatePlot(y_label="Load (kg)")
        self.legend = Legend(columns=2)
        self.body.add(self.plot, stretch=1)
        self.body.add(self.legend)
        self.readout = Readout(self.plot, self.describe, view.scene())
        self._points: tuple[StrengthPoint, ...] = ()
        self._units: Units = "kg"

    def set_choices(self, choices: Sequence[ExerciseChoice], *, keep: int | None = None) -> None:
        """Fill the lift chooser (squat first when there is one) without emitting a choice."""
        ordered = sorted(choices, key=lambda c: (c.key.find("squat") < 0, c.name))
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for choice in ordered:
            self.chooser.addItem(choice.name, choice.id)
        index = self.chooser.findData(keep) if keep is not None else -1
        self.chooser.setCurrentIndex(max(index, 0) if ordered else -1)
        self.chooser.blockSignals(False)
        self.chooser.setEnabled(bool(ordered))

    def current_exercise(self) -> int | None:
        data = self.chooser.currentData()
        return int(data) if data is not None else None

    def show_points(
        self,
        points: Sequence[StrengthPoint],
        *,
        units: Units,
        palette: ChartPalette,
        span: tuple[float, float] | None = None,
    ) -> None:
        """Draw the lift's points; the x range covers at least `span` (the build-up) and
        100 days, so the date axis reads the same as the charts beside it."""
        self._points = tuple(points)
        self._units = units
        self.set_empty(not points)
        if not points:
            return
        xs = [p.x for p in points]
        loads, estimates = [p.load for p in points], [p.e1rm for p in points]
        dashed = Qt.PenStyle.DashLine
        self.plot.data.set_marks(
            [
                Line.through(xs, estimates, palette.estimate, width=2, style=dashed),
                Dots.at(xs, estimates, palette.estimate, symbol="d", size=7, edge=palette.estimate),
                Line.through(xs, loads, palette.load, width=3),
                Dots.at(xs, loads, palette.load, size=8, edge=palette.background),
            ]
        )
        self.legend.set_entries(
            [
                Swatch(
                    "Estimated 1RM (Epley)",
                    "line",
                    palette.estimate,
                    width=2,
                    style=Qt.PenStyle.DashLine,
                    symbol="d",
                    symbol_edge=palette.estimate,
                ),
                Swatch(
                    "Top set",
                    "line",
                    palette.load,
                    width=3,
                    symbol="o",
                    size=8,
                    symbol_edge=palette.background,
                ),
            ],
            text=palette.foreground,
        )
        self.plot.getAxis("left").set_title(f"Load ({units})")
        low = min(p.load for p in points)
        high = max(p.e1rm for p in points)
        margin = max(2.5, (high - low) * 0.15)
        self.plot.setYRange(max(0.0, low - margin), high + margin * 1.8)
        first, last = xs[0] - 4 * DAY_S, xs[-1] + 4 * DAY_S
        if span is not None:
            first, last = min(first, span[0]), max(last, span[1])
        first = min(first, last - MIN_SPAN_DAYS * DAY_S)
        self.plot.setXRange(first, last)
        self.plot.backdrop.set_marks((), grid_colour=palette.grid)
        style_plot(self.plot, palette)
        self.readout.attach(palette)

    def describe(self, x: float, _y: float) -> tuple[float, float, str] | None:
        index = nearest([p.x for p in self._points], x, within=10 * DAY_S)
        if index is None:
            return None
        point = self._points[index]
        unit = self._units
        text = (
            f"{point.day:%a %d %b %Y} · {self.chooser.currentText()}\n"
            f"Top set {point.load:.1f} {unit} × {point.reps}\n"
            f"Estimated 1RM {point.e1rm:.1f} {unit}"
        )
        return point.x, point.load, text

    def _on_chooser_index_changed(self, _index: int) -> None:
        exercise = self.current_exercise()
        if exercise is not None:
            self.exercise_chosen.emit(exercise)
