"""Plate arithmetic for the gym: unit conversion, the smallest load step, what goes on each side."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.domain.buildup.model import Units

KG_PER_LB = 0.45359237
PLATES_KG = (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)
PLATES_LB = (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)
BAR_KG = 20.0
BAR_LB = 45.0

_HUNDREDTHS = 100


def kg_to_lb(kg: float) -> float:
    return kg / KG_PER_LB


def lb_to_kg(lb: float) -> float:
    return lb * KG_PER_LB


def plate_step(units: Units) -> float:
    """The smallest change of a barbell total: the lightest usual plate on each side."""
    return 2.5 if units == "kg" else 5.0


def standard_plates(units: Units) -> tuple[float, ...]:
    return PLATES_KG if units == "kg" else PLATES_LB


def standard_bar(units: Units) -> float:
    return BAR_KG if units == "kg" else BAR_LB


def round_to_step(load: float, *, step: float) -> float:
    """Nearest multiple of `step`, halves rounded up, so a suggestion is a load one can build."""
    if step <= 0:
        raise ValueError(f"step must be positive, not {step}")
    return round(math.floor(load / step + 0.5) * step, 6)


@dataclass(frozen=True)
class PlateBreakdown:
    """Plates for ONE side of the bar, heaviest first; `remainder` is what could not be built."""

    bar: float
    per_side: tuple[float, ...]
    remainder: float

    @property
    def total(self) -> float:
        """The load actually on the bar."""
        return round(self.bar + 2 * sum(self.per_side), 6)

    @property
    def exact(self) -> bool:
        return self.remainder == 0


def plates_per_side(
    total: float, *, bar: float, plates: Sequence[float] = PLATES_KG
) -> PlateBreakdown:
    """The fewest plates per side that build `total`, or the closest load below it.

    Any number of each plate is assumed; a plain greedy choice can miss an exact answer when the
    gym lacks some sizes (35 per side from 20s and 15s only), so this searches properly.
    """
    if total < bar:
        raise ValueError(f"{total:g} is lighter than the bar ({bar:g})")
    sizes = sorted({_hundredths(p) for p in plates if p > 0}, reverse=True)
    unit = math.gcd(*sizes) if sizes else 1
    target = _hundredths((total - bar) / 2) // unit
    best = _fewest_plates(target, [size // unit for size in sizes])
    reachable = max(amount for amount in range(target + 1) if best[amount] is not None)
    per_side = tuple(p * unit / _HUNDREDTHS for p in best[reachable] or ())
    remainder = round(total - bar - 2 * reachable * unit / _HUNDREDTHS, 6)
    return PlateBreakdown(bar, per_side, remainder)


def _hundredths(weight: float) -> int:
    return round(weight * _HUNDREDTHS)


def _fewest_plates(target: int, sizes: list[int]) -> list[tuple[int, ...] | None]:
    """For every amount up to target, the shortest heaviest-first plate list summing to it."""
    best: list[tuple[int, ...] | None] = [None] * (target + 1)
    best[0] = ()
    for amount in range(1, target + 1):
        for size in sizes:
            rest = best[amount - size] if size <= amount else None
            if rest is None:
                continue
            candidate = tuple(sorted((*rest, size), reverse=True))
            current = best[amount]
            if current is None or _better(candidate, current):
                best[amount] = candidate
    return best


def _better(candidate: tuple[int, ...], current: tuple[int, ...]) -> bool:
    """Fewer plates wins; among equal counts, the list with heavier plates first."""
    if len(candidate) != len(current):
        return len(candidate) < len(current)
    return candidate > current
