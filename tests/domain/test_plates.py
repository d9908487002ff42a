"""Plate arithmetic: conversion, the smallest step, rounding and what goes on each side."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.gym.plates import (
    KG_PER_LB,
    PLATES_KG,
    PLATES_LB,
    kg_to_lb,
    lb_to_kg,
    plate_step,
    plates_per_side,
    round_to_step,
    standard_bar,
    standard_plates,
)


def test_conversion_uses_the_exact_pound() -> None:
    assert KG_PER_LB == 0.45359237
    assert lb_to_kg(1) == 0.45359237
    assert lb_to_kg(225) == pytest.approx(102.0582833)
    assert kg_to_lb(100) == pytest.approx(220.4622622)


@given(st.floats(0, 1000, allow_nan=False))
@settings(max_examples=50, deadline=None)
def test_conversion_round_trips(kg: float) -> None:
    assert lb_to_kg(kg_to_lb(kg)) == pytest.approx(kg)


def test_standard_equipment_per_unit() -> None:
    assert (plate_step("kg"), plate_step("lb")) == (2.5, 5.0)
    assert standard_plates("kg") == PLATES_KG == (25, 20, 15, 10, 5, 2.5, 1.25)
    assert standard_plates("lb") == PLATES_LB == (45, 35, 25, 10, 5, 2.5)
    assert (standard_bar("kg"), standard_bar("lb")) == (20, 45)


@pytest.mark.parametrize(
    ("load", "step", "expected"),
    [
        (57.0, 2.5, 57.5),
        (56.25, 2.5, 57.5),
        (56.24, 2.5, 55.0),
        (95.0, 2.5, 95.0),
        (0.0, 2.5, 0.0),
        (213.75, 5.0, 215.0),
        (212.49, 5.0, 210.0),
        (212.5, 5.0, 215.0),
    ],
)
def test_round_to_step(load: float, step: float, expected: float) -> None:
    assert round_to_step(load, step=step) == expected


def test_round_to_step_needs_a_positive_step() -> None:
    with pytest.raises(ValueError, match="positive"):
        round_to_step(10, step=0)


@pytest.mark.parametrize(
    ("total", "bar", "plates", "per_side", "remainder"),
    [
        (20, 20, PLATES_KG, (), 0),
        (100, 20, PLATES_KG, (25, 15), 0),
        (102.5, 20, PLATES_KG, (25, 15, 1.25), 0),
        (140, 20, PLATES_KG, (25, 25, 10), 0),
        (101, 20, PLATES_KG, (25, 15), 1),
        (90, 20, (20, 15), (20, 15), 0),
        (225, 45, PLATES_LB, (45, 45), 0),
        (185, 45, PLATES_LB, (45, 25), 0),
        (140, 45, PLATES_LB, (45, 2.5), 0),
        (142, 45, PLATES_LB, (45, 2.5), 2),
        (50, 20, (), (), 30),
    ],
)
def test_plates_per_side(
    total: float, bar: float, plates: tuple, per_side: tuple, remainder: float
) -> None:
    breakdown = plates_per_side(total, bar=bar, plates=plates)
    assert breakdown.per_side == per_side
    assert breakdown.remainder == pytest.approx(remainder)
    assert breakdown.exact is (remainder == 0)
    assert breakdown.total == pytest.approx(total - remainder)


def test_load_lighter_than_the_bar_is_refused() -> None:
    with pytest.raises(ValueError, match="lighter than the bar"):
        plates_per_side(15, bar=20)


@given(st.integers(0, 200).map(lambda n: 20 + n * 2.5))
@settings(max_examples=60, deadline=None)
def test_every_kg_step_load_is_built_exactly(total: float) -> None:
    breakdown = plates_per_side(total, bar=20, plates=PLATES_KG)
    assert breakdown.exact and breakdown.total == pytest.approx(total)
    assert list(breakdown.per_side) == sorted(breakdown.per_side, reverse=True)
