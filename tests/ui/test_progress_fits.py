"""The Progress screen in the real window at the smallest common laptop screens (1366×768 and
1024×768), eight weeks into a build-up with the watch's long runs: every axis' tick labels stand
apart and its title beside its own plot, no plot is drawn shorter than the least height, nothing
is cut off below (the charts scroll), and the build-up charts keep one time line.

Before, the left column's three charts were squeezed to 45-70 px: the adherence chart's 0-100 %
labels lay on each other and its axis title ran into the caption above."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bench.synthetic import populate
from desktop.app import StartedWindow, start_window
from desktop.runtime.paths import AppPaths
from desktop.ui.progress.charts.panels.adherence_chart import MIN_HEIGHT as ADHERENCE_HEIGHT
from desktop.ui.progress.charts.parts.plot import MIN_PLOT_HEIGHT, DatePlot
from desktop.ui.progress.view import ProgressView
from tests.planning_support import OFFSCREEN_SIZE_HINTS

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def progress_at(
    qtbot: QtBot, data_dir: Path, held: list[StartedWindow], size: tuple[int, int]
) -> ProgressView:
    """Cramproof started on the synthetic log, F3 pressed, the window made `size`."""
    populate(data_dir)
    shown = start_window(AppPaths(data_dir=data_dir, log_dir=data_dir / "logs"))
    assert isinstance(shown, StartedWindow)
    held.append(shown)
    qtbot.waitUntil(lambda: shown.opened, timeout=10_000)
    window = shown.window
    qtbot.addWidget(window)  # deleted after the test, with the screen that reads its log
    window.resize(*size)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    view = window.screens.progress_view
    assert view is not None
    qtbot.waitUntil(lambda: window.screens.current_name() == "progress")
    qtbot.waitUntil(lambda: view.graphics.height() >= view.graphics.minimumHeight() > 0)
    for _ in range(5):
        QApplication.processEvents()
    return view


def plots(view: ProgressView) -> dict[str, DatePlot]:
    return {
        "adherence": view.adherence.plot,
        "cramps": view.cramps.plot,
        "late runs": view.late_runs.plot,
        "strength": view.strength.plot,
        "rests": view.quality.rest_plot,
        "as prescribed": view.quality.share_plot,
    }


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)], ids=["1366x768", "1024x768"])
def test_every_axis_is_readable_in_the_real_window(
    qtbot: QtBot,
    data_dir: Path,
    started: list[StartedWindow],
    size: tuple[int, int],
    tmp_path: Path,
) -> None:
    view = progress_at(qtbot, data_dir, started, size)
    view.window().grab().save(str(tmp_path / f"progress-{size[0]}.png"))
    for name, plot in plots(view).items():
        for side, axis in plot.axes.items():
            labels = axis.label_rects()
            assert labels or side == "right", f"{name}: no labels on the {side} axis"
            for (text, rect), (other, other_rect) in combinations(labels, 2):
                assert not rect.intersects(other_rect), f"{name}: {text!r} on {other!r} ({side})"
    for name, plot in plots(view).items():
        area = plot.getViewBox().sceneBoundingRect()
        for side, axis in plot.axes.items():
            if axis.title:
                title = axis.title_rect()
                assert area.top() - 1 <= title.top() and title.bottom() <= area.bottom() + 1, (
                    f"{name}: the {side} axis' title {axis.title!r} runs past its plot"
                )
        least = ADHERENCE_HEIGHT if plot is view.adherence.plot else MIN_PLOT_HEIGHT
        assert area.height() >= least, f"{name}: the plot is {area.height():.0f} px"
    # Nothing is cut off: the charts are laid out within what the view scrolls over.
    assert view.graphics.centralWidget.geometry().height() <= view.graphics.height()
    bars = view.adherence.plot.getViewBox().sceneBoundingRect()
    for chart in (view.cramps, view.late_runs):
        area = chart.plot.getViewBox().sceneBoundingRect()
        assert (area.left(), area.right()) == pytest.approx((bars.left(), bars.right()))


def wheel_down(view: ProgressView, scene_point: QPointF) -> None:
    """One notch of the mouse wheel, down, at `scene_point` of the charts."""
    viewport = view.graphics.viewport()
    at = QPointF(view.graphics.mapFromScene(scene_point))
    event = QWheelEvent(
        at,
        QPointF(viewport.mapToGlobal(at.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_the_wheel_scrolls_down_to_the_last_chart_and_still_zooms_a_plot(
    qtbot: QtBot, data_dir: Path, started: list[StartedWindow]
) -> None:
    view = progress_at(qtbot, data_dir, started, (1024, 768))
    bar = view.scroll.verticalScrollBar()
    assert bar.maximum() > 0, "at 1024×768 the charts are taller than the screen"
    plot = view.adherence.plot.getViewBox()
    before = plot.viewRange()[0]
    wheel_down(view, plot.sceneBoundingRect().center())
    assert bar.value() == 0 and plot.viewRange()[0] != before, "over a plot the wheel zooms"
    wheel_down(view, view.late_runs.heading.mapToScene(QPointF(100, 10)))
    assert bar.value() > 0
    for _ in range(10):
        wheel_down(view, view.cramps.heading.mapToScene(QPointF(100, 10)))
    assert bar.value() == bar.maximum()
    legend = view.late_runs.legend
    bottom = view.graphics.mapFromScene(legend.mapToScene(legend.rect().bottomLeft()))
    shown_at = view.graphics.mapTo(view.scroll.viewport(), bottom)
    assert shown_at.y() <= view.scroll.viewport().height(), "the last legend comes into sight"
