"""The end-of-session numbers: sets and reps against the prescription, rests, next time's loads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from desktop.domain.buildup.exercises import exercise
from desktop.domain.gym.progression import SetResult, Suggestion, suggest_heavy, suggest_light
from desktop.domain.gym.workout import WorkoutPlan, is_hold, shown_name, target_of
from desktop.domain.gym.workout_text import out_of, result_text


@dataclass(frozen=True)
class SummarySet:
    """A logged set as the summary reads it, in the order it was logged."""

    key: str
    warmup: bool
    reps: int
    load_kg: float
    form_held: bool = True
    hold_s: float | None = None
    rest_before_s: float | None = None


@dataclass(frozen=True)
class ExerciseSummary:
    key: str
    name: str
    sets_done: int
    sets_planned: int
    target: tuple[int, int]
    hold: bool
    results: tuple[str, ...]
    skipped: bool
    suggestion: Suggestion | None


@dataclass(frozen=True)
class WorkoutSummary:
    """`rests_timed` counts the rests between two work sets; warm-up rests are not judged."""

    exercises: tuple[ExerciseSummary, ...]
    work_sets: int
    sets_planned: int
    warmups: int
    rests_timed: int
    rests_in_window: int

    @property
    def rest_line(self) -> str:
        return f"{out_of(self.rests_in_window, self.rests_timed, 'rest')} inside the window"


def summarize(plan: WorkoutPlan, sets: Sequence[SummarySet]) -> WorkoutSummary:
    exercises = tuple(_exercise(plan, index, sets) for index in range(len(plan.slots)))
    timed = in_window = 0
    for before, current in pairwise(sets):
        if current.warmup or before.warmup or current.rest_before_s is None:
            continue
        timed += 1
        in_window += plan.rest.ready_s <= current.rest_before_s <= plan.rest.max_s
    return WorkoutSummary(
        exercises=exercises,
        work_sets=sum(e.sets_done for e in exercises),
        sets_planned=sum(e.sets_planned for e in exercises),
        warmups=sum(1 for s in sets if s.warmup),
        rests_timed=timed,
        rests_in_window=in_window,
    )


def _exercise(plan: WorkoutPlan, index: int, sets: Sequence[SummarySet]) -> ExerciseSummary:
    slot = plan.slots[index]
    work = [s for s in sets if s.key in slot.keys and not s.warmup]
    hold = is_hold(slot.key)
    return ExerciseSummary(
        key=slot.key,
        name=shown_name(plan.kind, slot.key),
        sets_done=len(work),
        sets_planned=slot.sets,
        target=target_of(plan, slot.key),
        hold=hold,
        results=tuple(
            result_text(
                reps=s.reps,
                load_kg=s.load_kg,
                hold_s=s.hold_s,
                form_held=s.form_held,
                units=plan.units,
            )
            for s in work
        ),
        skipped=slot.skipped and len(work) < slot.sets,
        suggestion=_suggest(plan, slot.key, work, slot.sets) if work and not hold else None,
    )


def _suggest(plan: WorkoutPlan, key: str, work: Sequence[SummarySet], planned: int) -> Suggestion:
    chosen = exercise(key)
    if plan.kind == "light":
        return suggest_light(
            exercise=chosen, reps=[s.reps for s in work], name=shown_name(plan.kind, key)
        )
    top = max(s.load_kg for s in work)
    return suggest_heavy(
        exercise=chosen,
        load_kg=top if top > 0 else None,
        sets=[SetResult(s.reps, s.form_held) for s in work],
        units=plan.units,
        planned=planned,
    )
