"""Counts read in the right number wherever gym mode shows or says one."""

from __future__ import annotations

from desktop.domain.gym.workout_summary import WorkoutSummary
from desktop.domain.gym.workout_text import counted, out_of, result_text, target_text
from desktop.domain.rest.spoken_cues import duration_words


def test_a_count_of_one_is_singular_and_any_other_plural() -> None:
    assert [counted(n, "warm-up set") for n in (0, 1, 2)] == [
        "0 warm-up sets",
        "1 warm-up set",
        "2 warm-up sets",
    ]
    assert out_of(1, 1, "work set") == "1 of 1 work set"
    assert out_of(0, 9, "set", sep="/") == "0/9 sets"


def test_one_rep_and_one_second_are_singular() -> None:
    assert result_text(reps=1, load_kg=0.0, hold_s=None, form_held=True, units="kg") == "1 rep"
    assert result_text(reps=2, load_kg=0.0, hold_s=None, form_held=True, units="kg") == "2 reps"
    assert target_text((1, 1), hold=False) == "1 rep"
    assert target_text((4, 5), hold=False) == "4–5 reps"
    assert duration_words(301) == "Five minutes one second"


def test_one_rest_of_one_is_singular() -> None:
    summary = WorkoutSummary(
        exercises=(), work_sets=1, sets_planned=1, warmups=0, rests_timed=1, rests_in_window=1
    )
    assert summary.rest_line == "1 of 1 rest inside the window"
