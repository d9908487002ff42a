"""Load and variant suggestions from the last session; the athlete decides, nothing is automatic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from desktop.domain.buildup.exercises import Exercise
from desktop.domain.buildup.model import Units
from desktop.domain.gym.plates import kg_to_lb, lb_to_kg, plate_step, round_to_step
from desktop.domain.gym.workout_text import out_of

SuggestionKind = Literal["increase", "decrease", "keep", "find_load", "harder", "easier"]

HEAVY_TARGET = 5
HEAVY_FLOOR = 4
LIGHT_CEILING = 20
FEWEST_HEAVY_SETS = 3  # PROTOCOL: 3 heavy sets in phase 1, 4 after
LIGHT_FLOOR = 10
DECREASE = 0.05
_INCREASE = {
    ("major", "kg"): 5.0,
    ("minor", "kg"): 2.5,
    ("major", "lb"): 10.0,
    ("minor", "lb"): 5.0,
}


@dataclass(frozen=True)
class SetResult:
    """One logged work set: the reps done and whether the athlete held form through it."""

    reps: int
    form_ok: bool = True


@dataclass(frozen=True)
class Suggestion:
    """What to do next time; `load_kg` is None when the suggestion is not a number."""

    kind: SuggestionKind
    load_kg: float | None
    message: str


def suggest_heavy(
    *,
    exercise: Exercise,
    load_kg: float | None,
    sets: Sequence[SetResult],
    units: Units = "kg",
    planned: int = FEWEST_HEAVY_SETS,
) -> Suggestion:
    """Suggest the next heavy load for one exercise from its last heavy session. "Every set
    reached 5 reps" counts the `planned` sets: a session ended early never raises the load."""
    if not sets and exercise.increment == "none":
        return Suggestion("keep", None, f"{exercise.name}: log a session to get a suggestion.")
    if not sets or (load_kg is None and exercise.increment != "none"):
        return Suggestion(
            "find_load",
            None,
            f"{exercise.name}: find your 5-rep load next time — build up in small jumps until 5 "
            "clean reps are all you have.",
        )
    all_five = all(s.reps >= HEAVY_TARGET and s.form_ok for s in sets)
    short_sets = sum(1 for s in sets if s.reps < HEAVY_FLOOR)
    form_broke = any(not s.form_ok for s in sets)
    if exercise.increment == "none" or load_kg is None:
        return _bodyweight_heavy(exercise, all_five, short_sets >= 2 or form_broke)
    if all_five and len(sets) < planned:
        return Suggestion(
            "keep",
            load_kg,
            f"{exercise.name}: {out_of(len(sets), planned, 'set')} done — "
            f"keep {_show(load_kg, units)} next time.",
        )
    if all_five:
        step = _INCREASE[(exercise.increment, units)]
        new = load_kg + (step if units == "kg" else lb_to_kg(step))
        return Suggestion(
            "increase",
            new,
            f"{exercise.name}: every set reached 5 reps — try {_show(new, units)} next time.",
        )
    if short_sets >= 2 or form_broke:
        new = _reduced(load_kg, units)
        why = "form broke" if form_broke else f"{short_sets} sets stopped under 4 reps"
        return Suggestion(
            "decrease", new, f"{exercise.name}: {why} — try {_show(new, units)} next time."
        )
    return Suggestion(
        "keep",
        load_kg,
        f"{exercise.name}: keep {_show(load_kg, units)} next time, until every set gets 5.",
    )


def suggest_light(
    *, exercise: Exercise, reps: Sequence[int], name: str | None = None
) -> Suggestion:
    """Suggest a variant change for the light session from the reps of its last sets.

    The lifts are judged against the light range, 10-20 reps; a finisher dosed in reps against
    its own range (a dead bug's 8-12), so a set inside its dose never asks for an easier one.
    `name` is the exercise as the session showed it (`exercises.session_name`).
    """
    name = name or exercise.name  # the name the light session shows: "Bodyweight squat"
    floor, ceiling = LIGHT_FLOOR, LIGHT_CEILING
    if exercise.dose == "reps" and exercise.dose_range is not None:
        floor, ceiling = exercise.dose_range
    if reps and all(r >= ceiling for r in reps):
        more = " or a light load" if exercise.dose_range is None else ""
        return Suggestion(
            "harder",
            None,
            f"{name}: every set reached {ceiling} reps — try a harder variant{more} next time.",
        )
    if any(r < floor for r in reps):
        return Suggestion(
            "easier",
            None,
            f"{name}: a set stopped under {floor} reps — try an easier variant next time.",
        )
    return Suggestion(
        "keep", None, f"{name}: keep the variant next time; aim for {floor}-{ceiling} reps."
    )


def _bodyweight_heavy(exercise: Exercise, progress: bool, struggle: bool) -> Suggestion:
    """Exercises without a load progress by variant instead of by weight."""
    if progress:
        return Suggestion(
            "harder", None, f"{exercise.name}: 5 clean reps every set — go harder next time."
        )
    if struggle:
        return Suggestion(
            "easier", None, f"{exercise.name}: too hard today — use an easier form next time."
        )
    return Suggestion("keep", None, f"{exercise.name}: keep it next time, until every set gets 5.")


def _reduced(load_kg: float, units: Units) -> float:
    """Five percent off, on the plate grid, and always at least one plate step lighter."""
    step = plate_step(units)
    current = load_kg if units == "kg" else kg_to_lb(load_kg)
    lighter = round_to_step(current * (1 - DECREASE), step=step)
    if lighter >= current:
        lighter = round_to_step(current, step=step) - step
    lighter = max(lighter, 0.0)
    return lighter if units == "kg" else lb_to_kg(lighter)


def _show(load_kg: float, units: Units) -> str:
    value = load_kg if units == "kg" else kg_to_lb(load_kg)
    return f"{round(value, 2):g} {units}"
