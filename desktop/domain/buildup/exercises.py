"""The exercise library and how a plan's selection turns into each session's exercise list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from desktop.domain.buildup.model import ExerciseSelection, PlanInputError, SessionKind

Movement = Literal["squat", "deadlift", "lunge", "hip_thrust", "finisher", "accessory"]
Increment = Literal["major", "minor", "none"]
Dose = Literal["reps", "hold_s"]

NOT_THE_MAIN_FIX = "For the muscle that cramps; not the main fix: hips, glutes and core are."
SWAPPABLE = ("squat", "deadlift", "lunge", "hip_thrust", "accessory")


@dataclass(frozen=True)
class Exercise:
    """One exercise variant.

    `increment` is the load jump after a good session: "major" (+5 kg / +10 lb) for squats,
    deadlifts and hip thrusts, "minor" (+2.5 kg / +5 lb) for lunges and the calf raise, "none" for
    bodyweight-only work.
    `bodyweight_form` is what the light session does instead of the loaded lift.
    """

    key: str
    name: str
    movement: Movement
    muscles: tuple[str, ...]
    barbell: bool
    increment: Increment
    bodyweight_form: str
    dose: Dose = "reps"
    dose_range: tuple[int, int] | None = None
    sites: tuple[str, ...] = ()
    note: str = ""


_MUSCLES: dict[str, tuple[str, ...]] = {
    "squat": ("quads", "glutes", "adductors", "core"),
    "deadlift": ("hamstrings", "glutes", "lower back", "core"),
    "lunge": ("quads", "glutes", "hips", "core"),
    "hip_thrust": ("glutes", "hamstrings", "hips"),
}


def _lift(key: str, name: str, movement: Movement, barbell: bool, bodyweight: str) -> Exercise:
    """A main lift: the protocol adds 5 kg to squats and deadlifts and 2.5 kg to lunges."""
    step: Increment = "minor" if movement == "lunge" else "major"
    return Exercise(key, name, movement, _MUSCLES[movement], barbell, step, bodyweight)


def _finisher(
    key: str, name: str, muscles: tuple[str, ...], dose: Dose, lo: int, hi: int
) -> Exercise:
    return Exercise(key, name, "finisher", muscles, False, "none", name, dose, (lo, hi))


def _accessory(
    key: str, name: str, muscles: tuple[str, ...], step: Increment, site: str
) -> Exercise:
    return Exercise(
        key, name, "accessory", muscles, False, step, name, sites=(site,), note=NOT_THE_MAIN_FIX
    )


EXERCISES: tuple[Exercise, ...] = (
    _lift("back_squat", "Back squat", "squat", True, "Bodyweight squat"),
    _lift("front_squat", "Front squat", "squat", True, "Bodyweight squat"),
    _lift("goblet_squat", "Goblet squat", "squat", False, "Bodyweight squat"),
    _lift("trap_bar_squat", "Trap-bar squat", "squat", True, "Bodyweight squat"),
    _lift("conventional_deadlift", "Deadlift", "deadlift", True, "Good morning"),
    _lift("romanian_deadlift", "Romanian deadlift", "deadlift", True, "Good morning"),
    _lift("trap_bar_deadlift", "Trap-bar deadlift", "deadlift", True, "Good morning"),
    _lift("single_leg_rdl", "Single-leg RDL", "deadlift", False, "Single-leg RDL"),
    _lift("reverse_lunge", "Reverse lunge", "lunge", False, "Reverse lunge"),
    _lift("walking_lunge", "Walking lunge", "lunge", False, "Walking lunge"),
    _lift("bulgarian_split_squat", "Bulgarian split squat", "lunge", False, "Split squat"),
    _lift("step_up", "Step-up", "lunge", False, "Step-up"),
    _lift("hip_thrust", "Hip thrust", "hip_thrust", True, "Glute bridge"),
    _lift("glute_bridge", "Glute bridge", "hip_thrust", True, "Glute bridge"),
    _finisher("plank", "Plank", ("core",), "hold_s", 30, 60),
    _finisher("side_plank", "Side plank", ("core", "hips"), "hold_s", 20, 45),
    _finisher("dead_bug", "Dead bug", ("core",), "reps", 8, 12),
    _finisher(
        "single_leg_glute_bridge", "Single-leg glute bridge", ("glutes", "hips"), "reps", 10, 15
    ),
    _accessory("calf_raise", "Calf raise", ("calves",), "minor", "calf"),
    _accessory(
        "hamstring_bridge", "Hamstring bridge", ("hamstrings", "glutes"), "none", "hamstring"
    ),
    _accessory("nordic_curl", "Nordic curl", ("hamstrings",), "none", "hamstring"),
    _accessory("step_down", "Step-down", ("quads", "hips"), "none", "quad"),
)


def exercise(key: str) -> Exercise:
    """Look an exercise up by key; an unknown key is an input the athlete has to fix."""
    for candidate in EXERCISES:
        if candidate.key == key:
            return candidate
    raise PlanInputError(f"Unknown exercise {key!r}.")


def session_name(key: str, kind: SessionKind) -> str:
    """The one name of an exercise in a session of `kind`, wherever it is shown (the window, the
    `plan` command's text and JSON, the summary's advice): a light session does each loaded
    lift in its bodyweight form ("Bodyweight squat" for the back squat)."""
    chosen = exercise(key)
    return chosen.bodyweight_form if kind == "light" else chosen.name


def dosed_name(key: str, kind: SessionKind) -> str:
    """`session_name` with what a plan list adds to it: a finisher's own dose, and that the
    cramp-site accessory is an extra ("Plank (30–60 s hold)")."""
    chosen, name = exercise(key), session_name(key, kind)
    if chosen.movement == "finisher" and chosen.dose_range is not None:
        unit = "s hold" if chosen.dose == "hold_s" else "reps"
        return f"{name} ({chosen.dose_range[0]}–{chosen.dose_range[1]} {unit})"
    if chosen.movement == "accessory":
        return f"{name} (cramp-site extra, not the main fix)"
    return name


def variants(movement: str) -> tuple[Exercise, ...]:
    """The variants the athlete can choose from for one movement, default first."""
    return tuple(candidate for candidate in EXERCISES if candidate.movement == movement)


def with_variant(
    selection: ExerciseSelection, movement: str, variant_key: str | None
) -> ExerciseSelection:
    """Swap one movement's variant; None drops the optional hip thrust or the accessory."""
    if movement not in SWAPPABLE:
        raise PlanInputError(f"Cannot swap {movement!r}; choose from {', '.join(SWAPPABLE)}.")
    if variant_key is None:
        if movement not in ("hip_thrust", "accessory"):
            raise PlanInputError(f"Every plan needs a {movement} variant.")
        if movement == "accessory":
            return replace(selection, accessory=None, include_accessory=False)
        return replace(selection, hip_thrust=None)
    chosen = exercise(variant_key)
    if chosen.movement != movement:
        raise PlanInputError(f"{chosen.name} is not a {movement.replace('_', ' ')} variant.")
    if movement == "accessory":
        return replace(selection, accessory=variant_key, include_accessory=True)
    return replace(selection, **{movement: variant_key})


def accessory_for(cramp_sites: Sequence[str]) -> Exercise | None:
    """The one default accessory: for the first cramp site that has one (foot/other: none)."""
    for site in cramp_sites:
        for candidate in EXERCISES:
            if candidate.movement == "accessory" and site in candidate.sites:
                return candidate
    return None


def main_lifts(selection: ExerciseSelection) -> tuple[str, ...]:
    """The compound lifts both sessions share: squat, deadlift, lunge, then the optional bridge."""
    keys = (selection.squat, selection.deadlift, selection.lunge)
    return keys if selection.hip_thrust is None else (*keys, selection.hip_thrust)


def heavy_exercises(selection: ExerciseSelection, cramp_sites: Sequence[str]) -> tuple[str, ...]:
    """Heavy session: the compound lifts, then one accessory for the cramp site."""
    keys = main_lifts(selection)
    if not selection.include_accessory:
        return keys
    if selection.accessory is not None:
        return (*keys, selection.accessory)
    accessory = accessory_for(cramp_sites)
    return keys if accessory is None else (*keys, accessory.key)


def light_exercises(selection: ExerciseSelection) -> tuple[str, ...]:
    """Light session: the same lifts in their bodyweight form, then the core and hips finisher."""
    keys = main_lifts(selection)
    return (*keys, *selection.finisher) if selection.include_finisher else keys
