"""Which typed loads are asked about before they are saved, and how the question reads."""

from __future__ import annotations

import pytest

from desktop.domain.gym.load_check import (
    below_empty_bar,
    on_a_bar,
    unusual_load,
    unusual_load_question,
)
from desktop.domain.gym.plates import lb_to_kg


@pytest.mark.parametrize(
    ("load_kg", "best_kg", "asked"),
    [
        (1000.0, 100.0, True),  # the slip that started it: 1000 for 100
        (150.0, 100.0, False),  # exactly 1.5× the best is a big day, not a slip
        (150.5, 100.0, True),
        (105.0, 100.0, False),
        (0.0, 100.0, False),  # bodyweight
        (0.0, None, False),
        (250.0, None, False),  # no history: up to 250 kg goes through
        (250.5, None, True),
        (1000.0, None, True),
        (300.0, 0.0, True),  # only bodyweight sets so far count as no history
        (40.0, 20.0, True),  # twice an empty-bar best is asked once; saved, it is the new best
        (300.0, 220.0, False),
    ],
)
def test_which_loads_are_asked_about(load_kg: float, best_kg: float | None, asked: bool) -> None:
    assert unusual_load(load_kg, best_kg) is asked


@pytest.mark.parametrize(
    ("load_lb", "best_lb", "asked"),
    [(2200.0, 220.0, True), (330.0, 220.0, False), (550.0, None, False), (560.0, None, True)],
)
def test_in_lb_the_same_rule(load_lb: float, best_lb: float | None, asked: bool) -> None:
    best_kg = None if best_lb is None else lb_to_kg(best_lb)
    assert unusual_load(lb_to_kg(load_lb), best_kg) is asked


@pytest.mark.parametrize(
    ("load_kg", "best_kg", "units", "text"),
    [
        (1000.0, 100.0, "kg", "1000 kg on Back squat? Your best so far is 100 kg."),
        (
            300.0,
            None,
            "kg",
            "300 kg on Back squat? That is more than 250 kg, with none logged yet.",
        ),
        (lb_to_kg(2250), lb_to_kg(225), "lb", "2250 lb on Back squat? Your best so far is 225 lb."),
        (
            lb_to_kg(600),
            None,
            "lb",
            "600 lb on Back squat? That is more than 551 lb, with none logged yet.",
        ),
    ],
)
def test_the_question_in_the_runners_units(
    load_kg: float, best_kg: float | None, units: str, text: str
) -> None:
    question = unusual_load_question(load_kg, best_kg, name="Back squat", units=units)  # type: ignore[arg-type]
    assert question == text


def test_a_barbell_load_below_the_empty_bar_is_refused_naming_the_bar() -> None:
    assert below_empty_bar(15, bar=20, units="kg") == "Below the empty bar (20 kg)."
    assert below_empty_bar(0, bar=20, units="kg") == "Below the empty bar (20 kg)."
    assert below_empty_bar(35, bar=45, units="lb") == "Below the empty bar (45 lb)."
    assert below_empty_bar(15, bar=15, units="kg") is None  # a runner's own lighter bar


def test_the_empty_bar_and_more_are_loads() -> None:
    assert below_empty_bar(20, bar=20, units="kg") is None
    assert below_empty_bar(19.996, bar=20, units="kg") is None  # shown as 20
    assert below_empty_bar(75, bar=20, units="kg") is None


def test_only_a_heavy_sessions_barbell_lift_is_on_a_bar() -> None:
    assert on_a_bar("heavy", "back_squat")
    assert not on_a_bar("light", "back_squat")  # the bodyweight squat
    assert not on_a_bar("heavy", "calf_raise")
