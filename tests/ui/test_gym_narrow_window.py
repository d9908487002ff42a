"""Gym mode in the narrowest window Cramproof allows (800 px): every button whole and apart,
the heading shortened with "…" rather than cut against the set count.

A rest shows six buttons beside "Start next set"; side by side they need about 1,000 px, and Qt
laid them over the primary button, so the runner saw "Start next se" under "Pause".
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.gym.workout import Stage
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.panels.controls import Controls
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import OFFSCREEN_SIZE_HINTS, WEEK1, Harness
from tests.ui.gym_ui import leave_start_loads

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS, "pipewire", "PulseAudioService", "Qt multimedia"
)


def shown_buttons(controls: Controls) -> list[tuple[str, QRect]]:
    buttons = [controls.primary, *controls.findChildren(QPushButton)]
    return [
        (button.text(), QRect(button.mapTo(controls, button.rect().topLeft()), button.size()))
        for button in dict.fromkeys(buttons)
        if button.isVisible()
    ]


@pytest.mark.parametrize("width", [800, 1024, 1366])
def test_a_rests_buttons_never_cover_each_other(
    qtbot: QtBot, harness: Harness, data_dir: Path, width: int
) -> None:
    harness.clock.set_day(WEEK1 + timedelta(days=6))
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    window = MainWindow(paths=paths, now=harness.clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach_store(harness.store)
    gym = window.gym.open("heavy")
    assert gym is not None
    leave_start_loads(qtbot, gym)  # the first-time load questions: left to the form
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Space, Qt.Key.Key_Return):  # a set, then its rest
        qtbot.keyClick(gym.focusWidget() or gym, key)
    assert gym.session.stage is Stage.RESTING
    window.resize(width, 560)
    qtbot.waitUntil(lambda: window.width() == width)
    qtbot.wait(50)
    controls = gym.findChild(Controls)
    shown = shown_buttons(controls)
    assert len(shown) >= 6, [text for text, _ in shown]
    for index, (text, rect) in enumerate(shown):
        assert controls.rect().contains(rect), f"{text!r} runs off the screen at {width} px"
        assert rect.width() >= controls.fontMetrics().horizontalAdvance("Pause  (P)"), text
        for other, other_rect in shown[index + 1 :]:
            assert not rect.intersects(other_rect), f"{text!r} covers {other!r} at {width} px"
    heading, progress = gym.heading, gym.progress
    assert progress.width() >= progress.sizeHint().width(), "the set count and sound are whole"
    assert heading.geometry().right() + 12 < progress.geometry().left(), "a gap between the two"
    assert heading.shown_text().startswith("HEAVY SESSION"), heading.shown_text()
    assert heading.toolTip() == heading.text(), "the whole heading is one hover away"
    window.grab().save(f"/tmp/cramproof-gym-{width}.png")
