"""The rest follower hands the timer's tick to the gym screen once: straight from the
TimerDriver's signal, with no Python slot of its own re-emitting it."""

from __future__ import annotations

import inspect
from pathlib import Path

from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.domain.rest.rest_timer import RestDisplay
from desktop.ui.gym.keys import Action
from tests.fake_clock import FakeClock
from tests.ui.gym_ui import open_view


def test_each_tick_reaches_the_screen_once_and_straight_from_the_driver(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    for action in (Action.PRIMARY, Action.PRIMARY, Action.CONFIRM):
        view.dispatch(action)
    assert view.session.stage is Stage.RESTING
    seen: list[tuple[RestDisplay, list[str]]] = []

    def on_tick(display: RestDisplay) -> None:
        # Which Python functions stand between the driver's refresh and this listener.
        frames = [frame.function for frame in inspect.stack()[1:]]
        seen.append((display, frames[: frames.index("refresh")]))

    view.rests.ticked.connect(on_tick)
    clock.advance(30)
    view.rests.refresh()
    assert len(seen) == 1
    display, between = seen[0]
    assert display.elapsed_s == 30
    assert between == [], f"the tick was passed on by {between}"
