"""The Progress screen: two lines of headline and five charts that answer the runner's questions.

Left column, on one week axis: am I doing the build-up (adherence), is it paying off (cramps),
do my legs hold late (the long runs from the watch).
Right column: am I getting stronger (loads), am I doing it right (rests and reps). The five
charts are panels of one graphics view (one scene to lay out and paint). They (and with them
pyqtgraph and numpy) are imported when the first ProgressView is built, so the app starts
without paying for them.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSizeF, Qt
from PySide6.QtGui import QFont, QPalette, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsLayout,
    QGraphicsLinearLayout,
    QGraphicsView,
    QGraphicsWidget,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.progress.series import ProgressData, ProgressSource, headline
from desktop.runtime.changes import Change
from desktop.ui.progress.page_keys import PageKeys

if TYPE_CHECKING:
    from desktop.ui.progress.charts.panels.panel import ChartPanel
    from desktop.ui.progress.charts.parts.palette import ChartPalette

log = logging.getLogger(__name__)
COLUMN_SPACING = 8.0
PANEL_SPACING = 6.0


class ProgressView(QWidget):
    """Draws what `source` reads; redraws when the log changes (`on_log_changed`)."""

    def __init__(self, source: ProgressSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        from desktop.ui.common.pyqtgraph_compat import place_central_item
        from desktop.ui.progress.charts.panels.adherence_chart import AdherenceChart
        from desktop.ui.progress.charts.panels.cramp_chart import CrampChart
        from desktop.ui.progress.charts.panels.late_run_chart import LateRunChart
        from desktop.ui.progress.charts.panels.quality_chart import QualityChart
        from desktop.ui.progress.charts.panels.strength_chart import StrengthChart

        self._source = source
        self._data: ProgressData | None = None
        self._refreshing = False
        self._stale = False
        self._drawn_on: date | None = None  # the day of the last draw: "today" moves at midnight
        self._least_height = 0.0  # of the charts at the width they have: see _fit_height
        self.title = QLabel()
        self.title.setObjectName("progressTitle")
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        detail_font = QFont(self.detail.font())
        detail_font.setPointSizeF(detail_font.pointSizeF() * 1.1)
        self.detail.setFont(detail_font)

        self.graphics = pg.GraphicsView()
        # The background is one plain colour: caching it in a screen-sized pixmap costs more.
        self.graphics.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.adherence = AdherenceChart(self.graphics)
        self.cramps = CrampChart(self.graphics)
        self.late_runs = LateRunChart(self.graphics)
        self.strength = StrengthChart(self.graphics)
        self.quality = QualityChart(self.graphics)
        self.strength.exercise_chosen.connect(self._on_strength_exercise_chosen)
        # The view sizes its central item: laid out once, at the size the screen opens at
        # (setCentralItem() would lay all panels out at the view's default size first).
        self._root = _columns(
            (self.adherence, self.cramps, self.late_runs), (self.strength, self.quality)
        )
        place_central_item(self.graphics, self._root)
        self.scroll = _scroll_area(self.graphics)
        self.scroll.viewport().installEventFilter(self)
        self.graphics.viewport().installEventFilter(self)
        focusable = (self, self.graphics, self.strength.chooser)
        self.page_keys = PageKeys(self.scroll.verticalScrollBar(), focusable)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.scroll, 1)
        self.refresh()

    @property
    def data(self) -> ProgressData | None:
        return self._data

    def charts(self) -> tuple[ChartPanel, ...]:
        return (self.adherence, self.strength, self.cramps, self.quality, self.late_runs)

    def on_log_changed(self, _change: Change) -> None:
        """Redraw now while on show; otherwise once shown again (five charts are not redrawn
        for every set logged while the runner is in gym mode)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()
        if self._stale or self._drawn_on != date.today():  # left open overnight: a new today
            self.refresh()

    def refresh(self) -> None:
        """Read the log again and redraw every chart."""
        from desktop.ui.progress.charts.parts.palette import palette_for

        self._stale = False
        self._drawn_on = date.today()
        self._refreshing = True
        try:
            data = self._source.load()
            self._data = data
            palette = palette_for(self.palette())
            self._apply_palette(palette)
            self.adherence.show_data(data, palette)
            self.cramps.show_data(data, palette)
            self.late_runs.show_data(data, palette)
            self.quality.show_data(data, palette)
            self.strength.set_choices(data.exercises, keep=self.strength.current_exercise())
            self._draw_strength(self.strength.current_exercise())
            self._link_week_axes()
        finally:
            self._refreshing = False
        self._fit_height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_height()
        elif (
            watched is self.graphics.viewport()
            and isinstance(event, QWheelEvent)
            and not self._zooms_at(event.position().toPoint())
        ):
            # Over a title, a caption or a legend the wheel scrolls the charts; over a plot
            # and its dates it zooms the time line, as it always did.
            QApplication.sendEvent(self.scroll.verticalScrollBar(), event)
            return True
        return False

    def _zooms_at(self, point: QPoint) -> bool:
        """True when the wheel at `point` of the charts zooms a plot's time line."""
        from desktop.ui.progress.charts.parts.axes import Axis
        from desktop.ui.progress.charts.parts.plot import ChartViewBox

        item = self.graphics.itemAt(point)
        while item is not None:
            if isinstance(item, ChartViewBox) or (isinstance(item, Axis) and item.side == "bottom"):
                return True
            item = item.parentItem()
        return False

    def _fit_height(self) -> None:
        """The charts no shorter than their panels' least height at the width they have (their
        captions and legends wrap): a window too short for it scrolls, rather than squeeze the
        axes' labels onto each other."""
        if not self.isVisible():
            return  # measured at the size it opens at, not before: the panels are laid out once
        viewport = self.scroll.viewport()
        columns = self._root.layout()
        assert columns is not None
        # The layout's own hint: the least height set below does not count in it.
        need = columns.sizeHint(Qt.SizeHint.MinimumSize, QSizeF(viewport.width(), -1)).height()
        if need == self._least_height:
            return
        self._least_height = need
        # Set on the columns themselves: their least height without a width, which they and
        # the charts' item keep to, may otherwise still be the one of an earlier width.
        columns.setMinimumHeight(need)
        self.graphics.setMinimumHeight(math.ceil(need))
        # Resized now, not on the scroll area's next layout: the charts are laid out once.
        self.graphics.resize(viewport.width(), max(viewport.height(), math.ceil(need)))

    def changeEvent(self, event: QEvent) -> None:
        """Redraw in the new colours when the desktop switches between light and dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self._forget_style()
        if event.type() == QEvent.Type.PaletteChange and self._data is not None:
            self.refresh()

    def _forget_style(self) -> None:
        """The charts' layouts measure spacing with the style they first met, and no event
        tells them the application's style changed (the high-contrast theme switches it): the
        next layout read the deleted one and crashed. Each forgets it now."""
        layouts = [
            item.layout()
            for item in self.graphics.scene().items()
            if isinstance(item, QGraphicsWidget)
        ]
        while layouts:
            layout = layouts.pop()
            if isinstance(layout, QGraphicsLayout):
                layout.invalidate()
                items = (layout.itemAt(index) for index in range(layout.count()))
                layouts.extend(item for item in items if isinstance(item, QGraphicsLayout))

    def _apply_palette(self, palette: ChartPalette) -> None:
        """The desktop's colours around the charts, the chart palette inside them."""
        qt = self.palette()
        self.graphics.setBackground(qt.color(QPalette.ColorRole.Window))
        for chart in self.charts():
            chart.apply_palette(
                palette,
                window_text=qt.color(QPalette.ColorRole.WindowText),
                frame=qt.color(QPalette.ColorRole.Mid),
            )

    def _draw_strength(self, exercise_id: int | None) -> None:
        """Draw the chosen lift and put its progress into the headline."""
        from desktop.ui.progress.charts.panels.base import week_range
        from desktop.ui.progress.charts.parts.palette import palette_for

        data = self._data
        units = data.units if data else "kg"
        span = week_range([w.week for w in data.weeks]) if data and data.weeks else None
        points = self._source.strength(exercise_id) if exercise_id is not None else ()
        self.strength.show_points(
            points, units=units, palette=palette_for(self.palette()), span=span
        )
        if data is not None:
            lift = self.strength.chooser.currentText().lower()
            title, detail = headline(data, lift=lift, strength=points)
            self.title.setText(title)
            self.detail.setText(detail)

    def _link_week_axes(self) -> None:
        """Panning or zooming one build-up chart moves the others: it is one time line."""
        if self.adherence.is_empty:
            self.quality.rest_plot.setXLink(None)
            self.cramps.plot.setXLink(None)
            self.late_runs.plot.setXLink(None)
            return
        self.cramps.plot.setXLink(self.adherence.plot)
        self.late_runs.plot.setXLink(self.adherence.plot)
        self.quality.rest_plot.setXLink(self.adherence.plot)

    def _on_strength_exercise_chosen(self, exercise_id: int) -> None:
        if not self._refreshing:
            self._draw_strength(exercise_id)


def _scroll_area(graphics: QGraphicsView) -> QScrollArea:
    """Scrolls the charts up and down when the window is too short for them, never sideways."""
    scroll = QScrollArea()
    scroll.setWidget(graphics)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


def _columns(left: Sequence[QGraphicsWidget], right: Sequence[QGraphicsWidget]) -> QGraphicsWidget:
    """Two columns of panels, equally tall within a column; the left (the build-up's weeks,
    read side by side) a little wider."""
    root = QGraphicsWidget()
    row = QGraphicsLinearLayout(Qt.Orientation.Horizontal)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(COLUMN_SPACING)
    for panels, share in ((left, 11), (right, 9)):
        stack = QGraphicsLinearLayout(Qt.Orientation.Vertical)
        stack.setSpacing(PANEL_SPACING)
        for panel in panels:
            stack.addItem(panel)
            stack.setStretchFactor(panel, 1)
        row.addItem(stack)
        row.setStretchFactor(stack, share)
    root.setLayout(row)
    return root
