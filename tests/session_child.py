"""Child process for the resume tests: drives a gym session through desktop.gym.underway.session,
then waits for the SIGKILL. Run as `python -m tests.session_child DATA_DIR SCENARIO`.

Virtual time (a FakeClock at tests.gym_support.MORNING) keeps every stored time exact. Once the
scenario is done the child prints `ready <session id> <wall clock ISO>` and sleeps.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import WorkoutSession
from tests.fake_clock import FakeClock
from tests.gym_support import end_rest, fake_clock, lift_set, open_log


def resting(session: WorkoutSession, clock: FakeClock) -> None:
    """Two squat sets done; resting 75 s into the rest before the third."""
    lift_set(session, clock, seconds=30)
    end_rest(session, clock, seconds=190)  # Space ends the rest and starts set 2
    clock.advance(30)
    session.primary()
    session.confirm()
    clock.advance(75)


def paused(session: WorkoutSession, clock: FakeClock) -> None:
    """One set done; the rest paused at 60 s with 20 s already paused before, and +30 s."""
    lift_set(session, clock)
    clock.advance(40)
    session.toggle_pause()
    clock.advance(20)
    session.toggle_pause()
    session.extend_rest()
    clock.advance(20)
    session.toggle_pause()
    clock.advance(5)


def lifting(session: WorkoutSession, clock: FakeClock) -> None:
    """One set saved, 200 s of rest, the second set under way for 10 s and not saved."""
    lift_set(session, clock)
    end_rest(session, clock, seconds=200)
    clock.advance(10)


SCENARIOS = {"resting": resting, "paused": paused, "lifting": lifting}


def main(data_dir: Path, scenario: str) -> None:
    clock = fake_clock()
    store = open_log(data_dir)
    session = start_workout(store, clock=clock, kind="heavy")
    SCENARIOS[scenario](session, clock)
    sys.stdout.write(f"ready {session.session_id} {clock.wall().isoformat()}\n")
    sys.stdout.flush()
    time.sleep(600)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
