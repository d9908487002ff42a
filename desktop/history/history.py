"""The History screen's use case: sessions, their sets, corrections, and undo/redo of them.

Qt-free. Every correction is committed at once; each can be undone in turn (and redone), which
puts the store back exactly as it was (a deleted set or session returns with its ids and every
column). Loads come and go in the athlete's units.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import Any

from db.history_queries import delete_set, exercise_names, get_set, session_page, update_set
from db.records import SetRecord
from db.session_removal import delete_session
from db.sessions import get_session, sets_for_session
from db.store import Store
from desktop.domain.buildup.model import PlanInputError, Units
from desktop.domain.gym.load_check import below_empty_bar, on_a_bar
from desktop.domain.progress.adherence import session_contributions
from desktop.gym.opening.equipment import equipment
from desktop.history.changes import session_deletion, set_correction, set_deletion
from desktop.history.lines import (
    SessionLine,
    SetLine,
    amount,
    describe_session,
    named,
    session_line,
    set_line,
    shown,
    to_kg,
)
from desktop.history.undo_stack import UndoStack
from desktop.plan.reader import PlanReader
from desktop.plan.run_links import session_links
from desktop.progress.log import read_build_up
from desktop.runtime.changes import LogChanges

PAGE_SIZE = 200


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
        return [session_line(row, contributions.get(row.id), in_plan, runs) for row in rows]

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
            lines.append(set_line(record, names, kind, number, units))
        return lines

    def edit_set(
        self, set_id: int, *, reps: int, load: float, form_held: bool, hold_s: float | None = None
    ) -> str | None:
        """Correct a set (load in the athlete's units, `hold_s` the seconds of a held one);
        returns what changed, None if nothing.

        Raises ValueError with a message for the athlete when a value is impossible (a barbell
        load below the athlete's empty bar among them), LookupError when the set is no longer in
        the log, StoreError when the store refuses the write.
        """
        before = get_set(self._store, set_id)
        if hold_s is not None and before.hold_s is None:
            raise ValueError("This set is counted in reps, not seconds held.")
        held = before.hold_s if hold_s is None else float(hold_s)
        units = self.units
        load_kg = to_kg(load, units)
        same_load = math.isclose(shown(before.load_kg, units), load, abs_tol=0.005)
        if same_load:
            load_kg = before.load_kg
        unchanged = (before.reps, True, before.form_held, before.hold_s)
        if (reps, same_load, form_held, held) == unchanged:
            return None
        if not same_load and (refusal := self._below_bar(before, load, units)):
            raise ValueError(refusal)
        update_set(
            self._store, set_id, reps=reps, load_kg=load_kg, form_held=form_held, hold_s=held
        )
        after = get_set(self._store, set_id)
        label = f"correction of {self._describe(before)}"
        self._changes.push(set_correction(self._store, label, before=before, after=after))
        self._told.report("set", session_id=before.session_id, by=self)
        name, old, new = self._name(before), amount(before, units), amount(after, units)
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
        described = describe_session(line) if line else "a session"
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

    def _below_bar(self, record: SetRecord, load: float, units: Units) -> str | None:
        """Why `load` cannot be this set's, when it was lifted on a bar lighter than the
        athlete's empty one (as entered with the gym's equipment); else None."""
        athlete, _plan = self._reader.athlete_and_plan()
        key, _name = exercise_names(self._store).get(record.exercise_id, ("", ""))
        kind = get_session(self._store, record.session_id).kind
        try:
            barbell = on_a_bar(kind, key)
        except PlanInputError:  # an exercise outside the library: its equipment is unknown
            return None
        if athlete is None or not barbell:
            return None
        return below_empty_bar(load, bar=equipment(self._store, athlete.id, units).bar, units=units)

    def _name(self, record: SetRecord) -> str:
        kind = get_session(self._store, record.session_id).kind
        return named(exercise_names(self._store), record, kind)

    def _describe(self, record: SetRecord) -> str:
        return f"{self._name(record)} {amount(record, self.units)}"
