"""Tab on the session's summary stays on the summary: its note and cramp report, round and round.

Before, Tab from the last answer left gym mode for the toolbar's Athlete box, where Enter does
nothing and the summary's keys are gone; the runner, not looking closely, is lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow, start_window
from desktop.domain.gym.workout import Prompt, Stage
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.view import GymView
from tests.planning_support import OFFSCREEN_SIZE_HINTS, plan_a_build_up

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS, "pipewire", "PulseAudioService", "Qt multimedia"
)
K = Qt.Key


def focus_now() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def to_summary(qtbot: QtBot, data_dir: Path, held: list[StartedWindow]) -> GymView:
    """A runner with a plan (so the toolbar shows the Athlete box), `cramproof gym heavy`, one
    set by the keys, then E and Enter end it early."""
    plan_a_build_up(data_dir)
    shown = start_window(AppPaths(data_dir=data_dir, log_dir=data_dir / "logs"), gym_kind="heavy")
    assert isinstance(shown, StartedWindow)
    held.append(shown)
    qtbot.waitUntil(lambda: shown.opened, timeout=10_000)
    for _ in range(5):
        qtbot.wait(20)
    gym = shown.window.gym.view
    assert gym is not None
    shown.window.activateWindow()
    while gym.session.prompt is Prompt.START_LOAD:  # the loads left to the form
        qtbot.keyClick(focus_now(), K.Key_Escape)
    for key in (K.Key_Space, K.Key_Space, K.Key_Return, K.Key_E, K.Key_Return):
        qtbot.keyClick(focus_now(), key)
    assert gym.session.stage is Stage.SUMMARY
    return gym


@pytest.mark.parametrize("backwards", [False, True], ids=["tab", "shift-tab"])
def test_tab_cycles_inside_the_summary(
    qtbot: QtBot, data_dir: Path, started: list[StartedWindow], backwards: bool
) -> None:
    gym = to_summary(qtbot, data_dir, started)
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    key = K.Key_Backtab if backwards else K.Key_Tab
    seen: list[QWidget] = []
    for _ in range(12):
        qtbot.keyClick(focus_now(), key, modifier)
        widget = focus_now()
        seen.append(widget)
        assert widget is gym or gym.summary.isAncestorOf(widget), f"Tab left for {widget!r}"
    assert gym.summary.notes in seen and gym.summary.cramps.unanswered in seen
    assert len(set(seen)) < len(seen), "the chain comes round again"
    qtbot.wait(100)  # the layout settles before the look
    gym.window().grab().save(str(data_dir / "summary_tab.png"))
    while focus_now() is not gym.summary.cramps.unanswered:
        qtbot.keyClick(focus_now(), K.Key_Tab)
    qtbot.keyClick(focus_now(), K.Key_Right)  # the arrows move between the answers
    assert focus_now() is gym.summary.cramps.no and gym.summary.cramps.no.isChecked()
    qtbot.keyClick(focus_now(), K.Key_Return)
    assert gym.session.finished, "Enter on an answer finishes, as the hint line says"
