"""Summary numbers and screen text: sets vs prescribed, rests in the window, suggestions, plates."""

from __future__ import annotations

import pytest

from desktop.domain.gym.plates import PLATES_KG, PLATES_LB, lb_to_kg
from desktop.domain.gym.workout import Slot, WorkoutPlan
from desktop.domain.gym.workout_summary import SummarySet, summarize
from desktop.domain.gym.workout_text import (
    clock_text,
    load_text,
    plate_line,
    result_text,
    set_title,
    target_text,
)
from desktop.domain.rest.rest_timer import HEAVY_WINDOW, LIGHT_WINDOW

PLAN = WorkoutPlan(
    "heavy",
    (4, 5),
    HEAVY_WINDOW,
    "tired legs: form first",
    (Slot("back_squat", 3), Slot("conventional_deadlift", 3, skipped=True), Slot("step_up", 2)),
)


def squat(reps: int, rest: float | None, *, load: float = 100.0, form: bool = True) -> SummarySet:
    return SummarySet("back_squat", False, reps, load, form, rest_before_s=rest)


def test_counts_sets_against_the_prescription_and_judges_work_rests_only() -> None:
    sets = [
        SummarySet("back_squat", True, 5, 20.0, rest_before_s=None),
        SummarySet("back_squat", True, 5, 60.0, rest_before_s=70.0),
        squat(5, 75.0),  # after a warm-up: not judged
        squat(5, 200.0),  # inside 3–5 min
        squat(4, 170.0),  # too short
        SummarySet("conventional_deadlift", False, 5, 140.0, rest_before_s=310.0),  # too long
        SummarySet("step_up", False, 5, 0.0, rest_before_s=300.0),  # 5:00 counts as inside
    ]
    summary = summarize(PLAN, sets)
    assert (summary.work_sets, summary.sets_planned, summary.warmups) == (5, 8, 2)
    assert (summary.rests_timed, summary.rests_in_window) == (4, 2)
    assert summary.rest_line == "2 of 4 rests inside the window"
    squat_row, deadlift_row, step_up_row = summary.exercises
    assert (squat_row.sets_done, squat_row.sets_planned) == (3, 3)
    assert squat_row.results == ("5 × 100 kg", "5 × 100 kg", "4 × 100 kg")
    assert (deadlift_row.sets_done, deadlift_row.skipped) == (1, True)
    assert step_up_row.results == ("5 reps",)


@pytest.mark.parametrize(
    ("sets", "kind", "load"),
    [
        ([squat(5, None), squat(5, 200), squat(5, 200)], "increase", 105.0),
        ([squat(5, None), squat(3, 200), squat(3, 200)], "decrease", 95.0),
        ([squat(5, None), squat(5, 200, form=False)], "decrease", 95.0),
        ([squat(5, None), squat(4, 200)], "keep", 100.0),
        ([squat(5, None, load=0.0)], "find_load", None),
    ],
)
def test_heavy_suggestions_follow_the_protocol(
    sets: list[SummarySet], kind: str, load: float | None
) -> None:
    suggestion = summarize(PLAN, sets).exercises[0].suggestion
    assert suggestion is not None
    assert (suggestion.kind, suggestion.load_kg) == (kind, load)


def test_no_suggestion_for_an_exercise_not_done() -> None:
    assert summarize(PLAN, []).exercises[0].suggestion is None


def test_light_session_suggests_variants_and_shows_holds_in_seconds() -> None:
    plan = WorkoutPlan(
        "light", (10, 20), LIGHT_WINDOW, "", (Slot("back_squat", 2), Slot("plank", 2))
    )
    sets = [
        SummarySet("back_squat", False, 20, 0.0),
        SummarySet("back_squat", False, 20, 0.0, rest_before_s=75.0),
        SummarySet("plank", False, 0, 0.0, hold_s=45.0, rest_before_s=95.0),
        SummarySet("plank", False, 0, 0.0, hold_s=50.0, rest_before_s=60.0),
    ]
    summary = summarize(plan, sets)
    bodyweight, plank = summary.exercises
    assert bodyweight.name == "Bodyweight squat"
    assert bodyweight.suggestion is not None and bodyweight.suggestion.kind == "harder"
    assert plank.results == ("45 s", "50 s")
    assert plank.hold and plank.suggestion is None
    assert (summary.rests_timed, summary.rests_in_window) == (3, 2)


@pytest.mark.parametrize(
    ("load_kg", "units", "bar", "plates", "line"),
    [
        (100.0, "kg", 20.0, PLATES_KG, "Each side: 25 + 15  ·  bar 20 kg"),
        (102.5, "kg", 20.0, PLATES_KG, "Each side: 25 + 15 + 1.25  ·  bar 20 kg"),
        (20.0, "kg", 20.0, PLATES_KG, "Empty bar (20 kg)"),
        (101.0, "kg", 20.0, PLATES_KG, "Each side: 25 + 15  ·  bar 20 kg  ·  1 kg cannot be built"),
        (lb_to_kg(225.0), "lb", 45.0, PLATES_LB, "Each side: 45 + 45  ·  bar 45 lb"),
        (170.0, "kg", 20.0, PLATES_KG, "Each side: 3 × 25  ·  bar 20 kg"),
        (1000.0, "kg", 20.0, PLATES_KG, "Each side: 19 × 25 + 15  ·  bar 20 kg"),
        (10.0, "kg", 20.0, PLATES_KG, None),
        (0.0, "kg", 20.0, PLATES_KG, None),
    ],
)
def test_plate_breakdown_per_side(
    load_kg: float, units: str, bar: float, plates: tuple[float, ...], line: str | None
) -> None:
    assert plate_line(load_kg, units=units, bar=bar, plates=plates) == line  # type: ignore[arg-type]


def test_screen_text() -> None:
    assert load_text(lb_to_kg(225.0), "lb") == "225"
    assert load_text(102.5, "kg") == "102.5"
    assert target_text((4, 5), hold=False) == "4–5 reps"
    assert target_text((5, 5), hold=False) == "5 reps"
    assert target_text((30, 60), hold=True) == "30–60 s"
    assert set_title("Deadlift", warmup=True, number=2, of=3) == "Deadlift · Warm-up 2 of 3"
    assert clock_text(65.9) == "1:05"
    assert clock_text(-3) == "0:00"
    assert (
        result_text(reps=4, load_kg=100.0, hold_s=None, form_held=False, units="kg")
        == "4 × 100 kg (form broke)"
    )


def test_a_light_sessions_advice_names_the_bodyweight_form_it_showed() -> None:
    """The light session shows 'Bodyweight squat'; its advice must not say 'Back squat'."""
    light = WorkoutPlan(
        "light", (10, 20), LIGHT_WINDOW, "reinforce the movement", (Slot("back_squat", 2),)
    )
    sets = [SummarySet("back_squat", False, 20, 0.0, rest_before_s=None)] * 2
    [row] = summarize(light, sets).exercises
    assert row.name == "Bodyweight squat"
    assert row.suggestion is not None
    assert row.suggestion.message.startswith("Bodyweight squat: every set reached 20 reps")
    assert "Back squat" not in row.suggestion.message
