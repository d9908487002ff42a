"""The History screen's use case: sessions, their sets, and correcting a set with one-step undo.

Qt-free. Every correction is committed at once; the last one can be undone, which puts the
store back exactly as it was (a deleted set returns with its id and every column). Loads come
and go in the athlete's units.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from db.history_queries import (
    SessionListRow,
    delete_set,
    exercise_names,
    get_set,
    restore_set,
    session_page,
    update_set,
)
from db.records import SetRecord
from db.sessions import MAX_LOAD_KG, sets_for_session
from db.store import Store
from desktop.domain.adherence import Contribution, session_contributions
from desktop.domain.model import Units
from desktop.domain.plates import kg_to_lb, lb_to_kg
from desktop.plan_reader import PlanReader
from desktop.progress_log import read_build_up

PAGE_SIZE = 200


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


@dataclass(frozen=True)
class _Undo:
    label: str
    apply: Callable[[], None]


class HistoryLog:
    """The athlete's log as two tables, and the corrections the athlete makes to it."""

    def __init__(self, store: Store, *, now: Callable[[], datetime]) -> None:
        self._store = store
        self._now = now
        self._reader = PlanReader(store, now=now)
        self._undo: _Undo | None = None

    @property
    def units(self) -> Units:
        _, plan = self._reader.athlete_and_plan()
        return plan.units if plan else "kg"

    @property
    def undo_label(self) -> str | None:
        """What Undo would put back, or None when there is nothing to undo."""
        return self._undo.label if self._undo else None

    def sessions(self, *, after: SessionLine | None = None) -> list[SessionLine]:
        """A page of sessions, newest first, continuing after `after` (the last one shown)."""
        athlete, plan = self._reader.athlete_and_plan()
        if athlete is None:
            return []
        cursor = (after.started, after.id) if after else None
        rows = session_page(self._store, athlete.id, before=cursor, limit=PAGE_SIZE)
        today = self._now().astimezone().date()
        log = read_build_up(
            self._store, self._reader, athlete_id=athlete.id, plan=plan, today=today
        )
        contributions = dict(
            zip(
                (s.id for s in log.sessions),
                session_contributions(log.planned, log.logged, today=today),
                strict=True,
            )
        )
        in_plan = plan is not None
        return [_session_line(row, contributions.get(row.id), in_plan) for row in rows]

    def sets(self, session_id: int) -> list[SetLine]:
        names = exercise_names(self._store)
        units = self.units
        lines, numbers = [], {}
        for record in sets_for_session(self._store, session_id):
            if record.warmup:
                number = "W"
            else:
                numbers[record.exercise_id] = numbers.get(record.exercise_id, 0) + 1
                number = str(numbers[record.exercise_id])
            lines.append(
                _set_line(record, names.get(record.exercise_id, ("", "?"))[1], number, units)
            )
        return lines

    def edit_set(self, set_id: int, *, reps: int, load: float, form_held: bool) -> str | None:
        """Correct a set (load in the athlete's units); returns what changed, None if nothing.

        Raises ValueError with a message for the athlete when a value is impossible, LookupError
        when the set is no longer in the log, StoreError when the store refuses the write.
        """
        before = get_set(self._store, set_id)
        units = self.units
        load_kg = _to_kg(load, units)
        same_load = math.isclose(_shown(before.load_kg, units), load, abs_tol=0.005)
        if same_load:
            load_kg = before.load_kg
        if (reps, same_load, form_held) == (before.reps, True, before.form_held):
            return None
        update_set(self._store, set_id, reps=reps, load_kg=load_kg, form_held=form_held)
        label = f"correction of {self._describe(before)}"
        self._undo = _Undo(
            label,
            lambda: update_set(
                self._store,
                set_id,
                reps=before.reps,
                load_kg=before.load_kg,
                form_held=before.form_held,
            ),
        )
        return f"Corrected {self._describe(before)}."

    def delete_set(self, set_id: int) -> str:
        """Delete a set; Undo puts it back exactly. Raises LookupError when it is already gone."""
        described = self._describe(get_set(self._store, set_id))
        row: dict[str, Any] = delete_set(self._store, set_id)
        self._undo = _Undo(f"deletion of {described}", lambda: restore_set(self._store, row))
        return f"Deleted {described}."

    def undo(self) -> str | None:
        """Undo the last correction or deletion (one step); returns what was undone.

        The undo is forgotten only once it worked: when the store refuses (StoreError) or the
        set is gone (LookupError), the error propagates and Undo can be tried again, so a
        deleted set is never lost to a failed write.
        """
        undo = self._undo
        if undo is None:
            return None
        undo.apply()
        self._undo = None
        return f"Undid the {undo.label}."

    def _describe(self, record: SetRecord) -> str:
        name = exercise_names(self._store).get(record.exercise_id, ("", "a lift"))[1]
        load = _shown(record.load_kg, self.units)
        return f"{name} {load:g} {self.units} × {record.reps}"


def _to_kg(load: float, units: Units) -> float:
    """The load in kg, refusing what no set has, in the units the athlete typed."""
    limit = _shown(MAX_LOAD_KG, units)
    if isinstance(load, bool) or not isinstance(load, int | float) or not math.isfinite(load):
        raise ValueError(f"The load must be a number of {units}.")
    if not 0 <= load <= limit:
        raise ValueError(f"The load must be from 0 to {limit:g} {units}, got {load:g}.")
    return float(load) if units == "kg" else lb_to_kg(load)


def _shown(load_kg: float, units: Units) -> float:
    return round(load_kg if units == "kg" else kg_to_lb(load_kg), 2)


def _session_line(row: SessionListRow, counted: Contribution | None, in_plan: bool) -> SessionLine:
    return SessionLine(
        id=row.id,
        started=row.started_at.astimezone(),
        kind=row.kind,
        state=row.state,
        planned_date=row.planned_date,
        sets=row.sets,
        work_sets=row.work_sets,
        counts_for=_counts_for(counted) if in_plan else "",
        notes=row.notes,
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


def _set_line(record: SetRecord, exercise: str, number: str, units: Units) -> SetLine:
    rest = ""
    if record.rest_before_s is not None:
        minutes, seconds = divmod(round(record.rest_before_s), 60)
        rest = f"{minutes}:{seconds:02d}"
    return SetLine(
        id=record.id or 0,
        exercise=exercise,
        number=number,
        warmup=record.warmup,
        reps=record.reps,
        target=f"{record.target_reps_min}–{record.target_reps_max}",
        load=_shown(record.load_kg, units),
        units=units,
        form_held=record.form_held,
        rest=rest,
    )
