"""Hover read-outs: the exact values of the point under the mouse, in a box that follows it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene

# isort: split
import pyqtgraph as pg

from desktop.ui.common.pyqtgraph_compat import style_text_box
from desktop.ui.progress.charts.parts.palette import ChartPalette
from desktop.ui.progress.charts.parts.plot import DatePlot

# describe(x, y) -> (x, y, text) of the point to read out, or None when nothing is near.
Describe = Callable[[float, float], tuple[float, float, str] | None]


class Readout:
    """Follows the mouse over one plot and shows what `describe` says about the nearest point.

    The box and its line are built on the first hover (most openings of the screen never
    need them) and live over the plot area, above every mark drawn there.
    """

    def __init__(self, plot: DatePlot, describe: Describe, scene: QGraphicsScene) -> None:
        self._plot = plot
        self._describe = describe
        self._palette: ChartPalette | None = None
        self.text: pg.TextItem | None = None
        self.line: QGraphicsLineItem | None = None
        scene.sigMouseMoved.connect(self._on_scene_mouse_moved)

    def attach(self, palette: ChartPalette) -> None:
        """Use the palette's colours from now on; hidden until hovered."""
        self._palette = palette
        if self.text is not None:
            self._style(palette)
        self.hide()

    def show_at(self, x: float, y: float) -> str | None:
        """Read out the point nearest (x, y) in data coordinates; returns the text shown."""
        found = self._describe(x, y)
        if found is None or self._palette is None:
            self.hide()
            return None
        px, py, text = found
        view = self._plot.getViewBox()
        if self.text is None or self.line is None:
            self.text = pg.TextItem("")
            self.line = QGraphicsLineItem()
            for item, z in ((self.line, 90), (self.text, 100)):
                item.setParentItem(view)
                item.setZValue(z)
            self._style(self._palette)
        (left, right), (bottom, top) = view.viewRange()
        right_half = px > (left + right) / 2
        upper_half = py > (bottom + top) / 2
        self.text.setAnchor((1.0 if right_half else 0.0, 0.0 if upper_half else 1.0))
        self.text.setText(text)
        point = view.mapFromView(QPointF(px, py))
        self.text.setPos(point)
        area = view.rect()
        self.line.setLine(QLineF(point.x(), area.top(), point.x(), area.bottom()))
        self.text.show()
        self.line.show()
        return text

    def hide(self) -> None:
        if self.text is not None and self.line is not None:
            self.text.hide()
            self.line.hide()

    def _style(self, palette: ChartPalette) -> None:
        assert self.text is not None and self.line is not None
        fill = QColor(palette.background)
        fill.setAlphaF(0.92)
        self.text.setColor(palette.foreground)
        style_text_box(self.text, fill=pg.mkBrush(fill), border=pg.mkPen(palette.muted))
        pen = QPen(QColor(palette.muted), 1, Qt.PenStyle.DotLine)
        pen.setCosmetic(True)
        self.line.setPen(pen)

    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        view = self._plot.getViewBox()
        if not view.sceneBoundingRect().contains(position):
            self.hide()
            return
        point = view.mapSceneToView(position)
        self.show_at(point.x(), point.y())
