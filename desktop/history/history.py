"""The History screen's use case: sessions, their sets, corrections, and undo/redo of them.

Qt-free. Every correction is committed at once; each can be undone in turn (and redone), which
puts the store back exactly as it was (a deleted set or session returns with its ids and every
column). Loads come and go in the athlete's units.
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
    session_page,
    update_set,
)
from db.records import SetRecord
from db.run_links import RunLink
from db.session_removal import delete_session
from db.sessions import MAX_LOAD_KG, get_session, sets_for_session
from db.store import Store
from desktop.domain.buildup.exercises import session_name
from desktop.domain.buildup.model import PlanInputError, SessionKind, Units
from desktop.domain.gym.plates import kg_to_lb, lb_to_kg
from desktop.domain.progress.adherence import Contribution, session_contributions
from desktop.history.changes import session_deletion, set_correction, set_deletion
from desktop.history.undo_stack import UndoStack
from desktop.plan.reader import PlanReader
from desktop.plan.run_links import link_words, session_links
from desktop.progress.log import read_build_up
from desktop.runtime.changes import LogChanges

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


class HistoryLog:
    """The athlete's log as two tables, and the corrections the athlete makes to it."""

    def __init__(
        self, store: Store, *, now: Callable[[], datetime], changes: LogChanges | None = None
    ) -> None:
        self._store = store
        self._now = now
        self._told = changes or LogChanges()  # the other screens hear of every correction
        self._reader = PlanReader(store, now=now)
        self._changes = UndoStack()

    @property
    def units(self) -> Units:
        _, plan = self._reader.athlete_and_plan()
        return plan.units if plan else "kg"

    @property
    def undo_label(self) -> str | None:
        """What Undo would put back, or None when there is nothing to undo."""
        return self._changes.undo_label

    @property
    def redo_label(self) -> str | None:
        """What Redo would make again, or None when there is nothing to redo."""
        return self._changes.redo_label

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
        runs = session_links(self._store, athlete.id)  # heavy sessions right after a run
        in_plan = plan is not None
        return [_session_line(row, contributions.get(row.id), in_plan, runs) for row in rows]

    def sets(self, session_id: int) -> list[SetLine]:
        """The session's sets in order, or none when the session is no longer in the log."""
        try:
            kind = get_session(self._store, session_id).kind
        except LookupError:
            return []
        names = exercise_names(self._store)
        units = self.units
        lines, numbers = [], {}
        for record in sets_for_session(self._store, session_id):
            if record.warmup:
                number = "W"
            else:
                numbers[record.exercise_id] = numbers.get(record.exercise_id, 0) + 1
                number = str(numbers[record.exercise_id])
            lines.append(_set_line(record, _named(names, record, kind), number, units))
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
        after = get_set(self._store, set_id)
        label = f"correction of {self._describe(before)}"
        self._changes.push(set_correction(self._store, label, before=before, after=after))
        self._told.report("set", session_id=before.session_id, by=self)
        name, old, new = self._name(before), self._amount(before), self._amount(after)
        if old == new:
            return f"Corrected {name} {new}: form {'held' if form_held else 'not held'}."
        return f"Corrected {name} {old} → {new}."

    def delete_set(self, set_id: int) -> str:
        """Delete a set; Undo puts it back exactly. Raises LookupError when it is already gone."""
        record = get_set(self._store, set_id)
        described = self._describe(record)
        row: dict[str, Any] = delete_set(self._store, set_id)
        self._changes.push(set_deletion(self._store, f"deletion of {described}", row))
        self._told.report("set", session_id=record.session_id, by=self)
        return f"Deleted {described}."

    def delete_session(self, session_id: int) -> str:
        """Delete a whole session with its sets; Undo puts it back exactly.

        Raises LookupError when it is already gone, StoreError when the store refuses.
        """
        line = next((s for s in self.sessions() if s.id == session_id), None)
        removed = delete_session(self._store, session_id)
        described = _describe_session(line) if line else "a session"
        self._changes.push(session_deletion(self._store, f"deletion of {described}", removed))
        self._told.report("session", session_id=session_id, by=self)
        return f"Deleted {described}."

    def undo(self) -> str | None:
        """Undo the newest change not yet undone; returns what was undone.

        A change is forgotten only once its undo worked: when the store refuses (StoreError) or
        the row is gone (LookupError), the error propagates and Undo can be tried again, so a
        deleted set is never lost to a failed write.
        """
        change = self._changes.undo()
        if change is None:
            return None
        self._told.report("session", by=self)
        return f"Undid the {change.label}."

    def redo(self) -> str | None:
        """Make the newest undone change again; returns what was redone."""
        change = self._changes.redo()
        if change is None:
            return None
        self._told.report("session", by=self)
        return f"Redid the {change.label}."

    def _name(self, record: SetRecord) -> str:
        kind = get_session(self._store, record.session_id).kind
        return _named(exercise_names(self._store), record, kind)

    def _amount(self, record: SetRecord) -> str:
        return f"{_shown(record.load_kg, self.units):g} {self.units} × {record.reps}"

    def _describe(self, record: SetRecord) -> str:
        return f"{self._name(record)} {self._amount(record)}"


def _describe_session(line: SessionLine) -> str:
    """'the heavy session of Sun 14 Feb 09:30 (no sets)'."""
    sets = "no sets" if line.sets == 0 else f"{line.sets} set{'s' if line.sets != 1 else ''}"
    when = f"{line.started:%a} {line.started.day} {line.started:%b %H:%M}"
    return f"the {line.kind} session of {when} ({sets})"


def _named(names: dict[int, tuple[str, str]], record: SetRecord, kind: SessionKind) -> str:
    """The exercise as its session showed it: a light session's 'Bodyweight squat', not the
    'Back squat' its sets are filed under (`exercises.session_name`)."""
    key, stored = names.get(record.exercise_id, ("", "?"))
    try:
        return session_name(key, kind)
    except PlanInputError:  # an exercise outside the library keeps its stored name
        return stored


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


def _session_line(
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
