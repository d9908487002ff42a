"""The set under way: when it started and ended, and the numbers the athlete confirms.

Logging is prefilled so that a set that went as planned is Space, Enter: reps at the top of the
target, the load the session planned, form held; a plank's seconds come from the stopwatch.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from db.records import SetRecord
from desktop.domain.buildup.model import Units
from desktop.domain.gym.workout import NextSet
from desktop.domain.gym.workout_input import (
    bump_load,
    bump_reps,
    parse_hold,
    parse_load,
    parse_reps,
)
from desktop.domain.gym.workout_text import load_text
from desktop.domain.rest.rest_timer import RestRecord

Moment = tuple[float, datetime]  # the clock's now() and wall() at the same instant


@dataclass(frozen=True)
class Draft:
    """The set as the logging prompt shows it: `reps` holds seconds for a held finisher."""

    reps: str
    load: str
    form_held: bool = True


class Lift:
    """One set from Space (start) to Space (done) to Enter (saved)."""

    def __init__(self, upcoming: NextSet, *, started: Moment) -> None:
        self.upcoming = upcoming
        self.started = started
        self.ended: Moment | None = None
        self.draft: Draft | None = None

    def done(self, ended: Moment, *, load_kg: float, units: Units) -> None:
        """Set done: prefill the logging prompt."""
        self.ended = ended
        held = round(ended[0] - self.started[0])
        reps = held if self.upcoming.hold and held > 0 else self.upcoming.target[1]
        self.draft = Draft(str(reps), load_text(load_kg, units))

    def not_done(self) -> None:
        """Esc in the logging prompt: the set is still under way."""
        self.ended, self.draft = None, None

    def edit(self, *, reps: str | None = None, load: str | None = None) -> None:
        if self.draft is not None:
            reps = self.draft.reps if reps is None else reps
            load = self.draft.load if load is None else load
            self.draft = replace(self.draft, reps=reps, load=load)

    def adjust_reps(self, delta: int) -> None:
        """One rep, or five seconds of a hold; raises InputError on an unreadable field."""
        if self.draft is not None:
            reps = bump_reps(self.draft.reps, delta, hold=self.upcoming.hold)
            self.draft = replace(self.draft, reps=reps)

    def adjust_load(self, steps: int, units: Units) -> None:
        if self.draft is not None:
            self.draft = replace(self.draft, load=bump_load(self.draft.load, steps, units))

    def toggle_form(self) -> None:
        if self.draft is not None:
            self.draft = replace(self.draft, form_held=not self.draft.form_held)

    def record(
        self,
        *,
        session_id: int,
        exercise_id: int,
        set_index: int,
        rest: RestRecord | None,
        units: Units,
    ) -> SetRecord:
        """The row to commit; raises InputError when a field cannot be saved as typed."""
        upcoming, draft, ended = self.upcoming, self.draft, self.ended
        if draft is None or ended is None:
            raise RuntimeError("the set is not done yet")
        amount = parse_hold(draft.reps) if upcoming.hold else parse_reps(draft.reps)
        load_kg = parse_load(draft.load, units)
        low, high = (0, 0) if upcoming.hold else upcoming.target
        return SetRecord(
            session_id=session_id,
            exercise_id=exercise_id,
            set_index=set_index,
            warmup=upcoming.warmup,
            target_reps_min=low,
            target_reps_max=high,
            reps=0 if upcoming.hold else amount,
            load_kg=load_kg,
            form_held=draft.form_held,
            started_at=self.started[1],
            ended_at=ended[1],
            rest_before_s=None if rest is None else rest.duration_s,
            rest_paused_s=None if rest is None else rest.paused_s,
            rest_extended_s=None if rest is None else rest.extended_s,
            over_rest_s=None if rest is None else rest.over_rest_s,
            hold_s=float(amount) if upcoming.hold else None,
        )
