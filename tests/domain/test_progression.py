"""Progression suggestions on a table of every boundary: 5 reps, under 4, form, units, rounding."""

from __future__ import annotations

import pytest

from desktop.domain.buildup.exercises import exercise
from desktop.domain.gym.plates import kg_to_lb, lb_to_kg
from desktop.domain.gym.progression import SetResult, suggest_heavy, suggest_light

SQUAT = exercise("back_squat")
DEADLIFT = exercise("conventional_deadlift")
LUNGE = exercise("reverse_lunge")
NORDIC = exercise("nordic_curl")


def reps(*counts: int, broke_at: int | None = None) -> list[SetResult]:
    return [SetResult(count, form_ok=index != broke_at) for index, count in enumerate(counts)]


@pytest.mark.parametrize(
    ("sets", "kind", "load"),
    [
        (reps(5, 5, 5), "increase", 105.0),
        (reps(6, 5, 5, 7), "increase", 105.0),
        (reps(5), "keep", 100.0),  # one of the three sets: a session ended early
        (reps(5, 5, 4), "keep", 100.0),
        (reps(4, 4, 4, 4), "keep", 100.0),
        (reps(3, 5, 5), "keep", 100.0),
        (reps(3), "keep", 100.0),
        (reps(3, 3, 5), "decrease", 95.0),
        (reps(3, 3, 3), "decrease", 95.0),
        (reps(2, 1, 4, 5), "decrease", 95.0),
        (reps(5, 5, 5, broke_at=2), "decrease", 95.0),
        (reps(4, 4, 4, broke_at=0), "decrease", 95.0),
    ],
)
def test_heavy_squat_in_kg(sets: list[SetResult], kind: str, load: float) -> None:
    suggestion = suggest_heavy(exercise=SQUAT, load_kg=100.0, sets=sets)
    assert (suggestion.kind, suggestion.load_kg) == (kind, pytest.approx(load))
    assert SQUAT.name in suggestion.message


def test_a_session_ended_early_keeps_the_load_and_says_why() -> None:
    """Found by a trial: 1 of 3 sets at 5 reps, then End session, said "every set reached 5
    reps — try 105 kg" and the next session loaded 105 kg."""
    early = suggest_heavy(exercise=SQUAT, load_kg=100.0, sets=reps(5), planned=3)
    assert (early.kind, early.load_kg) == ("keep", 100.0)
    assert "1 of 3 sets done" in early.message
    whole = suggest_heavy(exercise=SQUAT, load_kg=100.0, sets=reps(5, 5, 5, 5), planned=4)
    assert (whole.kind, whole.load_kg) == ("increase", 105.0)


@pytest.mark.parametrize(
    ("item", "load", "expected"),
    [(SQUAT, 100.0, 105.0), (DEADLIFT, 140.0, 145.0), (LUNGE, 40.0, 42.5)],
)
def test_increase_step_depends_on_the_lift(item, load: float, expected: float) -> None:
    suggestion = suggest_heavy(exercise=item, load_kg=load, sets=reps(5, 5, 5))
    assert suggestion.load_kg == pytest.approx(expected)


@pytest.mark.parametrize(("item", "load_lb", "expected_lb"), [(SQUAT, 225, 235), (LUNGE, 95, 100)])
def test_increase_in_pounds(item, load_lb: float, expected_lb: float) -> None:
    suggestion = suggest_heavy(
        exercise=item, load_kg=lb_to_kg(load_lb), sets=reps(5, 5, 5), units="lb"
    )
    assert kg_to_lb(suggestion.load_kg) == pytest.approx(expected_lb)
    assert f"{expected_lb} lb" in suggestion.message


@pytest.mark.parametrize(
    ("load", "expected"),
    [(100.0, 95.0), (60.0, 57.5), (40.0, 37.5), (52.5, 50.0), (20.0, 17.5), (2.5, 0.0)],
)
def test_decrease_is_five_percent_on_the_plate_grid_in_kg(load: float, expected: float) -> None:
    suggestion = suggest_heavy(exercise=SQUAT, load_kg=load, sets=reps(3, 3, 3))
    assert suggestion.load_kg == pytest.approx(expected)
    assert suggestion.load_kg < load


@pytest.mark.parametrize(
    ("load_lb", "expected_lb"), [(225, 215), (200, 190), (135, 130), (45, 40), (315, 300)]
)
def test_decrease_is_five_percent_on_the_plate_grid_in_pounds(
    load_lb: float, expected_lb: float
) -> None:
    suggestion = suggest_heavy(
        exercise=SQUAT, load_kg=lb_to_kg(load_lb), sets=reps(3, 3), units="lb"
    )
    assert kg_to_lb(suggestion.load_kg) == pytest.approx(expected_lb)


@pytest.mark.parametrize(("load", "sets"), [(None, reps(5, 5, 5)), (100.0, []), (None, [])])
def test_no_history_asks_to_find_the_five_rep_load(load, sets: list[SetResult]) -> None:
    suggestion = suggest_heavy(exercise=SQUAT, load_kg=load, sets=sets)
    assert suggestion.kind == "find_load" and suggestion.load_kg is None
    assert "find your 5-rep load" in suggestion.message


@pytest.mark.parametrize(
    ("sets", "kind"),
    [(reps(5, 5), "harder"), (reps(3, 3), "easier"), (reps(4, 5), "keep"), ([], "keep")],
)
def test_bodyweight_heavy_work_progresses_by_variant(sets: list[SetResult], kind: str) -> None:
    suggestion = suggest_heavy(exercise=NORDIC, load_kg=None, sets=sets)
    assert (suggestion.kind, suggestion.load_kg) == (kind, None)


@pytest.mark.parametrize(
    ("counts", "kind"),
    [
        ([20, 20], "harder"),
        ([25, 20, 30], "harder"),
        ([20], "harder"),
        ([19, 20], "keep"),
        ([10, 10], "keep"),
        ([10, 19], "keep"),
        ([9, 20], "easier"),
        ([25, 9], "easier"),
        ([0], "easier"),
        ([], "keep"),
    ],
)
def test_light_session_suggests_a_variant(counts: list[int], kind: str) -> None:
    suggestion = suggest_light(exercise=SQUAT, reps=counts)
    assert (suggestion.kind, suggestion.load_kg) == (kind, None)
    if kind == "harder":
        assert "harder variant or a light load" in suggestion.message
    if kind == "easier":
        assert "easier variant" in suggestion.message


@pytest.mark.parametrize(
    ("key", "counts", "kind"),
    [
        ("dead_bug", [9, 10], "keep"),
        ("dead_bug", [8, 8], "keep"),
        ("dead_bug", [7, 12], "easier"),
        ("dead_bug", [12, 12], "harder"),
        ("dead_bug", [11, 12], "keep"),
        ("single_leg_glute_bridge", [10, 14], "keep"),
        ("single_leg_glute_bridge", [9, 14], "easier"),
        ("single_leg_glute_bridge", [15, 16], "harder"),
    ],
)
def test_a_finisher_is_judged_against_its_own_dose(key: str, counts: list[int], kind: str) -> None:
    finisher = exercise(key)
    low, high = finisher.dose_range or (0, 0)
    suggestion = suggest_light(exercise=finisher, reps=counts)
    assert suggestion.kind == kind
    if kind == "easier":
        assert f"under {low} reps" in suggestion.message
    if kind == "keep":
        assert f"aim for {low}-{high} reps" in suggestion.message
