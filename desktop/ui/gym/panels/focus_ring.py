"""Tab within one part of the window: the gym summary's note, cramp report and the screen itself.

Qt's Tab walks the whole window's focus chain, so from the summary's last answer it reached the
toolbar's Athlete box, where Enter does nothing and the summary's keys no longer apply. The
ring follows the same chain (creation order, as Qt would) but skips what lies outside it, so
Tab and Shift+Tab go round the summary's controls.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget


def takes_tab(widget: QWidget) -> bool:
    """Whether Qt's own Tab would stop here: visible, enabled, tab-focusable, and of a group of
    exclusive radio buttons only the checked one (the arrows move between those)."""
    if not (widget.isVisible() and widget.isEnabled()):
        return False
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return False
    if isinstance(widget, QAbstractButton) and widget.isCheckable() and not widget.isChecked():
        group = widget.group()
        return group is None or not group.exclusive()
    return True


def next_in_ring(ring: QWidget, start: QWidget, *, forward: bool) -> QWidget | None:
    """The widget Tab (or Shift+Tab) should focus after `start`: `ring` itself or one inside
    it; None when nothing in it takes focus."""
    widget = start
    for _ in range(10_000):  # the chain is a cycle through the window: bounded all the same
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
        if widget is start:
            break
        if (widget is ring or ring.isAncestorOf(widget)) and takes_tab(widget):
            return widget
    return None
