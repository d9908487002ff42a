"""A whole double day by keyboard alone, in virtual time, over a real log.

Heavy: three exercises × three sets with full rests; light: the same shape with 60–90 s rests.
Every stored row, every rest's stored duration and every cue (once, at ready and at max) are
checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.exercises import list_exercises
from db.sessions import get_session, sessions_for_athlete, sets_for_session
from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.gym_support import fake_clock, open_log, plan_for_today
from tests.ui.gym_ui import CueLog, open_view, press, type_text, wait

K = Qt.Key
LIFT_S = 30.0
EXERCISES = ["back_squat", "conventional_deadlift", "reverse_lunge"]


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_log(data_dir)
    plan_for_today(opened, clock)
    yield opened
    opened.close()


def lift(qtbot: QtBot, view: GymView, clock: FakeClock) -> None:
    """Space starts the set (or ends the rest), the set takes 30 s, Space: set done."""
    press(qtbot, view, K.Key_Space)
    assert view.session.stage is Stage.LIFTING
    wait(view, clock, LIFT_S)
    press(qtbot, view, K.Key_Space)
    assert view.session.stage is Stage.LOGGING


def rest_through(view: GymView, clock: FakeClock, seconds: float) -> None:
    assert view.session.stage is Stage.RESTING
    wait(view, clock, seconds)


def keys_of(store: Store) -> dict[int, str]:
    return {row.id: row.key for row in list_exercises(store)}


def test_a_heavy_session_by_keyboard(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    cues = CueLog(view, clock)
    finished: list[int] = []
    view.session_finished.connect(finished.append)
    rest_s = 310.0
    for number in range(9):
        if number:
            rest_through(view, clock, rest_s)
        lift(qtbot, view, clock)
        if number == 1:
            type_text(qtbot, view, "4")  # the prefilled 5 is selected: typing replaces it
        if number == 2:
            press(qtbot, view, K.Key_Down)
            press(qtbot, view, K.Key_Up)
            press(qtbot, view, K.Key_PageUp)
            press(qtbot, view, K.Key_PageUp)
            press(qtbot, view, K.Key_F, ctrl=True)
        press(qtbot, view, K.Key_Return)
        assert view.session.message is None
    assert view.session.stage is Stage.SUMMARY
    press(qtbot, view, K.Key_Return)
    assert finished == [view.session.session_id]

    rows = sets_for_session(store, view.session.session_id)
    names = keys_of(store)
    assert [names[r.exercise_id] for r in rows] == [key for key in EXERCISES for _ in range(3)]
    assert [r.reps for r in rows] == [5, 4, 5, 5, 5, 5, 5, 5, 5]
    assert [r.load_kg for r in rows] == [20.0, 20.0, 25.0, 20.0, 20.0, 20.0, 0.0, 0.0, 0.0]
    assert [r.form_held for r in rows] == [True, True, False, *[True] * 6]
    assert all(not r.warmup and (r.target_reps_min, r.target_reps_max) == (4, 5) for r in rows)
    assert [r.rest_before_s for r in rows] == [None, *[rest_s] * 8]
    assert all(r.over_rest_s == 10.0 and r.rest_paused_s == 0.0 for r in rows[1:])
    for before, after in pairwise(rows):
        assert (after.started_at - before.ended_at).total_seconds() == rest_s
        assert (after.ended_at - after.started_at).total_seconds() == LIFT_S
    assert cues.heard == [("ready", 180.0), ("max", 300.0)] * 8
    session = get_session(store, view.session.session_id)
    assert (session.state, session.rest_started_at) == ("finished", None)


def test_a_light_session_by_keyboard(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    view = open_view(qtbot, store, clock, tmp_path, kind="light")
    cues = CueLog(view, clock)
    rest_s = 95.0
    for number in range(9):
        if number:
            rest_through(view, clock, rest_s)
        lift(qtbot, view, clock)
        if number == 4:
            type_text(qtbot, view, "18")
        press(qtbot, view, K.Key_Enter)
    assert view.session.stage is Stage.SUMMARY
    assert not view.session.wants_cramp_report
    press(qtbot, view, K.Key_Return)
    assert view.session.finished
    rows = sets_for_session(store, view.session.session_id)
    assert [r.reps for r in rows] == [20, 20, 20, 20, 18, 20, 20, 20, 20]
    assert all((r.target_reps_min, r.target_reps_max, r.load_kg) == (10, 20, 0.0) for r in rows)
    assert [r.rest_before_s for r in rows] == [None, *[rest_s] * 8]
    assert all(r.over_rest_s == 5.0 for r in rows[1:])
    assert cues.heard == [("ready", 60.0), ("max", 90.0)] * 8
    assert [s.kind for s in sessions_for_athlete(store, 1)] == ["light"]


def test_an_early_heavy_rest_asks_once_and_escape_keeps_resting(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    cues = CueLog(view, clock)
    lift(qtbot, view, clock)
    press(qtbot, view, K.Key_Return)
    rest_through(view, clock, 100)
    press(qtbot, view, K.Key_Space)
    assert view.controls.prompt.isVisible()
    assert "Full rest matters" in view.controls.prompt.text()
    assert "1:20 to ready" in view.controls.prompt.text()
    press(qtbot, view, K.Key_Escape)
    assert not view.controls.prompt.isVisible() and view.session.stage is Stage.RESTING
    rest_through(view, clock, 20)
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Space)
    assert view.session.stage is Stage.LIFTING
    assert cues.heard == []
    wait(view, clock, LIFT_S)
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Return)
    assert sets_for_session(store, view.session.session_id)[-1].rest_before_s == 120.0


def test_pause_extend_and_leave_by_keyboard(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    cues = CueLog(view, clock)
    closed: list[bool] = []
    view.closed.connect(lambda: closed.append(True))
    lift(qtbot, view, clock)
    press(qtbot, view, K.Key_Return)
    rest_through(view, clock, 170)
    press(qtbot, view, K.Key_P)
    assert view.timer_panel.title.text() == "Paused"
    assert view.controls.buttons["pause"].text().startswith("Resume")
    rest_through(view, clock, 60)
    assert cues.heard == []
    press(qtbot, view, K.Key_P)
    press(qtbot, view, K.Key_Plus)
    rest_through(view, clock, 39)
    assert cues.heard == []
    rest_through(view, clock, 1)
    assert cues.heard == [("ready", 210.0)]
    press(qtbot, view, K.Key_Escape)
    assert "Leave gym mode?" in view.controls.prompt.text()
    press(qtbot, view, K.Key_Return)
    assert closed == [True]
    stored = get_session(store, view.session.session_id)
    assert (stored.state, stored.rest_paused_s, stored.rest_extended_s) == (
        "in_progress",
        60.0,
        30.0,
    )


def test_with_the_real_clock_the_qt_timers_sound_each_cue_once(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    """The whole path from Qt's timers through the driver to the screen, on a 1–2 s rest."""
    from desktop.domain.rest.clock import SystemClock
    from desktop.gym.opening.start import start_workout
    from tests.ui.gym_ui import show_view

    clock = fake_clock(datetime.now(UTC))
    store = open_log(data_dir / "real", now=clock.wall())
    try:
        plan_for_today(store, clock, options={"light_rest_s": [1, 2]})
        view = show_view(qtbot, start_workout(store, clock=SystemClock(), kind="light"), tmp_path)
        heard: list[str] = []
        view.rests.cue_reached.connect(heard.append)
        press(qtbot, view, K.Key_Space)
        press(qtbot, view, K.Key_Space)
        press(qtbot, view, K.Key_Return)
        assert view.session.stage is Stage.RESTING
        qtbot.waitUntil(lambda: heard == ["ready", "max"], timeout=10_000)
        qtbot.wait(600)
        assert heard == ["ready", "max"]
        assert view.timer_panel.caption.text() == "over by"
        press(qtbot, view, K.Key_Space)
        assert view.session.stage is Stage.LIFTING
    finally:
        store.close()
