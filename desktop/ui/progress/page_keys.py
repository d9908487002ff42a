"""PageUp, PageDown, Home and End scroll the Progress screen, whatever on it has the keyboard.

In a short window (a 1366×768 or 1024×768 laptop) the charts scroll, and a runner a few metres
from the screen reaches the lower ones with one key at a time. Left to themselves, the lift
chooser would take these keys to pick another lift and the charts' view would scroll nothing;
the tool bar's athlete box hands them to the screen on show (`ui/shell/athlete_switcher.py`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSlider, QScrollBar, QWidget

_Step = QAbstractSlider.SliderAction
SCROLLS = {
    Qt.Key.Key_PageUp: _Step.SliderPageStepSub,
    Qt.Key.Key_PageDown: _Step.SliderPageStepAdd,
    Qt.Key.Key_Home: _Step.SliderToMinimum,
    Qt.Key.Key_End: _Step.SliderToMaximum,
}
# Alone, or from the number pad with Num Lock off: with Ctrl or Shift they mean something else.
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def is_page_key(event: QKeyEvent) -> bool:
    """True for PageUp, PageDown, Home or End pressed without Ctrl, Alt or Shift."""
    return event.key() in SCROLLS and event.modifiers() in PLAIN


class PageKeys(QObject):
    """Turns the page keys pressed on any of `widgets` into a page of `bar`'s scrolling."""

    def __init__(self, bar: QScrollBar, widgets: Iterable[QWidget]) -> None:
        super().__init__(bar)
        self._bar = bar
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and is_page_key(event)
        ):
            self._bar.triggerAction(SCROLLS[Qt.Key(event.key())])
            return True
        return False
