"""View → Bar and plates… and View → Light session reminder…, opened by keys in the real
window: each runner's own form, or, before there is a runner, one status line saying why not."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow, start_window
from desktop.plan.planning import Planning
from desktop.plan.setup_form import SetupForm
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.dialogs.equipment import EquipmentDialog
from desktop.ui.gym.dialogs.light_reminder import LightReminderDialog
from tests.planning_support import OFFSCREEN_SIZE_HINTS, open_test_store

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS,
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)
FORMS = [
    (Qt.Key.Key_B, EquipmentDialog, "Bar and plates: Ana", "the bar and plates are per runner"),
    (
        Qt.Key.Key_L,
        LightReminderDialog,
        "Light session reminder: Ana",
        "the reminder is per runner",
    ),
]


@pytest.fixture
def start(qtbot: QtBot, data_dir: Path) -> Iterator[Callable[[bool], StartedWindow]]:
    held: list[StartedWindow] = []

    def started(with_runner: bool) -> StartedWindow:
        if with_runner:
            store = open_test_store(data_dir)
            try:
                race = datetime.now(UTC).date().replace(year=datetime.now(UTC).year + 1)
                Planning(store, now=lambda: datetime.now(UTC)).set_up(
                    SetupForm(name="Ana", race_date=race.isoformat())
                )
            finally:
                store.close()
        shown = start_window(AppPaths(data_dir=data_dir, log_dir=data_dir / "logs"))
        assert isinstance(shown, StartedWindow)
        held.append(shown)
        qtbot.waitUntil(lambda: shown.opened, timeout=10_000)
        for _ in range(5):
            qtbot.wait(20)
        return shown

    yield started
    for shown in held:
        shown.window.close()
        shown.shut_down()


def choose_from_view_menu(qtbot: QtBot, shown: StartedWindow, key: Qt.Key) -> None:
    qtbot.keyClick(shown.window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), key)


@pytest.mark.parametrize(("key", "form", "title", "_why"), FORMS)
def test_each_form_opens_on_the_current_runner(
    qtbot: QtBot,
    start: Callable[[bool], StartedWindow],
    key: Qt.Key,
    form: type,
    title: str,
    _why: str,
) -> None:
    shown = start(True)
    choose_from_view_menu(qtbot, shown, key)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), form))
    dialog = QApplication.activeModalWidget()
    assert dialog.windowTitle() == title
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


@pytest.mark.parametrize(("key", "form", "_title", "why"), FORMS)
def test_without_a_runner_the_status_line_says_why_no_form(
    qtbot: QtBot,
    start: Callable[[bool], StartedWindow],
    key: Qt.Key,
    form: type,
    _title: str,
    why: str,
) -> None:
    shown = start(False)
    choose_from_view_menu(qtbot, shown, key)
    status = shown.window.statusBar()
    qtbot.waitUntil(lambda: status.currentMessage() == f"Set up a runner first: {why}.")
    assert QApplication.activeModalWidget() is None
