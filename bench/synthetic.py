"""A realistic synthetic training log: back-to-back build-ups planned by the real plan engine.

The athlete mostly follows the plan (some days missed, some half done, some a day late, a few
extra sessions), progresses loads in small jumps with the odd step back, rests mostly inside the
windows, and reports cramps after long runs less often as the build-ups go on; each long run
comes from the watch too, its legs holding a little better late as the weeks go on. Plans go through
the store's own API; the sessions and sets (the bulk) go in with executemany in one transaction,
so a million sets take seconds. `sets` is met exactly by giving each exercise more work sets
where the plan alone would log fewer.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from bench.synthetic_sets import SESSION_SQL, SET_SQL, Writer, schedule_sessions, sets_factor
from db.athletes import create_athlete
from db.checkins import record_checkin, record_cramp_report
from db.exercises import ensure_exercise
from db.plans import save_plan
from db.records import PlannedDayRecord, PlanRecord
from db.runs import RunRecord, add_run
from db.settings import set_setting
from db.store import Store, open_store
from desktop.domain.buildup.exercises import EXERCISES
from desktop.domain.buildup.model import PlannedDay, PlanSettings, SecondDayState
from desktop.domain.buildup.plan import build_plan, week_start

WEEKS = 14
RECOVERY_WEEKS = 2


@dataclass(frozen=True)
class SyntheticLog:
    database: Path
    athlete_id: int
    sets: int
    sessions: int
    race_date: date


def populate(data_dir: Path, *, today: date | None = None, seed: int = 8) -> SyntheticLog:
    """Fill a data folder with one build-up 8 weeks in: what a runner has mid-way through."""
    today = today or date.today()
    race = _race_date_with_weeks_done(today, weeks_done=8)
    return generate(data_dir / "cramproof.db", race_dates=[race], today=today, seed=seed)


def generate_years(
    database: Path, *, years: float, sets: int, today: date | None = None, seed: int = 5
) -> SyntheticLog:
    """Back-to-back build-ups covering `years` up to `today`, holding exactly `sets` sets."""
    today = today or date.today()
    race = _race_date_with_weeks_done(today, weeks_done=8)
    step = timedelta(weeks=WEEKS + RECOVERY_WEEKS)
    count = max(1, math.ceil(years * 52 / (WEEKS + RECOVERY_WEEKS)))
    races = [race - step * i for i in reversed(range(count))]
    return generate(database, race_dates=races, today=today, seed=seed, sets=sets)


def generate(
    database: Path,
    *,
    race_dates: list[date],
    today: date,
    seed: int,
    sets: int | None = None,
) -> SyntheticLog:
    """Write the log; the last race date's plan is the active one."""
    rng = random.Random(seed + 1)
    now = datetime.now(UTC)
    store = open_store(database, backups_dir=database.parent / "backups", now=now)
    with store:
        athlete = create_athlete(store, "Sam", created_at=now)
        set_setting(store, "last_athlete_id", str(athlete.id))
        ids = {
            e.key: ensure_exercise(
                store,
                key=e.key,
                name=e.name,
                movement=e.movement,
                barbell=e.barbell,
                bodyweight=e.increment == "none",
            )
            for e in EXERCISES
        }
        planned: list[tuple[int, PlannedDay]] = []
        for race in race_dates:
            planned.extend(_save_build_up(store, athlete.id, race, now))
        days = [(day_id, day) for day_id, day in planned if day.date <= today]
        schedule = schedule_sessions(days, rng=random.Random(seed), today=today)
        writer = Writer(rng=rng, exercise_ids=ids, athlete_id=athlete.id)
        writer.write_all(schedule, factor=sets_factor(schedule, sets), limit=sets)
        with store.db.atomic():
            store.db.conn.executemany(SESSION_SQL, writer.sessions)
            store.db.conn.executemany(SET_SQL, writer.sets)
        runs_rng = random.Random(seed + 2)  # its own stream: the reports stay as they were
        for _, day in days:
            if day.after == "long_run":
                _cramp_report(store, athlete.id, day, rng, now)
                _long_run(store, athlete.id, day, runs_rng, now)
        # Every finished week's check-in answered "all good", as by a runner on the plan.
        for race in race_dates:
            starts = (week_start(race, WEEKS, number) for number in range(1, WEEKS + 1))
            for week in (start for start in starts if start + timedelta(days=7) <= today):
                record_checkin(
                    store,
                    athlete_id=athlete.id,
                    week_start=week,
                    pain=False,
                    recovered=True,
                    created_at=now,
                )
        return SyntheticLog(database, athlete.id, len(writer.sets), len(writer.sessions), race)


def _race_date_with_weeks_done(today: date, *, weeks_done: int) -> date:
    """A Sunday race such that `weeks_done` full weeks of its build-up are behind `today`."""
    back = today - timedelta(weeks=weeks_done)
    start = back - timedelta(days=(back.weekday() + 1) % 7)
    return start + timedelta(weeks=WEEKS)


def _save_build_up(
    store: Store, athlete_id: int, race: date, now: datetime
) -> list[tuple[int, PlannedDay]]:
    """Save one build-up as the app would, gate accepted from phase 2; (day id, day) pairs."""
    settings = PlanSettings(
        race_date=race, weeks=WEEKS, long_run_day=6, speed_day=2, cramp_sites=("calf",)
    )
    first = week_start(race, WEEKS, 1)
    opens = week_start(race, WEEKS, settings.phase1_weeks + 1)
    state = SecondDayState(gate_open_from=opens, accepted_from=opens)
    build_up = build_plan(settings, today=first, second_day=state)
    records = [
        PlannedDayRecord(
            date=d.date,
            after=d.after,
            conditional=d.conditional,
            week=d.week,
            weeks_out=d.weeks_out,
            phase=d.phase,
        )
        for d in build_up.days
    ]
    plan = PlanRecord(
        athlete_id=athlete_id,
        race_date=race,
        weeks=WEEKS,
        long_run_day=6,
        speed_day=2,
        cramp_sites=("calf",),
        units="kg",
        # Set up before its first week, as a runner following it would have: not a late start.
        created_at=min(now, datetime.combine(first - timedelta(days=1), time(18), UTC)),
    )
    saved = save_plan(store, plan, records)
    rows = store.db.execute(
        "SELECT id FROM planned_days WHERE plan_id = ? ORDER BY date, after, id", [saved.id]
    ).fetchall()
    return [(row[0], day) for row, day in zip(rows, build_up.days, strict=True)]


def _cramp_report(
    store: Store, athlete_id: int, day: PlannedDay, rng: random.Random, now: datetime
) -> None:
    """After each long run: cramps are common early in a build-up, then rarer, milder and
    later in the run as the weeks of strength work add up."""
    week = day.week
    cramped = rng.random() < max(0.08, 0.9 - 0.11 * (week - 1))
    severity = max(1, min(3, round(rng.gauss(2.7 - 0.18 * week, 0.5))))
    distance = 24 + 0.9 * week + rng.gauss(0, 1.5) if cramped else rng.uniform(26, 34)
    record_cramp_report(
        store,
        athlete_id=athlete_id,
        date=day.date,
        cramped=cramped,
        sites=["calf"] if cramped else [],
        severity=severity if cramped else 0,
        distance_km=round(min(max(distance, 10.0), 42.2), 1),
        created_at=now,
    )


def _long_run(
    store: Store, athlete_id: int, day: PlannedDay, rng: random.Random, now: datetime
) -> None:
    """The long run itself, as imported from a watch: longer and holding better late as the
    build-up goes on, about one in six on a hilly course."""
    week = day.week
    km = 22 + 1.1 * week + rng.gauss(0, 1.0)
    moving = km * rng.uniform(320, 360)
    start = datetime.combine(day.date, time(7), UTC)
    drop = max(-1.0, 7.5 - 0.4 * week + rng.gauss(0, 1.0))
    add_run(
        store,
        RunRecord(
            athlete_id=athlete_id,
            started_at=start,
            ended_at=start + timedelta(seconds=moving + rng.uniform(60, 600)),
            sport="running",
            distance_m=km * 1000,
            moving_s=moving,
            source=f"{day.date:%Y-%m-%d}-07-00-00.fit",
            splits_s=tuple(moving / km for _ in range(int(km))),
            pace_fade_pct=round(1.4 * drop + rng.gauss(0, 0.8), 2),
            cadence_drop_spm=round(drop, 2),
            decoupling_pct=round(drop + 1.5 + rng.gauss(0, 0.8), 2),
            ascent_m=round(
                km * (rng.uniform(12, 20) if rng.random() < 1 / 6 else rng.uniform(2, 7))
            ),
        ),
        imported_at=now,
    )
