"""The exercise library, the default sessions, the cramp-site accessory and variant swaps."""

from __future__ import annotations

import pytest

from desktop.domain.buildup.exercises import (
    EXERCISES,
    NOT_THE_MAIN_FIX,
    accessory_for,
    exercise,
    heavy_exercises,
    light_exercises,
    variants,
    with_variant,
)
from desktop.domain.buildup.model import ExerciseSelection, PlanInputError

DEFAULT = ExerciseSelection()


@pytest.mark.parametrize(
    ("movement", "keys"),
    [
        ("squat", ["back_squat", "front_squat", "goblet_squat", "trap_bar_squat"]),
        (
            "deadlift",
            ["conventional_deadlift", "romanian_deadlift", "trap_bar_deadlift", "single_leg_rdl"],
        ),
        ("lunge", ["reverse_lunge", "walking_lunge", "bulgarian_split_squat", "step_up"]),
        ("hip_thrust", ["hip_thrust", "glute_bridge"]),
        ("finisher", ["plank", "side_plank", "dead_bug", "single_leg_glute_bridge"]),
        ("accessory", ["calf_raise", "hamstring_bridge", "nordic_curl", "step_down"]),
    ],
)
def test_library_has_every_protocol_variant(movement: str, keys: list[str]) -> None:
    assert [item.key for item in variants(movement)] == keys


def test_library_entries_are_complete_and_unique() -> None:
    assert len({item.key for item in EXERCISES}) == len(EXERCISES)
    for item in EXERCISES:
        assert item.name and item.muscles and item.bodyweight_form
        assert item.increment in ("major", "minor", "none")


def test_increments_follow_the_protocol_steps() -> None:
    assert {item.increment for item in variants("squat") + variants("deadlift")} == {"major"}
    assert {item.increment for item in variants("lunge")} == {"minor"}
    assert exercise("back_squat").barbell and not exercise("goblet_squat").barbell


def test_finisher_is_held_seconds_or_reps() -> None:
    assert exercise("plank").dose == "hold_s" and exercise("side_plank").dose == "hold_s"
    assert exercise("dead_bug").dose == "reps"
    assert all(item.dose_range is not None for item in variants("finisher"))


@pytest.mark.parametrize(
    ("sites", "key"),
    [
        (("calf",), "calf_raise"),
        (("hamstring",), "hamstring_bridge"),
        (("quad",), "step_down"),
        (("foot",), None),
        (("other",), None),
        (("none",), None),
        (("foot", "quad", "calf"), "step_down"),
    ],
)
def test_one_accessory_for_the_cramp_site(sites: tuple[str, ...], key: str | None) -> None:
    found = accessory_for(sites)
    assert (found.key if found else None) == key
    if found:
        assert found.note == NOT_THE_MAIN_FIX and "not the main fix" in found.note


def test_default_sessions() -> None:
    main = ("back_squat", "conventional_deadlift", "reverse_lunge")
    assert heavy_exercises(DEFAULT, ("none",)) == main
    assert heavy_exercises(DEFAULT, ("calf",)) == (*main, "calf_raise")
    assert light_exercises(DEFAULT) == (
        *main,
        "plank",
        "side_plank",
        "dead_bug",
        "single_leg_glute_bridge",
    )


def test_swapping_variants() -> None:
    chosen = with_variant(DEFAULT, "squat", "front_squat")
    chosen = with_variant(chosen, "deadlift", "romanian_deadlift")
    chosen = with_variant(chosen, "hip_thrust", "glute_bridge")
    chosen = with_variant(chosen, "accessory", "nordic_curl")
    assert heavy_exercises(chosen, ("hamstring",)) == (
        "front_squat",
        "romanian_deadlift",
        "reverse_lunge",
        "glute_bridge",
        "nordic_curl",
    )
    assert DEFAULT.squat == "back_squat"
    dropped = with_variant(with_variant(chosen, "accessory", None), "hip_thrust", None)
    assert heavy_exercises(dropped, ("calf",)) == (
        "front_squat",
        "romanian_deadlift",
        "reverse_lunge",
    )


@pytest.mark.parametrize(
    ("movement", "key", "fragment"),
    [
        ("squat", "romanian_deadlift", "not a squat variant"),
        ("lunge", "no_such_lift", "Unknown exercise"),
        ("finisher", "plank", "Cannot swap"),
        ("squat", None, "needs a squat"),
    ],
)
def test_bad_swaps_are_refused(movement: str, key: str | None, fragment: str) -> None:
    with pytest.raises(PlanInputError, match=fragment):
        with_variant(DEFAULT, movement, key)
