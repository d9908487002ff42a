"""A load far above the runner's best is asked about once, by keyboard, before it is saved.

A 1000 kg squat (typed for 100) was saved silently and then fed the next target, the plate
line, the advice and the chart scale. Y saves it as typed; Enter or Esc go back to the load.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.sessions import sets_for_session
from db.store import Store
from desktop.domain.gym.workout import Prompt, Stage
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.ui.gym_ui import focused, open_view, press, type_text, wait

K = Qt.Key


@pytest.fixture
def view(qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path) -> GymView:
    shown = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    press(qtbot, shown, K.Key_W)  # straight to the work sets
    return shown


def log_a_set(qtbot: QtBot, view: GymView, clock: FakeClock, load: str) -> None:
    press(qtbot, view, K.Key_Space)
    wait(view, clock, 30)
    press(qtbot, view, K.Key_Space)
    assert view.session.stage is Stage.LOGGING
    press(qtbot, view, K.Key_Tab)
    assert focused(view) is view.log_panel.load
    view.log_panel.load.selectAll()
    type_text(qtbot, view, load)
    press(qtbot, view, K.Key_Return)


def saved_loads(store: Store, view: GymView) -> list[float]:
    return [row.load_kg for row in sets_for_session(store, view.session.session_id)]


def test_1000_kg_with_no_history_asks_and_enter_goes_back_to_the_load(
    qtbot: QtBot, view: GymView, clock: FakeClock, store: Store
) -> None:
    log_a_set(qtbot, view, clock, "1000")
    banner = view.controls.prompt
    assert view.session.prompt is Prompt.UNUSUAL_LOAD
    assert banner.isVisible()
    assert "1000 kg on Back squat? That is more than 250 kg" in banner.text()
    assert "Y: yes, save it" in banner.text()
    assert "Y save it" in view.controls.hints.text()
    assert view.controls.primary.text() == "Correct the load  (Enter)", "no button says save"
    assert saved_loads(store, view) == []
    press(qtbot, view, K.Key_Return)  # a second Enter is the safe answer: nothing is saved
    assert saved_loads(store, view) == []
    assert not banner.isVisible() and view.session.stage is Stage.LOGGING
    load = view.log_panel.load
    assert focused(view) is load and load.selectedText() == "1000"
    type_text(qtbot, view, "100")
    press(qtbot, view, K.Key_Return)
    assert saved_loads(store, view) == [100.0]
    assert view.session.stage is Stage.RESTING


def test_y_saves_it_as_typed_and_esc_goes_back_too(
    qtbot: QtBot, view: GymView, clock: FakeClock, store: Store
) -> None:
    log_a_set(qtbot, view, clock, "100")
    assert saved_loads(store, view) == [100.0]
    wait(view, clock, 200)
    log_a_set(qtbot, view, clock, "160")
    assert "160 kg on Back squat? Your best so far is 100 kg." in view.controls.prompt.text()
    press(qtbot, view, K.Key_Escape)
    assert view.session.prompt is None and focused(view) is view.log_panel.load
    press(qtbot, view, K.Key_Return)
    assert view.session.prompt is Prompt.UNUSUAL_LOAD, "asked again: the load is unchanged"
    press(qtbot, view, K.Key_Y)
    assert saved_loads(store, view) == [100.0, 160.0]
    assert view.session.stage is Stage.RESTING and not view.controls.prompt.isVisible()


def test_a_load_within_the_runners_range_is_not_asked_about(
    qtbot: QtBot, view: GymView, clock: FakeClock, store: Store
) -> None:
    log_a_set(qtbot, view, clock, "100")
    wait(view, clock, 200)
    log_a_set(qtbot, view, clock, "150")
    assert view.session.prompt is None
    assert saved_loads(store, view) == [100.0, 150.0]
