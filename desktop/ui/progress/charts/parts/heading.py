"""A chart's heading, painted: its title (the question it answers) and a caption under it.

The caption wraps to the panel's width, and the heading grows to fit it (height for width).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsWidget, QSizePolicy

TITLE_LINE = 26.0  # the title line is as tall as the buttons beside it
WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class Heading(QGraphicsWidget):
    def __init__(self, title: str, caption: str) -> None:
        super().__init__()
        self.title = title
        self.caption = caption
        self._title_font = QFont()
        self._title_font.setPointSizeF(self._title_font.pointSizeF() * 1.3)
        self._title_font.setBold(True)
        self._title_metrics = QFontMetricsF(self._title_font)
        self._caption_font = QFont()
        self._caption_metrics = QFontMetricsF(self._caption_font)
        self._colours = (QColor("#000000"), QColor("#4f5b6b"))
        self._heights: dict[float, float] = {}  # layouts ask again and again for the same widths
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_colours(self, *, title: QColor, caption: QColor) -> None:
        self._colours = (title, caption)
        self.update()

    def set_caption(self, caption: str) -> None:
        """A new caption (a chart whose line under the title says what the data show)."""
        if caption != self.caption:
            self.caption = caption
            self._heights.clear()
            self.updateGeometry()
            self.update()

    def title_width(self) -> float:
        return self._title_metrics.horizontalAdvance(self.title)

    def height_for(self, width: float) -> float:
        """The title line and the caption wrapped at `width`."""
        if width not in self._heights:
            box = QRectF(0, 0, max(width, 1.0), 10_000)
            caption = self._caption_metrics.boundingRect(box, WRAP, self.caption).height()
            self._heights[width] = TITLE_LINE + 2 + caption
        return self._heights[width]

    def sizeHint(self, which: Qt.SizeHint, constraint: QSizeF | None = None) -> QSizeF:
        if which == Qt.SizeHint.MaximumSize:
            return QSizeF(1e6, 1e6)
        width = constraint.width() if constraint is not None and constraint.width() > 0 else 0
        if which == Qt.SizeHint.MinimumSize:
            return QSizeF(0, self.height_for(width or 1e4))
        # Without a width, one line: layouts keep an item to that height, and a guess at an
        # earlier width would stretch the charts past the view.
        return QSizeF(width or 400, self.height_for(width or 1e4))

    def paint(self, painter: QPainter, *_: object) -> None:
        title, caption = self._colours
        area = self.rect()
        painter.setPen(title)
        painter.setFont(self._title_font)
        metrics = self._title_metrics
        baseline = (TITLE_LINE + metrics.ascent() - metrics.descent()) / 2
        painter.drawText(QPointF(area.left(), baseline), self.title)
        painter.setPen(caption)
        painter.setFont(self._caption_font)
        painter.drawText(area.adjusted(0, TITLE_LINE + 2, 0, 0), WRAP, self.caption)
