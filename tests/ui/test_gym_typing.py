"""A focused field gets the keys typed into it: letters in Load or Reps never run gym shortcuts.

A runner typed "heavy" into the Load field and got "hay": E opened "End the session?" and V the
swap list. The single-letter keys act only when no field has the focus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.ui.gym_ui import focused, open_view, press

K = Qt.Key


@pytest.fixture
def view(qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path) -> GymView:
    shown = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    press(qtbot, shown, K.Key_Space)
    press(qtbot, shown, K.Key_Space)
    assert shown.session.stage is Stage.LOGGING
    return shown


@pytest.mark.parametrize("field", ["load", "reps"])
def test_letters_typed_in_a_field_stay_in_it(qtbot: QtBot, view: GymView, field: str) -> None:
    if field == "load":
        press(qtbot, view, K.Key_Tab)
    edit = getattr(view.log_panel, field)
    assert focused(view) is edit
    edit.selectAll()
    qtbot.keyClicks(edit, "heavy px+=wm")
    assert edit.text() == "heavy px+=wm"
    assert view.session.stage is Stage.LOGGING and view.session.prompt is None
    assert not view.controls.prompt.isVisible(), "no question popped up while typing"
    assert view.session.draft is not None and view.session.draft.form_held
    assert focused(view) is edit
    assert view.controls.buttons["end"].text() == "End session", "no key promised that types"


def test_the_form_flag_still_has_a_key_from_the_fields(qtbot: QtBot, view: GymView) -> None:
    assert view.session.draft is not None and view.session.draft.form_held
    press(qtbot, view, K.Key_F, ctrl=True)
    assert not view.session.draft.form_held
    assert "Ctrl+F" in view.log_panel.form.text() and "Ctrl+F" in view.controls.hints.text()


def test_letters_still_act_on_the_gym_screen_itself(qtbot: QtBot, view: GymView) -> None:
    press(qtbot, view, K.Key_Return)  # saved: resting, no field focused
    assert view.session.stage is Stage.RESTING and focused(view) is view
    press(qtbot, view, K.Key_E)
    assert view.session.prompt is not None, "E asks to end the session"
