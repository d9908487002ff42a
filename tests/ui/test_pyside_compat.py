"""When the PySide6 workaround (desktop/ui/common/pyside_compat.py) can go, or must change."""

from __future__ import annotations

import subprocess
import sys

import PySide6

from desktop.ui.common import pyside_compat
from tests.conftest import REPO_ROOT, child_env

CHANGED = f"PySide6 {PySide6.__version__} changed: re-measure and remove this workaround"

SCAN = """
import sys
import PySide6.QtCore
from desktop.ui.common.pyside_compat import FEATURE_MODULE, scan_imports_cheaply
feature = sys.modules[FEATURE_MODULE]
upstream = feature._mod_uses_pyside
print(sorted({"inspect", "getsource"} & set(upstream.__code__.co_names)))
scan_imports_cheaply()
import desktop.ui.common.theme as mentions, desktop.domain.rest.clock as plain
print(feature._mod_uses_pyside is not upstream,
      feature._mod_uses_pyside(mentions), feature._mod_uses_pyside(plain))
"""


def test_pyside_is_the_series_the_workaround_was_measured_on() -> None:
    assert PySide6.__version__.startswith(pyside_compat.PINNED_SERIES), CHANGED


def test_the_import_hook_still_reads_sources_and_the_cheap_scan_answers_the_same() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCAN], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    upstream_reads_sources, replaced = result.stdout.splitlines()
    # PYSIDE-2029: once the hook stops reading every module's source, the workaround can go.
    assert upstream_reads_sources == "['getsource', 'inspect']", CHANGED
    assert replaced == "True True False"


def test_every_number_the_first_screen_sets_is_the_value_of_its_qt_enum() -> None:
    from PySide6.QtCore import Qt

    numbers = {
        pyside_compat.ALIGN_LEFT: Qt.AlignmentFlag.AlignLeft,
        pyside_compat.ALIGN_H_CENTER: Qt.AlignmentFlag.AlignHCenter,
        pyside_compat.ALIGN_TOP: Qt.AlignmentFlag.AlignTop,
        pyside_compat.ALIGN_BOTTOM: Qt.AlignmentFlag.AlignBottom,
        pyside_compat.ALIGN_CENTER: Qt.AlignmentFlag.AlignCenter,
        pyside_compat.TEXT_ALIGNMENT_ROLE: Qt.ItemDataRole.TextAlignmentRole,
        pyside_compat.USER_ROLE: Qt.ItemDataRole.UserRole,
        pyside_compat.BACKGROUND_ROLE: Qt.ItemDataRole.BackgroundRole,
        pyside_compat.FOREGROUND_ROLE: Qt.ItemDataRole.ForegroundRole,
        pyside_compat.RICH_TEXT: Qt.TextFormat.RichText,
        pyside_compat.NO_TEXT_INTERACTION: Qt.TextInteractionFlag.NoTextInteraction,
        pyside_compat.KEY_HOME: Qt.Key.Key_Home,
        pyside_compat.KEY_END: Qt.Key.Key_End,
        pyside_compat.KEY_PAGE_UP: Qt.Key.Key_PageUp,
        pyside_compat.KEY_PAGE_DOWN: Qt.Key.Key_PageDown,
    }
    for number, value in numbers.items():
        assert number == value.value, value


SET_BY_NUMBER = """
import PySide6.QtCore as core
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QTableWidgetItem
from desktop.ui.common import pyside_compat as compat
app = QApplication([])
label = QLabel("x")
compat.align(label, compat.ALIGN_BOTTOM | compat.ALIGN_LEFT)
label.setProperty("textFormat", compat.RICH_TEXT)
item = QTableWidgetItem("x")
item.setData(compat.BACKGROUND_ROLE, QColor("#ff0000"))
item.setData(compat.TEXT_ALIGNMENT_ROLE, compat.ALIGN_CENTER)
action = QAction("x")
compat.set_shortcut(action, "Ctrl+Shift+G")
quit_action = QAction("quit")
compat.set_shortcut(quit_action, QKeySequence.StandardKey.Quit)
print("Qt" in vars(core))
from PySide6.QtCore import Qt
print(label.alignment() == Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
      label.textFormat() == Qt.TextFormat.RichText,
      item.background().color().name(), item.textAlignment() == Qt.AlignmentFlag.AlignCenter,
      action.shortcut().toString(),
      quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit))
"""


def test_the_numbers_set_what_the_enums_would_without_building_the_qt_namespace() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SET_BY_NUMBER],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**child_env(), "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    unbuilt, effects = result.stdout.splitlines()
    # Once any of these builds `Qt` (a PySide6 change in how overloads are weighed), the
    # workaround saves nothing: re-measure, and set the enums again.
    assert unbuilt == "False", CHANGED
    assert effects == "True True #ff0000 True Ctrl+Shift+G True"
