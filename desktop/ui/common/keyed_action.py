"""A menu action with its key and what it does: the one way the window's actions are made."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from desktop.ui.common.pyside_compat import set_shortcut


def keyed_action(
    parent: QObject, text: str, keys: str | QKeySequence.StandardKey, slot: Callable[[], None]
) -> QAction:
    """`slot` runs on the key or the menu item; `triggered`'s checked flag is not passed on."""
    action = QAction(text, parent)
    set_shortcut(action, keys)
    action.triggered.connect(lambda _checked=False: slot())
    return action
