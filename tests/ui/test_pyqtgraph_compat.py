"""When the pyqtgraph workarounds (desktop/ui/common/pyqtgraph_compat.py) can go, or must change.

Each test names the internal a workaround leans on; a failure means a pyqtgraph upgrade moved it:
measure the Progress screen's first opening (`make bench`) without the workaround, and keep it
only if it still pays.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsWidget

from desktop.ui.common import pyqtgraph_compat as compat

CHANGED = f"pyqtgraph {pg.__version__} changed: re-measure and remove this workaround"


def test_pyqtgraph_is_the_series_the_workarounds_were_measured_on() -> None:
    assert pg.__version__.startswith(compat.PINNED_SERIES), CHANGED


@pytest.mark.parametrize("name", ["o", "d"])
def test_the_scatter_symbols_the_charts_draw_are_still_there(name: str) -> None:
    assert not compat.symbol_path(name).isEmpty(), CHANGED


def test_pixmap_fragments_are_one_numpy_table_for_one_draw_call() -> None:
    fragments = compat.pixmap_fragments(3)
    assert fragments.ndarray().shape == (3, 10), CHANGED
    arguments = fragments.drawargs()
    assert isinstance(arguments[0], QPainter.PixmapFragment) and arguments[1] == 3, CHANGED


def test_the_view_box_menu_is_built_on_first_use_only(qtbot: object) -> None:
    box = pg.ViewBox(enableMenu=False)
    assert box.menu is None, CHANGED
    compat.allow_menu_later(box)
    menu = compat.view_box_menu(box)
    assert box.menuEnabled() and compat.view_box_menu(box) is menu
    assert [action.text() for action in menu.actions()][:1] == ["View All"], CHANGED


def test_a_text_item_still_takes_its_box_colours_only_in_its_constructor() -> None:
    item = pg.TextItem("x")
    assert not hasattr(item, "setFill") and not hasattr(item, "setBorder"), CHANGED
    compat.style_text_box(item, fill=pg.mkBrush("#ffffff"), border=pg.mkPen("#000000"))
    assert item.fill.color().name() == "#ffffff" and item.border.color().name() == "#000000"


def test_the_central_item_is_placed_without_a_layout_at_the_default_size(qtbot: object) -> None:
    view = pg.GraphicsView()
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    item = QGraphicsWidget()
    compat.place_central_item(view, item)
    assert item.scene() is view.scene() and item.size().isEmpty()
    view.resize(300, 200)
    view.resizeEvent(None)  # the view still sizes whatever `centralWidget` names
    assert item.size().width() > 0, CHANGED


def test_a_polygon_is_filled_straight_from_arrays() -> None:
    shape = compat.polygon(np.array([0.0, 1.0]), np.array([2.0, 3.0]))
    assert [(shape[i].x(), shape[i].y()) for i in range(shape.size())] == [(0, 2), (1, 3)], CHANGED
