"""A chart's panel in the Progress screen's one scene: title, a line saying what it shows, the
plots (or the empty state) and a PNG export.

All four panels share one QGraphicsView: a view per chart, each with its own frame, labels and
stacked empty state, cost the screen a fifth of its opening time. The few real widgets a panel
needs (the "Save PNG…" button, the lift chooser) sit over the view, kept beside the title.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsLinearLayout,
    QGraphicsView,
    QGraphicsWidget,
    QSizePolicy,
    QToolButton,
    QWidget,
)

# isort: split
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter

from desktop.ui.progress.charts.parts.heading import Heading
from desktop.ui.progress.charts.parts.palette import ChartPalette

log = logging.getLogger(__name__)
PNG_WIDTH = 1600
MARGINS = (8.0, 6.0, 8.0, 6.0)


class ChartBody(pg.GraphicsWidget):
    """The plots and legend on the chart's background, or, while there is nothing to draw, a
    sentence saying what will appear and when. (A pyqtgraph item: its exporter maps it.)"""

    def __init__(self, empty_text: str) -> None:
        super().__init__()
        self.empty_text = empty_text
        self.empty = False
        self.background = QColor("#ffffff")
        self.text = QColor("#000000")
        self.font = QFont()
        self.font.setPointSizeF(self.font.pointSizeF() * 1.15)
        self.rows = QGraphicsLinearLayout(Qt.Orientation.Vertical)
        self.rows.setContentsMargins(2, 2, 6, 2)
        self.rows.setSpacing(0)
        self.setLayout(self.rows)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def add(self, item: QGraphicsWidget, *, stretch: int = 0) -> None:
        """Put a plot or legend under the ones already there; hidden in the empty state, it
        keeps its room, so the panel does not change size when the first data arrive."""
        policy = item.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        item.setSizePolicy(policy)
        self.rows.addItem(item)
        self.rows.setStretchFactor(item, stretch)

    def set_empty(self, empty: bool) -> None:
        self.empty = empty
        for index in range(self.rows.count()):
            item = self.rows.itemAt(index).graphicsItem()
            if item is not None:
                item.setVisible(not empty)
        self.update()

    def paint(self, painter: QPainter, *_: object) -> None:
        if not self.empty:
            painter.fillRect(self.rect(), self.background)
            return
        painter.setFont(self.font)
        painter.setPen(self.text)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(self.rect().adjusted(24, 12, -24, -12), int(flags), self.empty_text)


class ChartPanel(QGraphicsWidget):
    """Holds one chart in `view`'s scene; `png_saved(path)` after it was written to a PNG."""

    png_saved = Signal(str)

    def __init__(self, view: QGraphicsView, title: str, *, caption: str, empty_text: str) -> None:
        super().__init__()
        self.title = title
        self.heading = Heading(title, caption)
        self.body = ChartBody(empty_text)
        self._frame = QColor("#b0b0b0")
        column = QGraphicsLinearLayout(Qt.Orientation.Vertical)
        column.setContentsMargins(*MARGINS)
        column.setSpacing(2)
        column.addItem(self.heading)
        column.addItem(self.body)
        column.setStretchFactor(self.body, 1)
        self.setLayout(column)
        self._view = view
        self.save_button = QToolButton(view.viewport())
        self.save_button.setText("Save PNG…")
        self.save_button.setToolTip("Save this chart as a PNG picture (also on right-click)")
        self.save_button.clicked.connect(self._on_save_clicked)
        self._beside_title: QWidget | None = None
        self.geometryChanged.connect(self._on_geometry_changed)

    @property
    def is_empty(self) -> bool:
        return self.body.empty

    @property
    def empty_text(self) -> str:
        return self.body.empty_text

    def put_beside_title(self, widget: QWidget) -> None:
        """Show `widget` (the lift chooser) right after the title."""
        widget.setParent(self._view.viewport())
        self._beside_title = widget
        self._on_geometry_changed()

    def set_empty(self, empty: bool) -> None:
        """Show the empty state (what will appear, and when) instead of a blank plot."""
        self.body.set_empty(empty)
        self.save_button.setEnabled(not empty)

    def apply_palette(self, palette: ChartPalette, *, window_text: QColor, frame: QColor) -> None:
        self.body.background = QColor(palette.background)
        self.body.text = window_text
        self.heading.set_colours(title=window_text, caption=QColor(palette.muted))
        self._frame = frame
        self.update()

    def export_png(self, path: Path, *, width: int = PNG_WIDTH) -> Path:
        """Write the chart (plots and legend) to `path` with pyqtgraph's image exporter."""
        exporter = ImageExporter(self.body)
        exporter.parameters()["width"] = width
        exporter.export(str(path))
        log.info("Chart %r saved to %s", self.title, path)
        self.png_saved.emit(str(path))
        return path

    def paint(self, painter: QPainter, *_: object) -> None:
        painter.setPen(QPen(self._frame, 1))
        painter.drawRect(self.rect().adjusted(0.5, 0.5, -0.5, -0.5))

    def _on_geometry_changed(self) -> None:
        """Keep the panel's widgets on its title line."""
        left, top, right, _ = MARGINS
        corner = self._view.mapFromScene(self.mapToScene(QPointF(0, 0)))
        button = self.save_button.sizeHint()
        self.save_button.setGeometry(
            corner.x() + round(self.size().width() - right) - button.width(),
            corner.y() + round(top),
            button.width(),
            button.height(),
        )
        if self._beside_title is not None:
            hint = self._beside_title.sizeHint()
            self._beside_title.setGeometry(
                corner.x() + round(left + self.heading.title_width() + 12),
                corner.y() + round(top),
                hint.width(),
                hint.height(),
            )

    def _on_save_clicked(self) -> None:
        suggested = self.title.lower().replace(" ", "-").replace("?", "") + ".png"
        name, _ = QFileDialog.getSaveFileName(
            self._view, "Save chart as PNG", str(Path.home() / suggested), "PNG pictures (*.png)"
        )
        if name:
            self.export_png(Path(name) if name.lower().endswith(".png") else Path(name + ".png"))
