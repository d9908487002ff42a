"""Validation tables for everything typed in the gym: reps, holds, loads, notes, distance."""

from __future__ import annotations

import pytest

from desktop.domain.gym.plates import lb_to_kg
from desktop.domain.gym.workout_input import (
    InputError,
    bump_load,
    bump_reps,
    check_notes,
    max_load,
    parse_distance,
    parse_hold,
    parse_load,
    parse_reps,
)


@pytest.mark.parametrize(
    ("text", "reps"), [("0", 0), ("5", 5), (" 12 ", 12), ("100", 100), ("007", 7)]
)
def test_reps_accepted(text: str, reps: int) -> None:
    assert parse_reps(text) == reps


@pytest.mark.parametrize("text", ["", " ", "-1", "101", "5.5", "five", "5 reps", "1e2", "٥"])
def test_reps_refused_with_a_message(text: str) -> None:
    with pytest.raises(InputError, match="Reps must be"):
        parse_reps(text)


@pytest.mark.parametrize(
    ("text", "seconds"), [("45", 45), ("0", 0), ("1:05", 65), ("60:00", 3600), (" 30 ", 30)]
)
def test_holds_accepted(text: str, seconds: int) -> None:
    assert parse_hold(text) == seconds


@pytest.mark.parametrize("text", ["", "-5", "3601", "61:00", "1:5", "1:60", "45s", "abc"])
def test_holds_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_hold(text)


@pytest.mark.parametrize(
    ("text", "units", "kg"),
    [
        ("100", "kg", 100.0),
        ("102.5", "kg", 102.5),
        ("102,5", "kg", 102.5),
        ("0", "kg", 0.0),
        ("1000", "kg", 1000.0),
        (" 60 kg", "kg", 60.0),
        (".5", "kg", 0.5),
        ("225", "lb", lb_to_kg(225.0)),
        ("2204.6", "lb", lb_to_kg(2204.6)),
        ("135 lb", "lb", lb_to_kg(135.0)),
    ],
)
def test_loads_accepted_in_kg_and_lb(text: str, units: str, kg: float) -> None:
    assert parse_load(text, units) == pytest.approx(kg)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "units", "why"),
    [
        ("1000.5", "kg", "from 0 to 1000 kg"),
        ("2205", "lb", "from 0 to 2204.6 lb"),
        ("-5", "kg", "number of kg"),
        ("", "kg", "number of kg"),
        ("heavy", "kg", "number of kg"),
        ("1.2.3", "kg", "number of kg"),
        ("100 lb", "kg", "number of kg"),
        ("nan", "lb", "number of lb"),
        ("inf", "kg", "number of kg"),
    ],
)
def test_loads_refused_with_the_range(text: str, units: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        parse_load(text, units)  # type: ignore[arg-type]


def test_the_lb_limit_is_the_kg_limit() -> None:
    assert max_load("kg") == 1000.0
    assert lb_to_kg(max_load("lb")) <= 1000.0 < lb_to_kg(max_load("lb") + 0.1)


@pytest.mark.parametrize(("length", "ok"), [(0, True), (2000, True), (2001, False)])
def test_notes_up_to_2000_characters(length: int, ok: bool) -> None:
    text = "x" * length
    if ok:
        assert check_notes(text) == text
    else:
        with pytest.raises(InputError, match="at most 2,000"):
            check_notes(text)


@pytest.mark.parametrize(
    ("text", "km"), [("", None), ("  ", None), ("32.5", 32.5), ("30 km", 30.0), ("500", 500.0)]
)
def test_distance_accepted(text: str, km: float | None) -> None:
    assert parse_distance(text) == km


@pytest.mark.parametrize("text", ["500.1", "-3", "far", "30 mi"])
def test_distance_refused(text: str) -> None:
    with pytest.raises(InputError, match=r"kilometres|km"):
        parse_distance(text)


@pytest.mark.parametrize(
    ("text", "delta", "hold", "result"),
    [
        ("5", 1, False, "6"),
        ("5", -1, False, "4"),
        ("0", -1, False, "0"),
        ("100", 1, False, "100"),
        ("45", 1, True, "50"),
        ("3", -1, True, "0"),
        ("1:00", 1, True, "65"),
    ],
)
def test_up_and_down_stay_in_range(text: str, delta: int, hold: bool, result: str) -> None:
    assert bump_reps(text, delta, hold=hold) == result


@pytest.mark.parametrize(
    ("text", "steps", "units", "result"),
    [
        ("100", 1, "kg", "102.5"),
        ("100", -1, "kg", "97.5"),
        ("1", -1, "kg", "0"),
        ("1000", 1, "kg", "1000"),
        ("225", 1, "lb", "230"),
        ("102,5", 2, "kg", "107.5"),
    ],
)
def test_page_keys_step_by_the_smallest_plate(
    text: str, steps: int, units: str, result: str
) -> None:
    assert bump_load(text, steps, units) == result  # type: ignore[arg-type]


def test_bumping_an_unreadable_field_says_why() -> None:
    with pytest.raises(InputError):
        bump_reps("lots", 1, hold=False)
    with pytest.raises(InputError):
        bump_load("heavy", 1, "kg")
