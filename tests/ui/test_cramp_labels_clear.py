"""The cramp chart's km labels stand clear of every marker, in the real window at 1366×768 and
1024×768 (as it first opens on those screens), eight weeks into a build-up.

Found by a trial: each label was hung 0.12 of a severity step under its own marker's centre, so
"24 km" lay across the red triangle it named and "23 km" touched the next week's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QRectF, QSize
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow
from desktop.ui.common.window_state import first_geometry
from desktop.ui.progress.charts.parts.plot import DatePlot
from desktop.ui.progress.charts.parts.series import Dots
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.ui.test_progress_fits import progress_at

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)
CLEARANCE_PX = 2.0  # touching reads as one at 3 m


def marker_rects(plot: DatePlot) -> Iterator[QRectF]:
    """Each marker painted in the plot area, in scene pixels, its edge included."""
    layer, to_pixels = plot.data, plot.getViewBox().childTransform()
    area = plot.getViewBox().rect()
    for mark in layer.marks:
        if not isinstance(mark, Dots):
            continue
        half = mark.size / 2 + 1
        for x, y in zip(mark.xs.tolist(), mark.ys.tolist(), strict=True):
            px, py = to_pixels.map(x, y)
            if area.contains(px, py):
                yield layer.mapRectToScene(QRectF(px - half, py - half, 2 * half, 2 * half))


@pytest.mark.parametrize("screen", [(1366, 768), (1024, 768)], ids=["1366x768", "1024x768"])
def test_km_labels_stand_clear_of_the_markers(
    qtbot: QtBot,
    data_dir: Path,
    started: list[StartedWindow],
    screen: tuple[int, int],
    tmp_path: Path,
) -> None:
    size = first_geometry(QRect(0, 0, *screen), QSize(800, 560)).size()
    view = progress_at(qtbot, data_dir, started, (size.width(), size.height()))
    view.window().grab().save(str(tmp_path / f"cramps-{screen[0]}.png"))
    plot = view.cramps.plot
    labels = [(text, rect) for text, rect in plot.overlay.text_rects() if text.endswith(" km")]
    assert len(labels) >= 2, "the km of the cramps are shown"
    markers = list(marker_rects(plot))
    assert len(markers) >= 4
    for text, rect in labels:
        room = rect.adjusted(-CLEARANCE_PX, -CLEARANCE_PX, CLEARANCE_PX, CLEARANCE_PX)
        touched = [m for m in markers if room.intersects(m)]
        assert not touched, f"{text!r} at {rect} touches a marker at {touched[0]}"
        assert plot.getViewBox().sceneBoundingRect().contains(rect), f"{text!r} runs off the plot"
