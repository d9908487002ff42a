"""A light date plot: a view box with dates below and values left (and right), nothing more.

pyqtgraph's PlotItem builds two option menus full of widgets, a title, auto-scale buttons and
four axes for every plot; the Progress screen's five plots cost more to build than twice the
empty plot it is measured against. The charts use none of it, so this builds only what is
drawn. The view box's right-click menu (view all, axes, export) is kept, built on the first
right-click.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsGridLayout, QGraphicsWidget, QMenu, QSizePolicy

# isort: split
import pyqtgraph as pg

from desktop.ui.common.pyqtgraph_compat import allow_menu_later, view_box_menu
from desktop.ui.progress.charts.parts.axes import Axis, DateAxis, Ticks
from desktop.ui.progress.charts.parts.layers import Fonts, Layer

# The plot area is never shorter: four named levels (the cramp chart's none to stopped) stand
# a label's height apart on it, and an axis title of a dozen letters fits beside it. The Progress
# screen scrolls when the window is too short for every chart at this height.
MIN_PLOT_HEIGHT = 84.0
RIGHT_AXIS_WIDTH = 72.0  # "10 spm" and a title beside it


class ChartViewBox(pg.ViewBox):
    """A ViewBox whose context menu is built when first asked for, not with the box, and whose
    "View All" goes back to the range the chart chose (the data are painted, not items that
    the box could measure)."""

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        allow_menu_later(self)
        self.home: dict[int, tuple[float, float, float]] = {}

    def getMenu(self, ev: object) -> QMenu:
        return view_box_menu(self)

    def getContextMenus(self, event: object) -> list:
        return self.getMenu(event).actions()

    def autoRange(self, *_: object, **__: object) -> None:
        for axis, (low, high, margin) in self.home.items():
            if axis == 0:
                self.setXRange(low, high, padding=margin)
            else:
                self.setYRange(low, high, padding=margin)


class DatePlot(QGraphicsWidget):
    """x is Unix seconds shown as dates; the left axis shows `y_ticks` if given (else round
    numbers), and a right axis (`right=True`) keeps the plot area as wide as a neighbour that
    has one. The plot area is at least `min_height` tall.

    Three layers paint the plot area: `backdrop` (tints, and grid lines at the left axis'
    values), `data` over it and `overlay` (rules and labels) on top.
    """

    def __init__(
        self,
        *,
        y_label: str = "",
        y_ticks: Ticks | None = None,
        right: bool = False,
        min_height: float = MIN_PLOT_HEIGHT,
    ) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.vb = ChartViewBox()
        self.vb.setMinimumHeight(min_height)
        self.vb.setMouseEnabled(x=True, y=False)
        self.axes: dict[str, Axis] = {
            "left": Axis(self.vb, "left", ticks=y_ticks, title=y_label),
            "bottom": DateAxis(self.vb),
        }
        grid = QGraphicsGridLayout()
        grid.setContentsMargins(1, 1, 1, 1)
        grid.setSpacing(0)
        grid.addItem(self.vb, 0, 1)
        grid.addItem(self.axes["left"], 0, 0)
        grid.addItem(self.axes["bottom"], 1, 1)
        if right:
            self.axes["right"] = Axis(self.vb, "right", width=RIGHT_AXIS_WIDTH)
            grid.addItem(self.axes["right"], 0, 2)
        grid.setColumnStretchFactor(1, 100)
        grid.setRowStretchFactor(0, 100)
        self.setLayout(grid)
        fonts = Fonts.default()
        self.backdrop = Layer(self.vb, z=-100, fonts=fonts, grid=self.y_grid)
        self.data = Layer(self.vb, z=0, fonts=fonts)
        self.overlay = Layer(self.vb, z=50, fonts=fonts)

    def y_grid(self) -> list[float]:
        """The values the left axis labels: where the grid lines go."""
        return [value for value, _ in self.axes["left"].ticks()]

    def getViewBox(self) -> pg.ViewBox:
        return self.vb

    def getAxis(self, name: str) -> Axis:
        return self.axes[name]

    def setXRange(self, low: float, high: float, *, padding: float = 0.0) -> None:
        self.vb.home[0] = (low, high, padding)
        self.vb.setXRange(low, high, padding=padding)

    def setYRange(self, low: float, high: float, *, padding: float = 0.0) -> None:
        self.vb.home[1] = (low, high, padding)
        self.vb.setYRange(low, high, padding=padding)

    def setXLink(self, other: DatePlot | None) -> None:
        self.vb.setXLink(other.vb if other is not None else None)
