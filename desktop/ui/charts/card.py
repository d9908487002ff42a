"""A chart's frame: title, a line saying what it shows, the plot or its empty state, and PNG."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# isort: split
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter

from desktop.ui.charts.palette import ChartPalette

log = logging.getLogger(__name__)
PNG_WIDTH = 1600


class ChartCard(QFrame):
    """Holds one chart; `png_saved(path)` after the chart was written to a PNG file."""

    png_saved = Signal(str)

    def __init__(
        self, title: str, *, caption: str, empty_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chartCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.save_button = QToolButton()
        self.save_button.setText("Save PNG…")
        self.save_button.setToolTip("Save this chart as a PNG picture (also on right-click)")
        self.save_button.clicked.connect(self._on_save_clicked)

        self.header = QHBoxLayout()
        self.header.addWidget(self.title)
        self.header.addStretch(1)
        self.header.addWidget(self.save_button)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.ci.setContentsMargins(2, 2, 6, 2)
        # A few items, all redrawn together: indexing them for lookups costs more than it saves.
        self.graphics.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(24, 12, 24, 12)
        empty_font = QFont(self.empty_label.font())
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.15)
        self.empty_label.setFont(empty_font)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.graphics)
        self._stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addWidget(self.caption)
        layout.addWidget(self._stack, 1)

    @property
    def is_empty(self) -> bool:
        return self._stack.currentWidget() is self.empty_label

    def set_empty(self, empty: bool, text: str | None = None) -> None:
        """Show the empty state (what will appear, and when) instead of a blank plot."""
        if text is not None:
            self.empty_label.setText(text)
        self._stack.setCurrentWidget(self.empty_label if empty else self.graphics)
        self.save_button.setEnabled(not empty)

    def apply_palette(self, palette: ChartPalette) -> None:
        self.graphics.setBackground(palette.background)
        self.caption.setStyleSheet(f"color: {palette.muted};")

    def export_png(self, path: Path, *, width: int = PNG_WIDTH) -> Path:
        """Write the chart to `path` with pyqtgraph's image exporter."""
        exporter = ImageExporter(self.graphics.scene())
        exporter.parameters()["width"] = width
        exporter.export(str(path))
        log.info("Chart %r saved to %s", self.title.text(), path)
        self.png_saved.emit(str(path))
        return path

    def _on_save_clicked(self) -> None:
        suggested = self.title.text().lower().replace(" ", "-").replace("?", "") + ".png"
        name, _ = QFileDialog.getSaveFileName(
            self, "Save chart as PNG", str(Path.home() / suggested), "PNG pictures (*.png)"
        )
        if name:
            self.export_png(Path(name) if name.lower().endswith(".png") else Path(name + ".png"))
