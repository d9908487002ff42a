"""History's rows: a session or a set as the History screen lists it, in the athlete's units.

Kept apart from `desktop.history.history` (which reads the log and makes the corrections) so
that each module has one job: this one turns stored rows into the words and numbers shown.
"""

from __future__ import annotations

import math
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime

from db.history_queries import SessionListRow
from db.records import SetRecord
from db.run_links import RunLink
from db.sessions import MAX_LOAD_KG
from desktop.domain.buildup.exercises import exercise, session_name
from desktop.domain.buildup.model import PlanInputError, SessionKind, Units
from desktop.domain.gym.plates import kg_to_lb, lb_to_kg
from desktop.domain.gym.workout_input import parse_hold
from desktop.domain.progress.adherence import Contribution
from desktop.plan.run_links import link_words


@dataclass(frozen=True)
class SessionLine:
    """One row of the sessions list; `counts_for` says what it did for adherence."""

    id: int
    started: datetime
    kind: str
    state: str
    planned_date: date | None
    sets: int
    work_sets: int
    counts_for: str
    notes: str
    after_run: str = ""  # "started 25 min after a 30.2 km long run"


@dataclass(frozen=True)
class SetLine:
    """One row of a session's sets, load in the athlete's units."""

    id: int
    exercise: str
    number: str
    warmup: bool
    reps: int
    target: str
    load: float
    units: Units
    form_held: bool
    rest: str
    hold_s: float | None = None  # a held exercise's seconds (the plank); its reps are then 0

    @property
    def amount(self) -> str:
        """The Reps cell: the reps, or a hold's seconds ("45 s")."""
        return str(self.reps) if self.hold_s is None else f"{self.hold_s:g} s"


def describe_session(line: SessionLine) -> str:
    """'the heavy session of Sun 14 Feb 09:30 (no sets)'."""
    sets = "no sets" if line.sets == 0 else f"{line.sets} set{'s' if line.sets != 1 else ''}"
    when = f"{line.started:%a} {line.started.day} {line.started:%b %H:%M}"
    return f"the {line.kind} session of {when} ({sets})"


def named(names: dict[int, tuple[str, str]], record: SetRecord, kind: SessionKind) -> str:
    """The exercise as its session showed it: a light session's 'Bodyweight squat', not the
    'Back squat' its sets are filed under (`exercises.session_name`)."""
    key, stored = names.get(record.exercise_id, ("", "?"))
    try:
        return session_name(key, kind)
    except PlanInputError:  # an exercise outside the library keeps its stored name
        return stored


def to_kg(load: float, units: Units) -> float:
    """The load in kg, refusing what no set has, in the units the athlete typed."""
    limit = shown(MAX_LOAD_KG, units)
    if isinstance(load, bool) or not isinstance(load, int | float) or not math.isfinite(load):
        raise ValueError(f"The load must be a number of {units}.")
    if not 0 <= load <= limit:
        raise ValueError(f"The load must be from 0 to {limit:g} {units}, got {load:g}.")
    return float(load) if units == "kg" else lb_to_kg(load)


def shown(load_kg: float, units: Units) -> float:
    return round(load_kg if units == "kg" else kg_to_lb(load_kg), 2)


def session_line(
    row: SessionListRow, counted: Contribution | None, in_plan: bool, runs: dict[int, RunLink]
) -> SessionLine:
    # The planned day is the one it counts for (as on the plan and the Progress charts), which
    # for a session done a day late and not linked to a day is not the stored link.
    matched = counted.planned_date if counted is not None else None
    return SessionLine(
        id=row.id,
        started=row.started_at.astimezone(),
        kind=row.kind,
        state=row.state,
        planned_date=matched or row.planned_date,
        sets=row.sets,
        work_sets=row.work_sets,
        counts_for=_counts_for(counted) if in_plan else "",
        notes=row.notes,
        after_run=link_words(runs[row.id]) if row.id in runs else "",
    )


def _counts_for(counted: Contribution | None) -> str:
    """'½ double day (Sun 14 Feb)', 'partly (...): too few sets to count', 'extra: not planned'."""
    if counted is None:
        return ""
    if counted.planned_date is None:
        return "extra: not planned"
    day = f"{counted.planned_date:%a} {counted.planned_date.day} {counted.planned_date:%b}"
    if counted.credit:
        return f"½ double day ({day})"
    if counted.status == "done":
        return f"repeat of {day}"
    return f"partly ({day}): too few sets to count"


def set_line(
    record: SetRecord,
    names: dict[int, tuple[str, str]],
    kind: SessionKind,
    number: str,
    units: Units,
) -> SetLine:
    rest = ""
    if record.rest_before_s is not None:
        minutes, seconds = divmod(round(record.rest_before_s), 60)
        rest = f"{minutes}:{seconds:02d}"
    return SetLine(
        id=record.id or 0,
        exercise=named(names, record, kind),
        number=number,
        warmup=record.warmup,
        reps=record.reps,
        target=_target(record, names.get(record.exercise_id, ("", ""))[0]),
        load=shown(record.load_kg, units),
        units=units,
        form_held=record.form_held,
        rest=rest,
        hold_s=record.hold_s,
    )


def amount(record: SetRecord, units: Units) -> str:
    """A set as a correction names it: "100 kg × 5", or a hold's "45 s" (with its load if any)."""
    load = f"{shown(record.load_kg, units):g} {units}"
    if record.hold_s is None:
        return f"{load} × {record.reps}"
    return f"{record.hold_s:g} s" + (f" with {load}" if record.load_kg > 0 else "")


def seconds_typed(text: str) -> int:
    """A hold's seconds as typed in its cell: "50", "50 s" or "1:05", as the gym reads them;
    anything else raises ValueError with one line for the athlete."""
    return parse_hold(text.strip().removesuffix("s"))


def _target(record: SetRecord, key: str) -> str:
    """The rep range, or a hold's prescribed seconds: the gym stores no rep target for a hold
    (0–0), so its range comes from the exercise library ("30–60 s" for the plank)."""
    low, high = record.target_reps_min, record.target_reps_max
    if record.hold_s is None:
        return f"{low}–{high}"
    with suppress(PlanInputError):  # an exercise outside the library: only its stored range
        low, high = exercise(key).dose_range or (low, high)
    return f"{low}–{high} s" if high else "—"
