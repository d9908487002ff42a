"""The sessions and sets of the synthetic log: which planned sessions were done, and how.

A runner's imperfections (missed and late days, extra sessions, short sets, long rests) and
load progression with the odd step back; rows come out ready for executemany.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from db.records import utc_text
from desktop.domain.buildup.exercises import EXERCISES, Exercise, exercise
from desktop.domain.buildup.model import PlannedDay

START_LOADS_KG = {"squat": 60.0, "deadlift": 80.0, "lunge": 16.0, "accessory": 20.0}
# Where a runner who lifts twice a week levels off: near it, fewer sets reach 5 reps.
CEILING_KG = {"squat": 115.0, "deadlift": 145.0, "lunge": 40.0, "accessory": 60.0}

SESSION_SQL = """INSERT INTO sessions (id, athlete_id, planned_day_id, kind, started_at, ended_at,
    state, notes) VALUES (?, ?, ?, ?, ?, ?, 'finished', ?)"""
SET_SQL = """INSERT INTO sets (session_id, exercise_id, set_index, warmup, target_reps_min,
    target_reps_max, reps, load_kg, form_held, started_at, ended_at, rest_before_s)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


@dataclass(frozen=True)
class Planned:
    """One session the athlete did: for which planned day (None: unplanned), of what kind, when."""

    day: PlannedDay
    kind: str
    when: date
    day_id: int | None


def schedule_sessions(
    days: list[tuple[int, PlannedDay]], *, rng: random.Random, today: date
) -> list[Planned]:
    """Which sessions were done: about 7 % of days missed, 5 % heavy only without a link to the
    day, 5 % heavy only, 10 % a day late, and an unplanned heavy session now and then."""
    done: list[Planned] = []
    for day_id, day in days:
        roll = rng.random()
        when = day.date + timedelta(days=1 if rng.random() < 0.1 else 0)
        if roll < 0.07 or when > today:
            continue
        done.append(Planned(day, "heavy", when, day_id if roll >= 0.12 else None))
        if roll >= 0.17:
            done.append(Planned(day, "light", when, day_id))
        extra = when + timedelta(days=3)
        if rng.random() < 0.03 and extra <= today:
            done.append(Planned(day, "heavy", extra, None))
    return done


def sets_factor(schedule: list[Planned], target: int | None) -> int:
    """How many times the prescribed work sets each exercise gets, to log `target` sets.

    The oldest sets beyond the target are then dropped, so recent history stays whole.
    """
    if target is None:
        return 1
    fixed = work = 0
    for item in schedule:
        prescription = item.day.heavy if item.kind == "heavy" else item.day.light
        for key in prescription.exercises:
            if item.kind == "heavy" and exercise(key).barbell:
                fixed += 2
            work += prescription.sets
    return max(1, math.ceil((target - fixed) / max(1, work)))


class Writer:
    """Turns planned days into session and set rows, with a runner's imperfections."""

    def __init__(
        self, *, rng: random.Random, exercise_ids: dict[str, int], athlete_id: int
    ) -> None:
        self.rng = rng
        self.ids = exercise_ids
        self.athlete_id = athlete_id
        self.sessions: list[tuple] = []
        self.sets: list[tuple] = []
        self.loads = {key: START_LOADS_KG[e.movement] for key, e in _loaded().items()}

    def write_all(self, schedule: list[Planned], *, factor: int, limit: int | None) -> None:
        for item in schedule:
            self._session(item, factor)
        if limit is not None and len(self.sets) > limit:
            del self.sets[: len(self.sets) - limit]
            kept = self.sets[0][0]
            self.sessions = [row for row in self.sessions if row[0] >= kept]

    def _session(self, item: Planned, factor: int) -> None:
        day, kind, when, day_id = item.day, item.kind, item.when, item.day_id
        prescription = day.heavy if kind == "heavy" else day.light
        hour = time(10, 30) if kind == "heavy" else time(18, 15)
        moment = datetime.combine(when, hour).astimezone().astimezone(UTC)
        session_id = len(self.sessions) + 1
        started = moment
        index = 0
        for key in prescription.exercises:
            spec = exercise(key)
            load = self.loads.get(key, 0.0) if kind == "heavy" else 0.0
            warmups = (0.5, 0.75) if kind == "heavy" and spec.barbell else ()
            for share in warmups:
                moment = self._set(session_id, key, index, True, (5, 5), 5, load * share, moment)
                index += 1
            reps_range = spec.dose_range or prescription.reps
            results = []
            for _ in range(prescription.sets * factor):
                reps = self._reps(kind, reps_range, self._strain(key, load))
                results.append(reps)
                moment = self._set(session_id, key, index, False, reps_range, reps, load, moment)
                index += 1
            if kind == "heavy" and key in self.loads:
                self._progress(key, results[: prescription.sets])
        ended = moment
        notes = "=felt strong" if self.rng.random() < 0.02 else ""
        self.sessions.append(
            (session_id, self.athlete_id, day_id, kind, utc_text(started), utc_text(ended), notes)
        )

    def _set(
        self,
        session_id: int,
        key: str,
        index: int,
        warmup: bool,
        target: tuple[int, int],
        reps: int,
        load: float,
        moment: datetime,
    ) -> datetime:
        """Append one set starting after its rest; returns when it ended."""
        heavy = target[1] <= 6
        if index == 0:
            rest = None
        elif warmup:
            rest = 75.0
        elif heavy:
            rest = round(min(420.0, max(100.0, self.rng.gauss(235, 45))), 1)
        else:
            rest = round(min(150.0, max(40.0, self.rng.gauss(78, 12))), 1)
        start = moment + timedelta(seconds=rest or 0)
        end = start + timedelta(seconds=35 if heavy else 50)
        form = not (heavy and not warmup and self.rng.random() < 0.04)
        self.sets.append(
            (
                session_id,
                self.ids[key],
                index,
                int(warmup),
                target[0],
                target[1],
                reps,
                round(load, 2),
                int(form),
                start.isoformat(timespec="microseconds"),
                end.isoformat(timespec="microseconds"),
                rest,
            )
        )
        return end

    def _strain(self, key: str, load: float) -> float:
        """0 for an easy load, 1 at the runner's ceiling for this lift."""
        movement = exercise(key).movement
        if movement not in CEILING_KG:
            return 0.0
        return min(1.0, max(0.0, load / CEILING_KG[movement]))

    def _reps(self, kind: str, target: tuple[int, int], strain: float) -> int:
        if kind == "heavy":
            roll = self.rng.random()
            short, four = 0.01 + 0.06 * strain, 0.05 + 0.45 * strain**2
            return 3 if roll < short else 4 if roll < short + four else 5 if roll < 0.97 else 6
        return max(1, min(30, int(self.rng.gauss(sum(target) / 2, 3.5))))

    def _progress(self, key: str, reps: list[int]) -> None:
        step = 2.5 if exercise(key).increment == "minor" else 5.0
        if all(r >= 5 for r in reps):
            self.loads[key] += step
        elif sum(r < 4 for r in reps) >= 2:
            self.loads[key] = max(step, round(self.loads[key] * 0.95 / step) * step)


def _loaded() -> dict[str, Exercise]:
    return {e.key: e for e in EXERCISES if e.movement in START_LOADS_KG}
