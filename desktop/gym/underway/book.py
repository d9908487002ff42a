"""The session's book: its layout and its logged sets, kept in step with the store.

Every change to the layout (extra set, skipped exercise, swapped variant, skipped warm-ups) is
stored at once, like every set, so a restart finds the athlete exactly where they were.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import datetime

from db.errors import StoreError
from db.progress_queries import top_sets
from db.records import SessionRecord, SetRecord
from db.sessions import log_set, set_session_notes
from db.store import Store
from desktop.domain.buildup.exercises import Exercise
from desktop.domain.gym.plates import lb_to_kg
from desktop.domain.gym.workout import (
    DoneSet,
    NextSet,
    WorkoutPlan,
    counts,
    last_slot,
    next_set,
    swap_choices,
    swapped,
    wants_warmups,
    with_extra_set,
    with_skipped,
    with_start_load,
    without_warmups,
)
from desktop.domain.gym.workout_summary import WorkoutSummary, summarize
from desktop.gym.closing.finish import CrampAnswer, discard_session, finish_workout
from desktop.gym.opening.equipment import Equipment
from desktop.gym.underway.rows import (
    done_sets,
    exercise_ids,
    prefill_loads,
    store_layout,
    summary_sets,
    warmups_for,
)
from desktop.runtime.changes import LogChanges

log = logging.getLogger(__name__)


class SessionBook:
    """What the session planned and what was logged; the store is written on every change."""

    def __init__(
        self,
        store: Store,
        *,
        record: SessionRecord,
        plan: WorkoutPlan,
        equipment: Equipment,
        ids: Mapping[str, int],
        loads: Mapping[str, float],
        logged: Sequence[SetRecord] = (),
        changes: LogChanges | None = None,
    ) -> None:
        self.store, self.record, self.equipment = store, record, equipment
        self.changes = changes or LogChanges()  # the other screens hear of every set logged
        self._plan = plan
        self._ids = dict(ids)
        self._loads = dict(loads)
        for slot in plan.slots:  # a restart keeps the runner's first-time answers
            if slot.start_kg is not None:
                self._loads.setdefault(slot.key, slot.start_kg)
        self._logged = list(logged)
        self.note = record.notes  # the note as last kept: the draft a crash left, on resume

    @property
    def plan(self) -> WorkoutPlan:
        return self._plan

    @property
    def logged(self) -> tuple[SetRecord, ...]:
        return tuple(self._logged)

    @property
    def done(self) -> list[DoneSet]:
        return done_sets(self._logged, self._keys())

    @property
    def next(self) -> NextSet | None:
        return next_set(self._plan, self.done)

    @property
    def summary(self) -> WorkoutSummary:
        return summarize(self._plan, summary_sets(self._logged, self._keys()))

    def exercise_id(self, key: str) -> int:
        return self._ids[key]

    def planned_load_kg(self, upcoming: NextSet) -> float:
        """Warm-ups carry their load; work sets repeat this session's last, else the prefill."""
        if upcoming.load_kg is not None:
            return upcoming.load_kg
        keys, names = self._plan.slots[upcoming.slot].keys, self._keys()
        for done in reversed(self._logged):
            if not done.warmup and names[done.exercise_id] in keys:
                return done.load_kg
        if upcoming.key in self._loads:
            return self._loads[upcoming.key]
        return self._bar_kg() if wants_warmups(self._plan.kind, upcoming.key) else 0.0

    def knows_load(self, key: str) -> bool:
        """A load to start `key` from: a recent session's, or the runner's first-time answer."""
        return key in self._loads

    def use_start_load(self, slot: int, load_kg: float) -> None:
        """The runner's starting load for a lift never lifted: its work load, and warm-ups
        worked out from it; stored with the layout, so a restart keeps it without asking."""
        key = self._plan.slots[slot].key
        warmups = warmups_for(self._plan.kind, key, load_kg, self.equipment)
        self._change(with_start_load(self._plan, slot, load_kg, warmups))
        self._loads[key] = load_kg

    def best_load_kg(self, exercise_id: int) -> float | None:
        """The runner's heaviest work set of this exercise so far, in any session; None if none."""
        athlete = self.record.athlete_id
        return max(
            (
                top.load_kg
                for kind in ("heavy", "light")
                for top in top_sets(self.store, athlete, exercise_id, kind=kind)
            ),
            default=None,
        )

    def log(self, new: SetRecord) -> SetRecord:
        """Commit one set; when this returns it survives a crash."""
        logged = log_set(self.store, new)
        self._logged.append(logged)
        self.changes.report("set", session_id=logged.session_id)
        return logged

    def finish(self, *, notes: str, cramp: CrampAnswer | None, when: datetime) -> str | None:
        """Close the session with its note and cramp report; a message when input is wrong."""
        return finish_workout(
            self.store,
            record=self.record,
            notes=notes,
            cramp=cramp,
            when=when,
            changes=self.changes,
        )

    def last_was_warmup(self) -> bool:
        """The set logged last was a warm-up: the rest after it is not a heavy rest."""
        return bool(self.logged) and self.logged[-1].warmup

    def keep_note(self, text: str) -> None:
        """Store the summary's note as typed so far; a refusal is logged and the note stays on
        screen, for Finish to save or to say why it cannot."""
        if text == self.note:
            return
        try:
            set_session_notes(self.store, self.record.id, text)
        except StoreError as error:
            log.warning("Note draft of session %s not kept: %s", self.record.id, error.message)
            return
        self.note = text

    def drop_if_empty(self) -> None:
        """Gym mode left before any set was saved: the session goes (a refusal is logged), so
        the next start does not offer to resume a session with nothing in it."""
        if not self._logged:
            discard_session(self.store, self.record.id, changes=self.changes)

    def extra_set_slot(self, *, after_last: bool) -> int | None:
        """The slot one more set would go to: the exercise just done (`after_last`) or the one
        coming up; None when there is neither (a session ended before its first set)."""
        upcoming = self.next
        current = upcoming is not None and not after_last
        return upcoming.slot if upcoming and current else last_slot(self._plan, self.done)

    def add_extra_set(self, *, after_last: bool) -> bool:
        """One more set of the exercise just done (`after_last`) or of the one coming up."""
        slot = self.extra_set_slot(after_last=after_last)
        if slot is None:
            return False
        self._change(with_extra_set(self._plan, slot))
        return True

    def skip_exercise(self) -> None:
        upcoming = self.next
        if upcoming is not None:
            self._change(with_skipped(self._plan, upcoming.slot))

    def skip_warmups(self) -> None:
        upcoming = self.next
        if upcoming is not None and upcoming.warmup:
            self._change(without_warmups(self._plan, upcoming.slot))

    def skip_the_rest(self) -> None:
        """Ending early skips what is left, so a restart also opens on the summary."""
        plan = self._plan
        for index, (slot, (_warm, work)) in enumerate(
            zip(plan.slots, counts(plan, self.done), strict=True)
        ):
            if work < slot.sets and not slot.skipped:
                plan = with_skipped(plan, index)
        self._change(plan)

    def swap_choices(self) -> tuple[Exercise, ...]:
        upcoming = self.next
        return () if upcoming is None else swap_choices(self._plan, upcoming.slot)

    def swap(self, key: str) -> None:
        """Use another variant from the next set on, with its own load and warm-ups."""
        upcoming, plan = self.next, self._plan
        if upcoming is None:
            return
        self._ids.update(exercise_ids(self.store, [key]))
        if key not in self._loads:
            self._loads.update(
                prefill_loads(
                    self.store,
                    athlete_id=self.record.athlete_id,
                    kind=plan.kind,
                    keys=[key],
                    units=plan.units,
                    skip_session=self.record.id,
                )
            )
        warmups = warmups_for(plan.kind, key, self._loads.get(key), self.equipment)
        self._change(swapped(plan, upcoming.slot, key, done=self.done, warmups=warmups))

    def _change(self, plan: WorkoutPlan) -> None:
        store_layout(self.store, self.record.id, plan)
        self._plan = plan

    def _bar_kg(self) -> float:
        """A barbell lift never done before starts at the empty bar."""
        gear = self.equipment
        return gear.bar if gear.units == "kg" else lb_to_kg(gear.bar)

    def _keys(self) -> dict[int, str]:
        return {row_id: key for key, row_id in self._ids.items()}
