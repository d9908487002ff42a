"""A runner who lifted without a plan finds the light session's time on the welcome page."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.local_zone import local_time
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.ui.gym_ui import leave_start_loads
from tests.ui.light_window import DAY, LightWindow

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS, "pipewire", "PulseAudioService", "Qt multimedia"
)
K = Qt.Key


def test_the_welcome_page_shows_the_light_session_after_a_heavy_one(
    qtbot: QtBot, light_window: LightWindow, tmp_path: Path
) -> None:
    clock = light_window.clock
    clock.moment = local_time(DAY, 10, 0)
    window = light_window.show()
    assert window.welcome_view.light_label.isHidden()
    window.welcome_view.session_button.click()
    view = window.gym.view
    assert view is not None and view.session.plan.kind == "heavy"
    leave_start_loads(qtbot, view)  # the first-time load questions: left to the form
    qtbot.keyClick(view, K.Key_Space)
    clock.moment += timedelta(seconds=40)
    qtbot.keyClick(view, K.Key_Space)
    qtbot.keyClick(view.focusWidget() or view, K.Key_Return)  # save the set as shown
    qtbot.keyClick(view, K.Key_E)
    qtbot.keyClick(view, K.Key_Return)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.summary)
    clock.moment = local_time(DAY, 11, 30)
    qtbot.keyClick(view.focusWidget() or view, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.gym.view is None)
    welcome = window.welcome_view
    assert window.centralWidget().currentWidget() is welcome
    assert welcome.light_label.isVisible()
    assert welcome.light_label.text() == "Light session at 17:30"
    window.grab().save(str(tmp_path / "welcome.png"))
