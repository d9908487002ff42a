"""Every place Cramproof reaches past PySide6's documented API, with what each one saves.

tests/ui/test_pyside_compat.py fails with "PySide6 X changed: re-measure and remove this
workaround" when the pinned version changes or the internal patched here is gone or fixed.
"""

from __future__ import annotations

import linecache
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QLabel

# The PySide6 series this was measured on (pyproject pins >=6.11,<6.12).
PINNED_SERIES = "6.11."
FEATURE_MODULE = "shibokensupport.feature"


def scan_imports_cheaply() -> None:
    """Workaround for PySide6's `__feature__` import hook (PYSIDE-2029).

    After every import it asks whether the new module mentions PySide6 by reading its source
    through inspect and linecache: a tenth of a millisecond and a cached copy of the source per
    module, 15 ms and 5 MiB over the 150 behind the populated window. Looking for the same
    word in the file's bytes gives the same answer for a fraction of the cost; the sources it
    cached while PySide6 loaded (enum.py, 0.2 MiB) are let go.
    """
    feature = sys.modules.get(FEATURE_MODULE)
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None:
        return

    def mentions_pyside(module: object) -> bool:
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            return bool(upstream(module))
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(upstream(module))

    feature._mod_uses_pyside = mentions_pyside
    linecache.clearcache()


# Workaround for the cost of PySide6's `Qt` namespace: its first touch (even `from PySide6.QtCore
# import Qt`) builds all of its 100-odd Python enums at once, 30-40 ms on the 2-core gym laptop,
# a sixth of a bare PySide6 window's whole start-up. The first screen needs only these values, so
# the widgets on the start-up path set them by number, through Qt's int roles and its property
# system, and import `Qt` inside the methods that run later (a key press, a dialog). Never by
# number: `connect`'s connection type, which takes an int and silently connects directly.
# Calls whose overloads take a `Qt` enum build it while PySide6 weighs them, even when given
# another type: `QBrush(QColor)`, `QPainter.setPen`, `QAction.setShortcut`; the first screen
# goes around them (`set_shortcut`, colours as item data, outlines as stroked paths).
# tests/test_startup.py fails if `Qt` is built before the first screen is drawn;
# tests/ui/test_pyside_compat.py checks every number against its enum.
ALIGN_LEFT = 0x0001  # Qt.AlignmentFlag.AlignLeft
ALIGN_H_CENTER = 0x0004  # Qt.AlignmentFlag.AlignHCenter
ALIGN_TOP = 0x0020  # Qt.AlignmentFlag.AlignTop
ALIGN_BOTTOM = 0x0040  # Qt.AlignmentFlag.AlignBottom
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter
TEXT_ALIGNMENT_ROLE = 7  # Qt.ItemDataRole.TextAlignmentRole
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
BACKGROUND_ROLE = 8  # Qt.ItemDataRole.BackgroundRole: a QColor, not a QBrush(QColor), which
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole  builds `Qt` weighing its overloads
RICH_TEXT = 1  # Qt.TextFormat.RichText
NO_TEXT_INTERACTION = 0  # Qt.TextInteractionFlag.NoTextInteraction
KEY_HOME = 0x01000010  # Qt.Key.Key_Home: QKeyEvent.key() is a plain int
KEY_END = 0x01000011  # Qt.Key.Key_End
KEY_PAGE_UP = 0x01000016  # Qt.Key.Key_PageUp
KEY_PAGE_DOWN = 0x01000017  # Qt.Key.Key_PageDown


def align(label: QLabel, flags: int) -> None:
    """`label.setAlignment(flags)` without the `Qt` namespace: the property takes the number."""
    label.setProperty("alignment", flags)


def set_shortcut(action: QAction, keys: str | QKeySequence.StandardKey) -> None:
    """`action.setShortcut(QKeySequence(keys))` without building `Qt`: weighing its overloads
    (one takes a `Qt.Key`) builds the namespace, while `setShortcuts` with the one sequence is
    the very call Qt's `QAction::setShortcut` makes."""
    from PySide6.QtGui import QKeySequence

    action.setShortcuts([QKeySequence(keys)])
