"""The resting screen: digits a quarter of the window high, a bar with the ready and max marks.

The whole panel takes the phase's colour (dark while resting, green at ready, red at max), so
the state reads from across a room before the digits do. Without sound the panel flashes.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.domain.rest.rest_timer import Phase, RestDisplay, RestWindow, format_seconds
from desktop.ui.gym.style import (
    FLASH_BG,
    FLASH_FG,
    NORMAL,
    Colours,
    Look,
    colours_for,
    panel_style,
    scale_freely,
    set_pixel_font,
)

DIGITS_SHARE = 0.52  # of the panel's height; the panel is most of the window
FLASH_TOGGLES = 8
FLASH_MS = 180
PHASE_TITLES = {Phase.RESTING: "Rest", Phase.READY: "Ready", Phase.OVER: "Max rest reached"}


class RestBar(QWidget):
    """Elapsed rest as a filled bar, with labelled marks where ready and max fall."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._display: RestDisplay | None = None
        self._window: RestWindow | None = None
        self._colours = colours_for(Phase.RESTING, paused=False)
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_display(self, display: RestDisplay, window: RestWindow, colours: Colours) -> None:
        self._display, self._window, self._colours = display, window, colours
        self.update()

    def restyle(self, colours: Colours) -> None:
        self._colours = colours
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        display, window = self._display, self._window
        if display is None or window is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(0, 4, self.width(), self.height() * 0.45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 60))
        painter.drawRoundedRect(track, 8, 8)
        painter.setBrush(QColor(self._colours.bar))
        filled = QRectF(track.left(), track.top(), track.width() * display.fraction, track.height())
        painter.drawRoundedRect(filled, 8, 8)
        font = QFont(self.font())
        font.setPixelSize(max(12, int(self.height() * 0.34)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QPen(QColor(self._colours.text), 4))
        for mark, seconds in (
            (display.ready_mark, window.ready_s),
            (display.max_mark, window.max_s),
        ):
            x = track.left() + track.width() * mark
            painter.drawLine(int(x), int(track.top() - 2), int(x), int(track.bottom() + 2))
            label = QRectF(x - 80, track.bottom() + 2, 160, self.height() - track.bottom() - 2)
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, format_seconds(int(seconds)))
        painter.end()


class TimerPanel(QFrame):
    """Shows one RestDisplay; `flash` makes a cue visible when it could not be heard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerPanel")
        self.title = QLabel("Rest")
        self.digits = QLabel("0:00")
        self.caption = QLabel("until ready")
        self.bar = RestBar()
        self.next_line = QLabel("")
        for label in (self.title, self.digits, self.caption, self.next_line):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_line.setWordWrap(True)
        scale_freely(self.title, self.digits, self.caption, self.next_line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.digits, stretch=1)
        layout.addWidget(self.caption)
        layout.addWidget(self.bar)
        layout.addWidget(self.next_line)
        self._look = NORMAL
        self._phase, self._paused = Phase.RESTING, False
        self._colours = colours_for(Phase.RESTING, paused=False)
        self._flashes_left = 0
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._on_flash_timeout)
        self._apply(self._colours)

    @property
    def colours(self) -> Colours:
        return self._colours

    def apply_look(self, look: Look) -> None:
        self._look = look
        self._colours = colours_for(self._phase, paused=self._paused, look=look)
        self.bar.restyle(self._colours)
        if not self._flash.isActive():
            self._apply(self._colours)

    def show_display(self, display: RestDisplay, window: RestWindow, *, next_text: str) -> None:
        self._phase, self._paused = display.phase, display.paused
        self._colours = colours_for(display.phase, paused=display.paused, look=self._look)
        title = "Paused" if display.paused else PHASE_TITLES[display.phase]
        self.title.setText(title)
        self.digits.setText(display.big_text)
        self.caption.setText(display.caption)
        self.next_line.setText(next_text)
        self.bar.show_display(display, window, self._colours)
        if not self._flash.isActive():
            self._apply(self._colours)

    def flash(self) -> None:
        """A cue that made no sound: blink the whole panel for a moment."""
        self._flashes_left = FLASH_TOGGLES
        self._flash.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.height()
        set_pixel_font(self.digits, height * DIGITS_SHARE, bold=True)
        set_pixel_font(self.title, height * 0.1, bold=True)
        set_pixel_font(self.caption, height * 0.065)
        set_pixel_font(self.next_line, height * 0.05)
        self.bar.setFixedHeight(max(48, int(height * 0.1)))

    @Slot()
    def _on_flash_timeout(self) -> None:
        self._flashes_left -= 1
        if self._flashes_left <= 0:
            self._flash.stop()
            self._apply(self._colours)
        elif self._flashes_left % 2:
            self._apply(Colours(FLASH_BG, FLASH_FG, FLASH_FG))
        else:
            self._apply(self._colours)

    def _apply(self, colours: Colours) -> None:
        self.setStyleSheet(panel_style("timerPanel", colours))
