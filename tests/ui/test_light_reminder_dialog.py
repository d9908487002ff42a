"""View → Light session reminder…, keyboard only: the delay and the cut-off are checked as typed,
and the light sessions proposed from then on follow them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from db.athletes import list_athletes
from desktop.app import StartedWindow, start_window
from desktop.gym.closing.light_time import propose_after_heavy
from desktop.plan.planning import Planning
from desktop.plan.setup_form import SetupForm
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.dialogs.light_reminder import LightReminderDialog
from tests.planning_support import OFFSCREEN_SIZE_HINTS, open_test_store

# A menu opened by Alt+V on the offscreen platform, which has no stacking nor keyboard grab.
pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS,
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


@pytest.fixture
def shown(qtbot: QtBot, data_dir: Path) -> Iterator[StartedWindow]:
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    store = open_test_store(data_dir)
    try:
        race = datetime.now(UTC).date().replace(year=datetime.now(UTC).year + 1)
        Planning(store, now=lambda: datetime.now(UTC)).set_up(
            SetupForm(name="Ana", race_date=race.isoformat())
        )
    finally:
        store.close()
    started = start_window(paths)
    assert isinstance(started, StartedWindow)
    qtbot.waitUntil(lambda: started.opened, timeout=10_000)
    for _ in range(5):
        qtbot.wait(20)
    yield started
    started.window.close()
    started.shut_down()


def typed(qtbot: QtBot, text: str) -> None:
    """Select the focused field's text and type over it."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focus, text)


def open_by_keys(qtbot: QtBot, shown: StartedWindow) -> LightReminderDialog:
    window = shown.window
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert "&Light session reminder…" in [a.text() for a in menu.actions()]
    qtbot.keyClick(menu, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LightReminderDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, LightReminderDialog)
    return dialog


def test_the_reminder_settings_change_the_light_sessions_proposed_later(
    qtbot: QtBot, shown: StartedWindow
) -> None:
    dialog = open_by_keys(qtbot, shown)
    assert (dialog.hours.text(), dialog.latest.text()) == ("6", "21:00")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.hours)
    typed(qtbot, "13")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.message.text() == "The light session comes 1 to 12 hours after the heavy one."
    assert not save.isEnabled()
    typed(qtbot, "3.5")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.latest
    typed(qtbot, "11:00")
    assert dialog.message.text() == "The latest time is between 12:00 and 23:59."
    dialog.grab().save(str(Path(shown.window.store.path).parent / "reminder.png"))
    typed(qtbot, "19:00")
    assert save.isEnabled() and dialog.message.text() == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    status = shown.window.statusBar().currentMessage()
    assert status == "Light sessions from now on: 3.5 h after the heavy one, no later than 19:00."
    store = shown.window.store
    [ana] = list_athletes(store)
    morning = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    early = propose_after_heavy(store, athlete_id=ana.id, heavy_ended_at=morning)
    assert early is not None and early.remind_at == morning + timedelta(hours=3.5)
    late = propose_after_heavy(store, athlete_id=ana.id, heavy_ended_at=morning.replace(hour=17))
    assert late is not None and late.remind_at == morning.replace(hour=19)
