"""The first-time load question's rule: which lifts are asked about, and the field's default."""

from __future__ import annotations

import pytest

from desktop.domain.gym.start_load import asks_start_load, default_start_load, start_load_question


@pytest.mark.parametrize(
    "key", ["back_squat", "conventional_deadlift", "reverse_lunge", "calf_raise"]
)
def test_a_loaded_lift_with_no_load_known_is_asked_about_in_a_heavy_session(key: str) -> None:
    assert asks_start_load("heavy", key, load_known=False)


def test_a_lift_with_a_load_known_is_not_asked_about() -> None:
    assert not asks_start_load("heavy", "back_squat", load_known=True)


def test_the_light_session_and_bodyweight_work_are_never_asked_about() -> None:
    assert not asks_start_load("light", "back_squat", load_known=False)
    for key in ("plank", "dead_bug", "nordic_curl", "step_down"):
        assert not asks_start_load("heavy", key, load_known=False)


@pytest.mark.parametrize(
    ("key", "units", "bar", "expected"),
    [
        ("back_squat", "kg", 20.0, 40.0),
        ("back_squat", "lb", 45.0, 95.0),
        ("conventional_deadlift", "kg", 20.0, 60.0),
        ("conventional_deadlift", "lb", 45.0, 135.0),
        ("reverse_lunge", "kg", 20.0, 10.0),
        ("goblet_squat", "lb", 45.0, 20.0),
        ("hip_thrust", "kg", 50.0, 50.0),  # never lighter than the runner's own bar
    ],
)
def test_the_default_is_a_light_guess_in_the_runners_units(
    key: str, units: str, bar: float, expected: float
) -> None:
    assert default_start_load(key, units, bar=bar) == expected  # type: ignore[arg-type]


def test_the_question_names_the_heavy_rep_range() -> None:
    assert start_load_question((4, 5)) == "First time: what load can you lift only 4–5 times?"
