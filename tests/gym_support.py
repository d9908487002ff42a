"""Shared set-up for the gym-mode tests: a real log in the test's folder, a plan for today."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from db.athletes import create_athlete
from db.plans import save_plan
from db.records import PlannedDayRecord, PlanRecord
from db.settings import set_setting
from db.store import Store, open_store
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import Prompt, WorkoutSession
from tests.fake_clock import FakeClock

MORNING = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def fake_clock(wall: datetime = MORNING) -> FakeClock:
    return FakeClock(start=5000.0, wall=wall)


def open_log(data_dir: Path, *, now: datetime = MORNING) -> Store:
    data_dir.mkdir(parents=True, exist_ok=True)
    return open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=now)


def local_day(clock: FakeClock) -> date:
    return clock.wall().astimezone().date()


def plan_for_today(
    store: Store,
    clock: FakeClock,
    *,
    name: str = "Ana",
    units: str = "kg",
    options: dict[str, Any] | None = None,
    after: str = "long_run",
) -> tuple[int, int]:
    """An athlete whose active plan has a phase-1 double day today; returns (athlete, day) ids.

    Three heavy sets, three light sets, no accessory and no finisher: three exercises × three
    sets in both sessions, the shape the keyboard tests walk.
    """
    today = local_day(clock)
    athlete = create_athlete(store, name, created_at=clock.wall())
    set_setting(store, "last_athlete_id", str(athlete.id))
    chosen = {
        "heavy_sets_phase1": 3,
        "light_sets": 3,
        "selection": {"include_finisher": False, "include_accessory": False},
    }
    chosen.update(options or {})
    plan = save_plan(
        store,
        PlanRecord(
            athlete_id=athlete.id,
            race_date=today + timedelta(weeks=14),
            weeks=14,
            long_run_day=today.weekday(),
            speed_day=(today.weekday() + 3) % 7,
            cramp_sites=("none",),
            units=units,  # type: ignore[arg-type]
            created_at=clock.wall(),
            options=chosen,
        ),
        [
            PlannedDayRecord(
                date=today, after=after, conditional=False, week=1, weeks_out=14, phase="phase1"
            )  # type: ignore[arg-type]
        ],
    )
    day_id = store.db.execute(
        "SELECT id FROM planned_days WHERE plan_id = ?", [plan.id]
    ).fetchone()[0]
    return athlete.id, day_id


def leave_start_loads(session: WorkoutSession) -> WorkoutSession:
    """Esc to each first-time load question: the loads are set on the form, as a runner who
    does not answer it (tests of other things start from the empty bar, as before)."""
    while session.prompt is Prompt.START_LOAD:
        session.back()
    return session


def lift_set(session: WorkoutSession, clock: FakeClock, *, seconds: float = 30.0) -> None:
    """Space (start), the set takes `seconds`, Space (done), Enter (save as shown); a
    first-time load question open before it is left to the form (Esc), as a runner who does
    not answer it."""
    leave_start_loads(session)
    session.primary()
    clock.advance(seconds)
    session.primary()
    session.confirm()


def end_rest(session: WorkoutSession, clock: FakeClock, *, seconds: float) -> None:
    """Rest `seconds`, then Space; confirms an early heavy end with a second Space. A
    first-time load question it opens is left to the form (Esc), and Space starts the set."""
    clock.advance(seconds)
    session.primary()
    if session.prompt is Prompt.START_LOAD:
        leave_start_loads(session)
        session.primary()
    if session.prompt is not None:
        session.primary()


def finished_session(data_dir: Path) -> None:
    """Two days ago: two squat sets of 5 × 20 kg, saved and finished as gym mode does."""
    clock = fake_clock(datetime.now(UTC) - timedelta(days=2))
    with open_log(data_dir, now=clock.wall()) as store:
        session = start_workout(store, clock=clock, kind="heavy")
        lift_set(session, clock)
        end_rest(session, clock, seconds=200)
        lift_set(session, clock)
        session.end_early()
        session.confirm()
        assert session.finish(notes="")
