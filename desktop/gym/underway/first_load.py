"""The first-time load question of a session under way (rules in `domain/gym/start_load.py`).

A part of WorkoutSession, like SessionChanges: it shares the session's `Flow` and SessionBook.
The question is asked, one lift at a time, for every lift of a new session that has no load
to start from, before its first set; Space at the bar or the end of a rest asks about the lift
that comes next if it has not been asked yet (a swapped-in variant too). Enter uses the typed
load for the warm-ups and the work sets; Esc leaves it to the set form (as before: the empty
bar, no warm-ups), and that lift is not asked about again this session. Space, which starts a
set everywhere else, does nothing while the question is open: it used to start the lift at the
empty bar, and a set saved from there was a work set the next session built its load from.
"""

from __future__ import annotations

import logging

from db.errors import StoreError
from desktop.domain.gym.start_load import (
    asks_start_load,
    default_start_load,
    start_load_hint,
    start_load_question,
)
from desktop.domain.gym.workout import Prompt, Stage, counts, shown_name
from desktop.domain.gym.workout_input import InputError, parse_load
from desktop.gym.underway.book import SessionBook
from desktop.gym.underway.changes import Flow

log = logging.getLogger(__name__)


class StartLoadQuestion:
    """Which slot is asked about, what the runner has typed, and what the answer does."""

    def __init__(self, book: SessionBook, flow: Flow) -> None:
        self.book, self.flow = book, flow
        self.slot: int | None = None  # the slot asked about while the question is open
        self.text = ""
        self._left: set[str] = set()  # lifts the runner chose to set on the form
        if flow.stage is Stage.READY:
            self.offer()

    @property
    def key(self) -> str:
        if self.slot is None:
            raise RuntimeError("no load question is open")
        return self.book.plan.slots[self.slot].key

    @property
    def name(self) -> str:
        return shown_name(self.book.plan.kind, self.key)

    @property
    def question(self) -> str:
        return start_load_question(self.book.plan.reps)

    @property
    def hint(self) -> str:
        return start_load_hint(self.key)

    def wanted(self, slot: int) -> bool:
        """Ask about `slot`: a loaded heavy lift with no load known, nothing logged for it yet."""
        plan, book = self.book.plan, self.book
        chosen = plan.slots[slot]
        warm, work = counts(plan, book.done)[slot]
        return (
            not chosen.skipped
            and warm + work == 0
            and chosen.key not in self._left
            and asks_start_load(plan.kind, chosen.key, load_known=book.knows_load(chosen.key))
        )

    def offer(self, slot: int | None = None) -> bool:
        """Open the question for `slot`, or for the first slot that wants one; False when
        another question is open or none is wanted."""
        if self.flow.prompt is not None or self.flow.finished:
            return False
        slots = range(len(self.book.plan.slots)) if slot is None else (slot,)
        chosen = next((index for index in slots if self.wanted(index)), None)
        if chosen is None:
            return False
        self.slot = chosen
        gear = self.book.equipment
        self.text = f"{default_start_load(self.key, gear.units, bar=gear.bar):g}"
        self.flow.prompt = Prompt.START_LOAD
        return True

    def on_space(self) -> bool:
        """Space with the question open does nothing (True: it is handled); Space before a
        lift's first set asks about it if it was not asked yet: True, it did."""
        if self.flow.prompt is Prompt.START_LOAD:
            return True
        upcoming = self.book.next
        waiting = self.flow.stage in (Stage.READY, Stage.RESTING)
        return waiting and upcoming is not None and self.offer(upcoming.slot)

    def type(self, text: str) -> None:
        """What the runner typed into the field; checked on Enter."""
        self.text = text

    def accept(self) -> None:
        """Enter: use the typed load, then ask about the next lift that wants one."""
        if self.slot is None:
            return
        try:
            load_kg = parse_load(self.text, self.book.equipment.units)
            self.book.use_start_load(self.slot, load_kg)
        except (InputError, StoreError) as error:
            self.flow.message = getattr(error, "message", str(error))
            log.info("Starting load not used: %s", self.flow.message)
            return
        log.info("Starting load for %s: %.2f kg", self.key, load_kg)
        self._close()
        self.offer()

    def leave(self) -> None:
        """Esc: the load is set on the form, this lift is not asked about again this session,
        and the next lift that wants one is asked about."""
        if self.slot is not None:
            self._left.add(self.key)
        self._close()
        self.offer()

    def _close(self) -> None:
        self.slot, self.flow.message = None, None
        if self.flow.prompt is Prompt.START_LOAD:
            self.flow.prompt = None
