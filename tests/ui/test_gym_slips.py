"""Keyboard slips that must not lose work: Space pressed by mistake, E while logging a set."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.sessions import sets_for_session
from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.ui.gym_ui import CueLog, focused, open_view, press, type_text, wait

K = Qt.Key


@pytest.fixture
def view(qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path) -> GymView:
    return open_view(qtbot, store, clock, tmp_path, kind="heavy")


def set_done(qtbot: QtBot, view: GymView, clock: FakeClock) -> None:
    press(qtbot, view, K.Key_Space)
    wait(view, clock, 30)
    press(qtbot, view, K.Key_Space)
    assert view.session.stage is Stage.LOGGING


def test_space_by_mistake_then_esc_brings_the_countdown_and_the_max_cue_back(
    qtbot: QtBot, view: GymView, clock: FakeClock, store: Store
) -> None:
    cues = CueLog(view, clock)
    set_done(qtbot, view, clock)
    press(qtbot, view, K.Key_Return)
    wait(view, clock, 185)
    assert cues.heard == [("ready", 180.0)]
    press(qtbot, view, K.Key_Space)
    assert view.pages.currentWidget() is view.set_panel
    wait(view, clock, 10)
    press(qtbot, view, K.Key_Escape)
    assert view.session.stage is Stage.RESTING
    assert view.pages.currentWidget() is view.timer_panel
    assert (view.timer_panel.digits.text(), view.timer_panel.caption.text()) == (
        "1:45",
        "until max",
    )
    wait(view, clock, 105)
    assert cues.heard == [("ready", 180.0), ("max", 300.0)]
    set_done(qtbot, view, clock)
    press(qtbot, view, K.Key_Return)
    assert sets_for_session(store, view.session.session_id)[-1].rest_before_s == 300.0


def click_end(qtbot: QtBot, view: GymView) -> None:
    """E types into the focused field, so from the set's fields the session ends by the button."""
    button = view.controls.buttons["end"]
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_ending_from_the_reps_field_saves_the_set_before_asking_to_end(
    qtbot: QtBot, view: GymView, clock: FakeClock, store: Store
) -> None:
    set_done(qtbot, view, clock)
    assert focused(view) is view.log_panel.reps
    view.log_panel.reps.selectAll()
    type_text(qtbot, view, "4")
    click_end(qtbot, view)
    assert "End the session now?" in view.controls.prompt.text()
    press(qtbot, view, K.Key_Return)
    assert view.session.stage is Stage.SUMMARY
    [row] = sets_for_session(store, view.session.session_id)
    assert row.reps == 4


def test_ending_with_a_set_that_cannot_be_saved_keeps_it_on_screen_and_says_why(
    qtbot: QtBot, view: GymView, clock: FakeClock, store: Store
) -> None:
    set_done(qtbot, view, clock)
    view.log_panel.reps.selectAll()
    type_text(qtbot, view, "abc")
    click_end(qtbot, view)
    assert view.session.stage is Stage.LOGGING
    assert not view.controls.prompt.isVisible()
    message = view.log_panel.message
    assert message.isVisible() and "Correct the set, then end the session" in message.text()
    assert view.log_panel.reps.text() == "abc"
    assert sets_for_session(store, view.session.session_id) == []
