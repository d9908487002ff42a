"""The heavy session's summary proposes the light session later that day; + and - move it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.gym.closing.light_time import due_light_reminder
from desktop.plan.light_session import TOO_LATE_TEXT, todays_light_session
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.gym_support import local_day, plan_for_today
from tests.local_zone import local_time, local_zone
from tests.ui.gym_ui import open_view, press, wait

K = Qt.Key


@pytest.fixture(autouse=True)
def berlin() -> Iterator[None]:
    with local_zone("Europe/Berlin"):
        yield


def to_summary(qtbot: QtBot, view: GymView, clock: FakeClock) -> None:
    """One set (Space, 30 s, Space, Enter), then E and Enter end the session early."""
    press(qtbot, view, K.Key_Space)
    wait(view, clock, 30)
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Return)
    press(qtbot, view, K.Key_E)
    press(qtbot, view, K.Key_Return)
    assert view.session.stage is Stage.SUMMARY


def test_the_summary_shows_the_light_session_and_plus_moves_it(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    athlete, _ = plan_for_today(store, clock)
    clock.set_wall(local_time(local_day(clock), 11, 29))
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    to_summary(qtbot, view, clock)
    label = view.summary.light
    assert label.isVisible() and label.text().startswith("Light session at 17:29")
    press(qtbot, view, K.Key_Plus)
    press(qtbot, view, K.Key_Plus)
    press(qtbot, view, K.Key_Minus)
    assert label.text().startswith("Light session at 17:59")
    view.grab().save(str(tmp_path / "summary.png"))
    finished = view.session.session_id
    press(qtbot, view, K.Key_Return)
    assert view.session.finished and view.session.session_id == finished
    stored = todays_light_session(store, athlete, clock.wall())
    assert stored is not None
    assert stored.remind_at.astimezone().strftime("%H:%M") == "17:59"
    assert stored.remind_at - stored.heavy_ended_at == timedelta(hours=6, minutes=30)


def test_a_light_session_summary_proposes_nothing(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    athlete, _ = plan_for_today(store, clock)
    clock.set_wall(local_time(local_day(clock), 17, 0))
    view = open_view(qtbot, store, clock, tmp_path, kind="light")
    to_summary(qtbot, view, clock)
    assert view.summary.light.isHidden()
    press(qtbot, view, K.Key_Plus)
    press(qtbot, view, K.Key_Return)
    assert todays_light_session(store, athlete, clock.wall()) is None


def test_a_heavy_session_ending_past_the_cut_off_says_too_late_and_offers_no_time(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """At 23:14 there is no "later today": the summary says what to do instead, the hint line
    drops +/−, the keys move nothing and finishing stores no reminder (so none rings)."""
    athlete, _ = plan_for_today(store, clock)
    clock.set_wall(local_time(local_day(clock), 23, 13))
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    to_summary(qtbot, view, clock)
    label = view.summary.light
    assert label.isVisible() and label.text() == TOO_LATE_TEXT
    hints = view.controls.hints.text()
    assert "light session" not in hints and "+/−" not in hints, hints
    press(qtbot, view, K.Key_Plus)
    assert label.text() == TOO_LATE_TEXT
    view.grab().save(str(tmp_path / "too_late.png"))
    press(qtbot, view, K.Key_Return)
    assert view.session.finished
    assert todays_light_session(store, athlete, clock.wall()) is None
    assert due_light_reminder(store, clock.wall()) is None
