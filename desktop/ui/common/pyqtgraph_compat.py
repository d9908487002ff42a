"""Every place Cramproof reaches past pyqtgraph's documented API, with what each one saves.

The Progress charts draw with pyqtgraph's plumbing but skip its heavy items (PlotItem, AxisItem,
LegendItem, TextItem per label, ScatterPlotItem): that took the screen's first opening from
164 ms to about 35 ms (2.8x the empty-plot baseline). A few of those savings need pyqtgraph
internals; they live here so that an upgrade is checked in one place.
tests/ui/test_pyqtgraph_compat.py fails with "pyqtgraph X changed: re-measure and remove this
workaround" when the pinned version or one of these internals changes.

Importing this module loads pyqtgraph: only the chart modules import it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsWidget

# isort: split
import pyqtgraph as pg
import pyqtgraph.functions as fn
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols as _SYMBOLS
from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu
from pyqtgraph.Qt.internals import PrimitiveArray

# The pyqtgraph series these workarounds were measured on (pyproject pins >=0.14,<0.15).
PINNED_SERIES = "0.14."


def symbol_path(name: str) -> QPainterPath:
    """The unit-size outline of one of pyqtgraph's scatter symbols ("o", "d", ...).

    Dots are stamped from one small picture per style instead of a ScatterPlotItem, which
    rebuilds per-point records on every change; the legend paints the same outline.
    """
    return _SYMBOLS[name]


def polygon(xs: np.ndarray, ys: np.ndarray) -> QPolygonF:
    """A QPolygonF through the points, filled through a numpy view of its memory.

    Lines are painted straight from arrays instead of pyqtgraph curve items; building the
    polygon point by point in Python would cost a call per point (five years of history).
    """
    shape = fn.create_qpolygonf(len(xs))
    points = fn.ndarray_from_qpolygonf(shape)
    points[:, 0] = xs
    points[:, 1] = ys
    return shape


def pixmap_fragments(count: int) -> PrimitiveArray:
    """`count` QPainter.PixmapFragment records backed by one numpy table (10 columns: x, y,
    source x, y, w, h, scale x, y, rotation, opacity) for one drawPixmapFragments call.

    PySide6 has no cheap way to build thousands of fragments; pyqtgraph's own scatter plot
    uses this to stamp every dot in one call instead of one QPainter call per dot.
    """
    fragments = PrimitiveArray(QPainter.PixmapFragment, 10)
    fragments.resize(count)
    return fragments


def view_box_menu(view_box: pg.ViewBox) -> ViewBoxMenu:
    """The view box's right-click menu (view all, axes, export), built on first use.

    A ViewBox builds this menu, full of widgets, with the box; the Progress screen's five plots
    paid for five menus nobody had opened yet (part of the 164 -> 52 ms first opening).
    """
    if view_box.menu is None:
        view_box.menu = ViewBoxMenu(view_box)
        view_box.updateViewLists()
    return view_box.menu


def allow_menu_later(view_box: pg.ViewBox) -> None:
    """Let a box made with `enableMenu=False` (so no menu was built) show one when asked."""
    view_box.state["enableMenu"] = True


def style_text_box(item: pg.TextItem, *, fill: QBrush, border: QPen) -> None:
    """Restyle a TextItem's box: TextItem takes fill and border only in its constructor.

    The chart read-outs are built once and restyled when the desktop switches light/dark,
    instead of built anew per palette change.
    """
    item.fill = fill
    item.border = border


def place_central_item(view: pg.GraphicsView, item: QGraphicsWidget) -> None:
    """Make `item` the view's central item without laying it out at the view's current size.

    `GraphicsView.setCentralItem` resizes the item to the view at once, while the view still
    has its default size; the panels were then laid out twice. Laid out once, at the size the
    screen opens at, the Progress screen's first opening came to about 35 ms.
    """
    view.centralWidget = item
    view.scene().addItem(item)
