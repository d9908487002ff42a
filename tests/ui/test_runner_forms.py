"""View → Bar and plates… and View → Light session reminder…, opened by keys in the real
window: each runner's own form, or, before there is a runner, one status line saying why not."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow, start_window
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.dialogs.equipment import EquipmentDialog
from desktop.ui.gym.dialogs.light_reminder import LightReminderDialog
from tests.planning_support import OFFSCREEN_SIZE_HINTS, plan_a_build_up

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS,
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


@pytest.mark.parametrize("with_runner", [True, False], ids=["Ana", "nobody"])
@pytest.mark.parametrize(
    ("key", "form", "title", "why"),
    [
        (Qt.Key.Key_B, EquipmentDialog, "Bar and plates", "the bar and plates are per runner"),
        (Qt.Key.Key_L, LightReminderDialog, "Light session reminder", "the reminder is per runner"),
    ],
    ids=["equipment", "light reminder"],
)
def test_each_form_opens_on_the_runner_or_the_status_line_says_why_not(
    qtbot: QtBot,
    data_dir: Path,
    started: list[StartedWindow],
    with_runner: bool,
    key: Qt.Key,
    form: type,
    title: str,
    why: str,
) -> None:
    if with_runner:
        plan_a_build_up(data_dir)
    shown = start_window(AppPaths(data_dir=data_dir, log_dir=data_dir / "logs"))
    assert isinstance(shown, StartedWindow)
    started.append(shown)
    qtbot.waitUntil(lambda: shown.opened, timeout=10_000)
    qtbot.keyClick(shown.window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), key)
    if not with_runner:
        status = shown.window.statusBar()
        qtbot.waitUntil(lambda: status.currentMessage() == f"Set up a runner first: {why}.")
        assert QApplication.activeModalWidget() is None
        return
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), form))
    dialog = QApplication.activeModalWidget()
    assert dialog.windowTitle() == f"{title}: Ana"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
