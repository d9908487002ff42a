"""Hover read-outs: the exact values of the point under the mouse, in a box that follows it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

# isort: split
import pyqtgraph as pg

from desktop.ui.charts.palette import ChartPalette

# describe(x, y) -> (x, y, text) of the point to read out, or None when nothing is near.
Describe = Callable[[float, float], tuple[float, float, str] | None]


class Readout:
    """Follows the mouse over one plot and shows what `describe` says about the nearest point."""

    def __init__(self, plot: pg.PlotItem, describe: Describe) -> None:
        self._plot = plot
        self._describe = describe
        self.text = pg.TextItem("")
        self.text.setZValue(100)
        self.line = pg.InfiniteLine(angle=90)
        self.line.setZValue(90)
        plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def attach(self, palette: ChartPalette) -> None:
        """Put the read-out (back) on its plot in the palette's colours, hidden until hovered."""
        fill = QColor(palette.background)
        fill.setAlphaF(0.92)
        self.text.setColor(palette.foreground)
        self.text.fill = pg.mkBrush(fill)
        self.text.border = pg.mkPen(palette.muted)
        self.line.setPen(pg.mkPen(palette.muted, width=1, style=Qt.PenStyle.DotLine))
        for item in (self.text, self.line):
            item.hide()
            if item.scene() is None:
                self._plot.addItem(item, ignoreBounds=True)

    def show_at(self, x: float, y: float) -> str | None:
        """Read out the point nearest (x, y) in data coordinates; returns the text shown."""
        found = self._describe(x, y)
        if found is None:
            self.hide()
            return None
        px, py, text = found
        (left, right), (bottom, top) = self._plot.getViewBox().viewRange()
        right_half = px > (left + right) / 2
        upper_half = py > (bottom + top) / 2
        self.text.setAnchor((1.0 if right_half else 0.0, 0.0 if upper_half else 1.0))
        self.text.setText(text)
        self.text.setPos(px, py)
        self.line.setPos(px)
        self.text.show()
        self.line.show()
        return text

    def hide(self) -> None:
        self.text.hide()
        self.line.hide()

    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        if not self._plot.sceneBoundingRect().contains(position):
            self.hide()
            return
        point = self._plot.getViewBox().mapSceneToView(position)
        self.show_at(point.x(), point.y())
