"""Gym mode's use case: walks a session set by set, commits each set at once, times each rest.

Qt-free: the gym screen forwards keys to these methods and redraws from the properties. The flow
is ready → lifting → logging → resting → … → summary (`Stage`), with one `Prompt` at a time on
top. A set is committed the moment it is saved and every change to a rest is stored at once, so
a restart restores both. A rest counts from the moment the set ended (Space): the athlete is
already resting while confirming the numbers. It keeps counting until the next set is saved, and
is stored as ending when that set started: a mistaken Space, then Esc, or a crash mid-set, must
not lose it. Build sessions with `desktop.gym.opening.start`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from db.errors import StoreError
from db.records import SetRecord
from desktop.domain.buildup.model import Units
from desktop.domain.gym.load_check import unusual_load, unusual_load_question
from desktop.domain.gym.workout import NextSet, Outcome, Prompt, Stage, WorkoutPlan, shown_name
from desktop.domain.gym.workout_input import InputError
from desktop.domain.gym.workout_summary import WorkoutSummary
from desktop.domain.rest.clock import Clock
from desktop.domain.rest.rest_timer import RestTimer
from desktop.gym.closing.finish import CrampAnswer
from desktop.gym.underway.book import SessionBook
from desktop.gym.underway.changes import Flow, SessionChanges
from desktop.gym.underway.first_load import StartLoadQuestion
from desktop.gym.underway.lift import Draft, Lift
from desktop.gym.underway.rest import RestKeeper

log = logging.getLogger(__name__)

__all__ = ["CrampAnswer", "Draft", "Outcome", "Prompt", "Stage", "WorkoutSession"]


class WorkoutSession:
    """One session in progress: the flow, the running rest and the set under way."""

    def __init__(self, book: SessionBook, *, clock: Clock, rest: RestTimer | None = None) -> None:
        self.book, self.clock = book, clock
        self.rests = RestKeeper(book.store, book.record.id, clock=clock, timer=rest)
        self._lift: Lift | None = None
        self._question = ""
        self._asked_load: float | None = None
        self._accepted_load: float | None = None
        first = Stage.RESTING if rest else Stage.READY if book.next is not None else Stage.SUMMARY
        self.flow = Flow(first)
        self.changes = SessionChanges(
            book, self.rests, self.flow, save=self.save, to_summary=self._to_summary
        )
        self.start_load = StartLoadQuestion(book, self.flow)  # asks at once in a new session

    @property
    def session_id(self) -> int:
        return self.book.record.id

    @property
    def plan(self) -> WorkoutPlan:
        return self.book.plan

    @property
    def next(self) -> NextSet | None:
        """The set under way, or the one coming up."""
        return self._lift.upcoming if self._lift else self.book.next

    @property
    def units(self) -> Units:
        return self.book.equipment.units

    @property
    def stage(self) -> Stage:
        return self.flow.stage

    @property
    def prompt(self) -> Prompt | None:
        return self.flow.prompt

    @property
    def draft(self) -> Draft | None:
        return self._lift.draft if self._lift else None

    @property
    def rest(self) -> RestTimer | None:
        """The rest on screen; while a set is under way it counts on unseen and unsounded."""
        return self.rests.timer if self.flow.stage is Stage.RESTING else None

    @property
    def finished(self) -> bool:
        return self.flow.finished

    @property
    def summary(self) -> WorkoutSummary:
        return self.book.summary

    @property
    def message(self) -> str | None:
        """One line for the athlete: an input to correct, or a save that failed."""
        return self.flow.message or self.rests.problem

    @property
    def load_question(self) -> str:
        """The unusual-load question while it is open, in the runner's words."""
        return self._question if self.flow.prompt is Prompt.UNUSUAL_LOAD else ""

    @property
    def lifting_s(self) -> float:
        """Seconds since the set started: the stopwatch for planks."""
        return self.clock.now() - self._lift.started[0] if self._lift else 0.0

    @property
    def wants_cramp_report(self) -> bool:
        """The heavy session follows the run: ask about cramps unless it was the speed run."""
        return self.plan.kind == "heavy" and self.plan.after != "speed_run"

    def primary(self) -> None:
        """Space: start the set (a lift with no load yet is asked one first), set done, end the
        rest (a heavy rest before 3:00 asks once)."""
        self.flow.message = None
        if self.start_load.on_space():
            return
        if self.flow.prompt is Prompt.EARLY:
            self.flow.prompt = None
            self._start_lifting()
        elif self.flow.prompt is not None:
            return
        elif self.flow.stage is Stage.READY:
            self._start_lifting()
        elif self.flow.stage is Stage.LIFTING and self._lift is not None:
            load_kg = self.book.planned_load_kg(self._lift.upcoming)
            self._lift.done(self._moment(), load_kg=load_kg, units=self.units)
            self.flow.stage = Stage.LOGGING
        elif self.flow.stage is Stage.RESTING:
            heavy_work = self.plan.kind == "heavy" and not self.book.last_was_warmup()
            if heavy_work and self.rests.is_early():
                self.flow.prompt = Prompt.EARLY
            else:
                self._start_lifting()

    def confirm(self) -> Outcome | None:
        """Enter: save the set as shown, or answer the open prompt."""
        if self.flow.prompt is Prompt.START_LOAD:
            self.start_load.accept()
        elif self.flow.prompt is Prompt.UNUSUAL_LOAD:
            self.flow.prompt = None  # the safe answer: back to the load, nothing saved
        elif self.flow.prompt is Prompt.END:
            self.changes.guarded(self.book.skip_the_rest)
            self._to_summary()
        elif self.flow.prompt is Prompt.LEAVE:
            self.flow.prompt = None
            self.book.drop_if_empty()
            return Outcome.LEFT
        elif self.flow.prompt is None and self.flow.stage is Stage.LOGGING:
            self.save()
        return None

    def back(self) -> None:
        """Esc: close the prompt, or step back one stage; never touches a saved set."""
        self.flow.message = None
        if self.flow.prompt is Prompt.START_LOAD:
            self.start_load.leave()  # the load is set on the form; the next lift is asked about
        elif self.flow.prompt is not None:
            self.flow.prompt = None
        elif self.flow.stage is Stage.LOGGING and self._lift is not None:
            self._lift.not_done()
            self.flow.stage = Stage.LIFTING
        elif self.flow.stage is Stage.LIFTING:
            self._lift = None
            self.flow.stage = Stage.RESTING if self.rests.timer else Stage.READY
        else:
            self.flow.prompt = Prompt.LEAVE

    def edit(self, *, reps: str | None = None, load: str | None = None) -> None:
        """The athlete typed into a field; nothing is checked until the set is saved."""
        if self.flow.prompt is Prompt.UNUSUAL_LOAD:
            self.flow.prompt = None  # correcting the load answers the question
        if self._lift is not None:
            self._lift.edit(reps=reps, load=load)

    def adjust_reps(self, delta: int) -> None:
        """Up/Down: one rep, or five seconds of a hold."""
        self._on_lift(lambda lift: lift.adjust_reps(delta))

    def adjust_load(self, steps: int) -> None:
        """PgUp/PgDn: the smallest plate step of the athlete's units."""
        self._on_lift(lambda lift: lift.adjust_load(steps, self.units))

    def toggle_form(self) -> None:
        """F: form held, or form broke (which the progression reads)."""
        self._on_lift(Lift.toggle_form)

    # P, +, X, S, W, V, a digit, E: the changes to the layout and the rest (`SessionChanges`).
    def toggle_pause(self) -> None:
        self.changes.toggle_pause()

    def extend_rest(self) -> None:
        self.changes.extend_rest()

    def add_extra_set(self) -> None:
        self.changes.add_extra_set()

    def skip_exercise(self) -> None:
        self.changes.skip_exercise()

    def skip_warmups(self) -> None:
        self.changes.skip_warmups()

    def open_swap(self) -> None:
        self.changes.open_swap()

    def choose_swap(self, index: int) -> None:
        self.changes.choose_swap(index)

    def end_early(self) -> None:
        self.changes.end_early()

    def save(self) -> bool:
        """Check the draft and commit the set, then start its rest; False leaves it unsaved."""
        lift = self._lift
        if self.flow.stage is not Stage.LOGGING or lift is None or lift.ended is None:
            return False
        try:
            new = lift.record(
                session_id=self.session_id,
                exercise_id=self.book.exercise_id(lift.upcoming.key),
                set_index=len(self.book.logged),
                rest=self.rests.record_at(lift.started[0]),
                units=self.units,
            )
            if not self._load_believed(new):
                return False
            self.book.log(new)
        except (InputError, StoreError) as error:
            self.flow.message = getattr(error, "message", str(error))
            log.info("Set not saved: %s", self.flow.message)
            return False
        self.flow.message, self._lift, self._accepted_load = None, None, None
        if self.book.next is None:
            self._to_summary()
            return True
        window = self.plan.warmup_rest if lift.upcoming.warmup else self.plan.rest
        self.rests.start(window, at=lift.ended[0])
        self.flow.stage = Stage.RESTING
        return True

    def save_unusual_load(self) -> bool:
        """Y in the unusual-load question: the runner means it; save the set as typed."""
        if self.flow.prompt is not Prompt.UNUSUAL_LOAD or self._lift is None:
            return False
        self.flow.prompt, self._accepted_load = None, self._asked_load
        return self.save()

    def _load_believed(self, new: SetRecord) -> bool:
        """False (and the question asked) for a load far above the runner's best for the lift;
        asked once: Y saves it; Enter, Esc or an edit go back to the load, nothing saved."""
        if self._accepted_load == new.load_kg:
            return True
        best = self.book.best_load_kg(new.exercise_id)
        if not unusual_load(new.load_kg, best):
            return True
        upcoming = self.next
        name = shown_name(self.plan.kind, upcoming.key) if upcoming else "this lift"
        self._question = unusual_load_question(new.load_kg, best, name=name, units=self.units)
        self._asked_load, self.flow.prompt = new.load_kg, Prompt.UNUSUAL_LOAD
        return False

    def finish(self, *, notes: str, cramp: CrampAnswer | None = None) -> bool:
        """Close the session with its note (and cramp report); False leaves it open."""
        if self.flow.stage is not Stage.SUMMARY or self.flow.finished:
            return False
        self.flow.message = self.book.finish(notes=notes, cramp=cramp, when=self.clock.wall())
        self.flow.finished = self.flow.message is None
        return self.flow.finished

    def _moment(self) -> tuple[float, datetime]:
        return self.clock.now(), self.clock.wall()

    def _start_lifting(self) -> None:
        """Start the next set; the running rest ends only when this set is saved."""
        upcoming = self.book.next
        if upcoming is None:
            self._to_summary()
            return
        self._lift = Lift(upcoming, started=self._moment())
        self.flow.stage = Stage.LIFTING

    def _to_summary(self) -> None:
        self.rests.forget()
        self.flow.prompt, self._lift, self.flow.stage = None, None, Stage.SUMMARY

    def _on_lift(self, change: Callable[[Lift], None]) -> None:
        if self._lift is None:
            return
        try:
            change(self._lift)
            self.flow.message = None
        except InputError as error:
            self.flow.message = str(error)
