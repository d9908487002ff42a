"""The resting screen at 3:00 after a realistic week, for the screenshot and its test.

`python -m tests.ui.gym_screens packaging/screenshots/gym-ready.png` renders the README's
screenshot offscreen at 1366×768.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from db.store import Store
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import WorkoutSession
from tests.audio_server import missing_tools, pulse_server
from tests.fake_clock import FakeClock
from tests.gym_support import fake_clock, leave_start_loads, open_log, plan_for_today

SIZE = (1366, 768)
LAST_WEEK = {"back_squat": "97.5", "conventional_deadlift": "120", "reverse_lunge": "30"}


def last_weeks_session(store: Store, clock: FakeClock) -> None:
    """Clean sets of five on each lift, so today suggests +5 kg (+2.5 kg on the lunge)."""
    session = leave_start_loads(start_workout(store, clock=clock, kind="heavy"))
    session.primary()
    while True:
        clock.advance(30)
        session.primary()
        upcoming = session.next
        assert upcoming is not None
        session.edit(load=LAST_WEEK[upcoming.key])
        assert session.save(), session.message
        if session.next is None:
            break
        clock.advance(200)
        session.primary()
    assert session.finish(notes="")


def resting_at_ready(data_dir: Path) -> tuple[WorkoutSession, Store, FakeClock]:
    """Today's heavy session, first squat work set done, 3:00 into its rest."""
    clock = fake_clock()
    store = open_log(data_dir, now=clock.wall())
    plan_for_today(store, clock, options={"heavy_sets_phase1": 4})
    last_week = fake_clock(clock.wall() - timedelta(days=7))
    last_weeks_session(store, last_week)
    session = start_workout(store, clock=clock, kind="heavy")
    session.skip_warmups()
    session.primary()
    clock.advance(25)
    session.primary()
    assert session.save(), session.message
    clock.advance(180)
    return session, store, clock


def main(out: Path) -> None:
    """Render with sound working (a private PulseAudio server when this machine has one)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        if missing_tools():
            render(out)
            return
        with pulse_server(Path(folder)) as server:
            os.environ.update(server.client_env())
            render(out)


def render(out: Path) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.ui.alerts.sound import CuePlayer
    from desktop.ui.gym.panels.timer_panel import FLASH_MS, FLASH_TOGGLES
    from desktop.ui.gym.view import GymView

    _app = QApplication.instance() or QApplication(sys.argv[:1])  # kept alive until the end
    with tempfile.TemporaryDirectory() as folder:
        session, store, _clock = resting_at_ready(Path(folder))
        view = GymView(session, player=CuePlayer())
        view.resize(*SIZE)
        view.show()
        QTest.qWait(FLASH_TOGGLES * FLASH_MS + 300)  # the muted READY cue flashes first
        view.grab().save(str(out))
        view.shut_down()
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
