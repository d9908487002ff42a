"""The rest of the keyboard contract, the buttons that mirror it, and inline validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.checkins import cramp_reports
from db.sessions import get_session, sets_for_session
from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.gym.underway.session import Prompt
from desktop.ui.gym.keys import Field, action_for
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.ui.gym_ui import focused, open_view, press, type_text, wait

K = Qt.Key
NONE, CTRL = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def view(qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path) -> GymView:
    return open_view(qtbot, store, clock, tmp_path, kind="heavy")


@pytest.mark.parametrize(
    ("key", "modifiers", "field", "stage", "prompt", "action"),
    [
        (K.Key_Space, NONE, Field.NONE, Stage.READY, None, "primary"),
        (K.Key_Space, NONE, Field.NUMBER, Stage.LOGGING, None, None),
        (K.Key_Space, NONE, Field.TEXT, Stage.SUMMARY, None, None),
        (K.Key_Space, NONE, Field.TEXT, Stage.RESTING, Prompt.EARLY, "primary"),
        (K.Key_Return, NONE, Field.NUMBER, Stage.LOGGING, None, "confirm"),
        (K.Key_Enter, NONE, Field.NONE, Stage.LOGGING, None, "confirm"),
        (K.Key_Return, NONE, Field.NONE, Stage.SUMMARY, None, "finish"),
        (K.Key_Return, NONE, Field.TEXT, Stage.SUMMARY, None, None),
        (K.Key_Return, CTRL, Field.TEXT, Stage.SUMMARY, None, "finish"),
        (K.Key_Return, NONE, Field.TEXT, Stage.SUMMARY, Prompt.LEAVE, "confirm"),
        (K.Key_Escape, NONE, Field.TEXT, Stage.SUMMARY, None, "back"),
        (K.Key_F11, NONE, Field.TEXT, Stage.SUMMARY, None, "fullscreen"),
        (K.Key_Up, NONE, Field.NUMBER, Stage.LOGGING, None, "reps_up"),
        (K.Key_Down, NONE, Field.NUMBER, Stage.LOGGING, None, "reps_down"),
        (K.Key_PageUp, NONE, Field.NUMBER, Stage.LOGGING, None, "load_up"),
        (K.Key_PageDown, NONE, Field.NUMBER, Stage.LOGGING, None, "load_down"),
        (K.Key_F, NONE, Field.NUMBER, Stage.LOGGING, None, None),
        (K.Key_F, CTRL, Field.NUMBER, Stage.LOGGING, None, "form"),
        (K.Key_E, NONE, Field.NUMBER, Stage.LOGGING, None, None),
        (K.Key_F, NONE, Field.NONE, Stage.LOGGING, None, "form"),
        (K.Key_M, NONE, Field.NONE, Stage.RESTING, None, "mute"),
        (K.Key_F, NONE, Field.TEXT, Stage.SUMMARY, None, None),
        (K.Key_4, NONE, Field.NUMBER, Stage.LOGGING, None, None),
        (K.Key_Period, NONE, Field.NUMBER, Stage.LOGGING, None, None),
        (K.Key_Tab, NONE, Field.NUMBER, Stage.LOGGING, None, None),
        (K.Key_2, NONE, Field.NONE, Stage.RESTING, Prompt.SWAP, "choose:1"),
        (K.Key_P, NONE, Field.NONE, Stage.RESTING, None, "pause"),
        (K.Key_Plus, NONE, Field.NONE, Stage.RESTING, None, "extend"),
        (K.Key_Equal, NONE, Field.NONE, Stage.RESTING, None, "extend"),
        (K.Key_X, NONE, Field.NONE, Stage.RESTING, None, "extra"),
        (K.Key_S, NONE, Field.NONE, Stage.READY, None, "skip"),
        (K.Key_V, NONE, Field.NONE, Stage.READY, None, "swap"),
        (K.Key_W, NONE, Field.NONE, Stage.READY, None, "skip_warmups"),
        (K.Key_E, NONE, Field.NONE, Stage.LIFTING, None, "end"),
        (K.Key_Q, NONE, Field.NONE, Stage.READY, None, None),
    ],
)
def test_key_map(
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
    field: Field,
    stage: Stage,
    prompt: Prompt | None,
    action: str | None,
) -> None:
    assert action_for(key, modifiers, field=field, stage=stage, prompt=prompt) == action


def click(qtbot: QtBot, view: GymView, name: str) -> None:
    button = view.controls.primary if name == "primary" else view.controls.buttons[name]
    assert button.isVisible(), f"{name} is not on screen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_big_buttons_do_what_the_keys_do(
    qtbot: QtBot, view: GymView, clock: FakeClock, store: Store
) -> None:
    assert view.controls.primary.text() == "Start set  (Space)"
    click(qtbot, view, "primary")
    assert view.session.stage is Stage.LIFTING
    click(qtbot, view, "primary")
    assert view.controls.primary.text() == "Save  (Enter)"
    click(qtbot, view, "primary")
    assert view.session.stage is Stage.RESTING
    click(qtbot, view, "pause")
    assert view.session.rest is not None and view.session.rest.is_paused
    click(qtbot, view, "pause")
    click(qtbot, view, "extend")
    assert view.session.rest.window.ready_s == 210.0
    click(qtbot, view, "extra")
    assert view.session.plan.slots[0].sets == 4
    click(qtbot, view, "swap")
    assert view.session.prompt is Prompt.SWAP
    press(qtbot, view, K.Key_Escape)
    click(qtbot, view, "skip")
    assert view.session.next is not None and view.session.next.key == "conventional_deadlift"
    click(qtbot, view, "end")
    assert "End the session now?" in view.controls.prompt.text()
    press(qtbot, view, K.Key_Return)
    assert view.session.stage is Stage.SUMMARY
    assert view.controls.primary.text() == "Finish  (Enter)"
    click(qtbot, view, "primary")
    assert get_session(store, view.session.session_id).state == "finished"
    assert len(sets_for_session(store, view.session.session_id)) == 1


def test_swap_by_keyboard_shows_the_choices_and_takes_a_digit(qtbot: QtBot, view: GymView) -> None:
    press(qtbot, view, K.Key_V)
    text = view.controls.prompt.text()
    assert "1: Front squat" in text and "2: Goblet squat" in text and "3: Trap-bar squat" in text
    press(qtbot, view, K.Key_2)
    assert view.session.prompt is None
    assert view.set_panel.name.text() == "Goblet squat"


def test_typing_mistakes_get_an_inline_message_and_nothing_is_saved(
    qtbot: QtBot, view: GymView, clock: FakeClock, store: Store
) -> None:
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Space)
    assert focused(view) is view.log_panel.reps
    type_text(qtbot, view, "abc")
    press(qtbot, view, K.Key_Return)
    assert view.log_panel.message.isVisible()
    assert "Reps must be a whole number" in view.log_panel.message.text()
    assert view.session.stage is Stage.LOGGING
    view.log_panel.reps.selectAll()
    type_text(qtbot, view, "5")
    press(qtbot, view, K.Key_Tab)
    assert focused(view) is view.log_panel.load
    view.log_panel.load.selectAll()
    type_text(qtbot, view, "1200")
    press(qtbot, view, K.Key_Return)
    assert "from 0 to 1000 kg" in view.log_panel.message.text()
    assert sets_for_session(store, view.session.session_id) == []
    view.log_panel.load.selectAll()
    type_text(qtbot, view, "102,5")
    assert view.log_panel.plates.text() == "Each side: 25 + 15 + 1.25  ·  bar 20 kg"
    press(qtbot, view, K.Key_Return)
    assert view.session.stage is Stage.RESTING
    [row] = sets_for_session(store, view.session.session_id)
    assert (row.reps, row.load_kg) == (5, 102.5)


def test_the_summary_takes_a_note_and_a_cramp_report(
    qtbot: QtBot, view: GymView, store: Store
) -> None:
    press(qtbot, view, K.Key_E)
    press(qtbot, view, K.Key_Return)
    assert view.summary.cramps.isVisible()
    press(qtbot, view, K.Key_Tab)
    assert focused(view) is view.summary.notes
    view.summary.notes.setPlainText("x" * 2001)
    press(qtbot, view, K.Key_Return, ctrl=True)
    assert "at most 2,000" in view.summary.message.text()
    assert not view.session.finished
    view.summary.notes.setPlainText("")
    type_text(qtbot, view, "Heavy legs after 32 km")
    view.summary.cramps.yes.setChecked(True)
    view.summary.cramps.sites["calf"].setChecked(True)
    view.summary.cramps.distance.setText("35")
    view.summary.cramps.severity.setValue(2)
    press(qtbot, view, K.Key_Return, ctrl=True)
    assert view.session.finished
    record = get_session(store, view.session.session_id)
    assert (record.state, record.notes) == ("finished", "Heavy legs after 32 km")
    [report] = cramp_reports(store, record.athlete_id)
    assert (report.sites, report.distance_km, report.severity) == (("calf",), 35.0, 2)


def test_mute_and_full_screen(qtbot: QtBot, view: GymView) -> None:
    toggled: list[bool] = []
    view.mute_toggled.connect(toggled.append)
    assert view.player.muted and "Muted (M)" in view.progress.text()
    press(qtbot, view, K.Key_M)
    assert toggled == [False] and "Sound on (M)" in view.progress.text()
    press(qtbot, view, K.Key_M)
    assert toggled == [False, True] and "Muted (M)" in view.progress.text()
    press(qtbot, view, K.Key_F11)
    qtbot.waitUntil(view.isFullScreen)
    press(qtbot, view, K.Key_F11)
    qtbot.waitUntil(lambda: not view.isFullScreen())


def test_the_keys_are_shown_small_for_each_stage(qtbot: QtBot, view: GymView) -> None:
    hints = view.controls.hints
    assert hints.isVisible() and hints.text().startswith("Space start set")
    assert hints.font().pixelSize() < view.height() / 40
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Space)
    assert "PgUp/PgDn load" in hints.text() and "Ctrl+F form" in hints.text()


def test_a_plank_is_timed_by_the_stopwatch(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    view = open_view(qtbot, store, clock, tmp_path, kind="light")
    for _ in range(3):
        press(qtbot, view, K.Key_S)
    assert view.set_panel.name.text() == "Plank"
    assert view.set_panel.target.text() == "30–60 s"
    press(qtbot, view, K.Key_Space)
    wait(view, clock, 47)
    assert view.set_panel.stopwatch.text() == "Holding 0:47"
    press(qtbot, view, K.Key_Space)
    assert view.log_panel.reps_label.text() == "Seconds held"
    assert view.log_panel.reps.text() == "47"
    press(qtbot, view, K.Key_Return)
    assert sets_for_session(store, view.session.session_id)[0].hold_s == 47.0


def test_a_held_space_does_not_start_and_end_a_set_but_a_held_arrow_counts(
    qtbot: QtBot, view: GymView
) -> None:
    def repeat(key: Qt.Key, text: str = "") -> None:
        event = QKeyEvent(QEvent.Type.KeyPress, key, NONE, text, True)
        QApplication.sendEvent(focused(view), event)

    press(qtbot, view, K.Key_Space)
    repeat(K.Key_Space, " ")
    repeat(K.Key_Space, " ")
    assert view.session.stage is Stage.LIFTING
    press(qtbot, view, K.Key_Space)
    repeat(K.Key_Return)
    assert view.session.stage is Stage.LOGGING
    repeat(K.Key_Down)
    repeat(K.Key_Down)
    assert view.log_panel.reps.text() == "3"
