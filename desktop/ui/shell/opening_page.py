"""The page the main window shows before the log is open: its first paint lets start-up go on."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel

from desktop.ui.common.pyside_compat import ALIGN_CENTER, align


class OpeningPage(QLabel):
    """Shown until the log is attached; reports its first paint so start-up can go on."""

    painted = Signal()

    def __init__(self) -> None:
        super().__init__("Opening your training log…")
        align(self, ALIGN_CENTER)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.setFont(font)
        self._reported = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._reported:
            self._reported = True
            self.painted.emit()
