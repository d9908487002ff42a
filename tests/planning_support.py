"""Shared pieces for the build-up tests: a settable clock, a real store, logging a session."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from db.exercises import ensure_exercise
from db.records import SessionKind, SetRecord
from db.sessions import finish_session, log_set, start_session
from db.store import Store, open_store
from desktop.domain.buildup.exercises import exercise
from desktop.plan.planning import Planning
from desktop.plan.setup_form import SetupForm

RACE = date(2027, 4, 18)  # a Sunday; 14 weeks: week 1 is Sun 10 Jan .. Sat 16 Jan 2027
WEEK1 = date(2027, 1, 10)
BEFORE_START = date(2027, 1, 5)
FORM = SetupForm(name="Ana", race_date="2027-04-18")


class SettableClock:
    """Now, at noon UTC of the day under test, so the local date is that day in any time zone
    within eleven hours of UTC."""

    def __init__(self, day: date) -> None:
        self.moment = at_noon(day)

    def __call__(self) -> datetime:
        return self.moment

    def set_day(self, day: date) -> None:
        self.moment = at_noon(day)


def at_noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def open_test_store(data_dir: Path) -> Store:
    data_dir.mkdir(parents=True, exist_ok=True)
    return open_store(
        data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=at_noon(BEFORE_START)
    )


@dataclass(frozen=True)
class Harness:
    """A real log in the test's data folder, the clock it runs on, and the use case over it."""

    store: Store
    clock: SettableClock
    planning: Planning

    def athlete_id(self) -> int:
        athlete = self.planning.current_athlete()
        assert athlete is not None
        return athlete.id


@contextmanager
def open_harness(data_dir: Path, *, day: date = BEFORE_START) -> Iterator[Harness]:
    store = open_test_store(data_dir)
    clock = SettableClock(day)
    try:
        yield Harness(store, clock, Planning(store, now=clock))
    finally:
        store.close()


# The offscreen platform plugin warns on every top-level window with a layout ("This plugin does
# not support propagateSizeHints()"); it is a no-op there, not a problem of the widget tested.
OFFSCREEN_SIZE_HINTS = "propagateSizeHints"


def log_session(
    store: Store,
    *,
    athlete_id: int,
    kind: SessionKind,
    day: date,
    sets: Mapping[str, int],
    planned_day_id: int | None = None,
    warmups: int = 0,
) -> int:
    """A finished session on `day` with `sets[key]` work sets of each exercise."""
    started = at_noon(day)
    session = start_session(
        store, athlete_id=athlete_id, kind=kind, planned_day_id=planned_day_id, started_at=started
    )
    index = 0
    for key, count in sets.items():
        item = exercise(key)
        exercise_id = ensure_exercise(
            store,
            key=key,
            name=item.name,
            movement=item.movement,
            barbell=item.barbell,
            bodyweight=item.increment == "none",
        )
        for number in range(count + warmups):
            log_set(
                store,
                SetRecord(
                    session_id=session.id,
                    exercise_id=exercise_id,
                    set_index=index,
                    warmup=number < warmups,
                    target_reps_min=4,
                    target_reps_max=5,
                    reps=5,
                    load_kg=60.0,
                    form_held=True,
                    started_at=started,
                    ended_at=started,
                ),
            )
            index += 1
    finish_session(store, session.id, ended_at=started)
    return session.id


HEAVY_DONE = {"back_squat": 3, "conventional_deadlift": 3}
LIGHT_DONE = {"back_squat": 2, "conventional_deadlift": 2}
