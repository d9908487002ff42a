"""The runner's bar and plates: read, checked and saved per athlete (Qt-free).

The gym screen's warm-up ramp and the plate breakdown under the load use them; a gym with a 15 kg
bar or no 1.25 kg plates gets breakdowns that add up on its own equipment.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from db.plans import active_plan
from db.settings import get_setting, set_setting
from db.store import Store
from desktop.domain.buildup.model import Units
from desktop.domain.gym.plates import kg_to_lb, standard_bar, standard_plates
from desktop.domain.gym.workout_input import InputError
from desktop.plan.reader import PlanReader

log = logging.getLogger(__name__)

MAX_BAR_KG = 50.0
MAX_PLATE_KG = 50.0
MAX_PLATE_SIZES = 12
BAR_SETTING = "bar"  # per athlete, in the plan's units
PLATES_SETTING = "plates"  # per athlete, comma-separated, in the plan's units


@dataclass(frozen=True)
class Equipment:
    """The athlete's bar and plates, in their units, for warm-ups and the plate breakdown."""

    units: Units
    bar: float
    plates: tuple[float, ...]


def equipment(store: Store, athlete_id: int, units: Units) -> Equipment:
    """The bar and plates from the athlete's settings, or the standard ones for the units."""
    standard = Equipment(units, standard_bar(units), standard_plates(units))
    try:
        text = get_setting(store, BAR_SETTING, athlete_id=athlete_id)
        bar = float(text) if text else standard.bar
        text = get_setting(store, PLATES_SETTING, athlete_id=athlete_id)
        plates = tuple(float(p) for p in text.split(",")) if text else standard.plates
        if not all(math.isfinite(v) and v >= 0 for v in (bar, *plates)) or 0 in plates:
            raise ValueError("bar and plates must be finite and positive")
    except ValueError:
        log.warning("Unreadable bar or plate setting; using the standard %s set", units)
        return standard
    return Equipment(units, bar, plates)


@dataclass(frozen=True)
class EquipmentOwner:
    """Whose bar and plates these are, and in which units they are written."""

    athlete_id: int
    name: str
    units: Units


def _limit(kg: float, units: Units) -> float:
    return kg if units == "kg" else round(kg_to_lb(kg), 1)


def _number(text: str, what: str) -> float:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise InputError(f"{what} must be a number, like 20 or 2.5.") from None
    if not math.isfinite(value):
        raise InputError(f"{what} must be a number, like 20 or 2.5.")
    return value


def parse_equipment(
    bar_text: str, plates_text: str, units: Units
) -> tuple[float, tuple[float, ...]]:
    """The bar and the plate sizes as typed ("25, 20, 10, 5, 2.5"), checked; InputError if not."""
    bar = _number(bar_text, "The bar")
    if not 0 <= bar <= _limit(MAX_BAR_KG, units):
        raise InputError(f"The bar must weigh from 0 to {_limit(MAX_BAR_KG, units):g} {units}.")
    pieces = [piece for piece in plates_text.replace(";", " ").replace(",", " ").split() if piece]
    if not pieces:
        raise InputError("List at least one plate size, largest first, like 25 20 10 5 2.5.")
    if len(pieces) > MAX_PLATE_SIZES:
        raise InputError(f"List at most {MAX_PLATE_SIZES} plate sizes.")
    plates = tuple(sorted({_number(piece, "Each plate") for piece in pieces}, reverse=True))
    if any(not 0 < plate <= _limit(MAX_PLATE_KG, units) for plate in plates):
        raise InputError(
            f"Plates must weigh more than 0 and at most {_limit(MAX_PLATE_KG, units):g} {units}."
        )
    return bar, plates


def current_owner(store: Store, *, now: Callable[[], datetime]) -> EquipmentOwner | None:
    athlete = PlanReader(store, now=now).current_athlete()
    if athlete is None:
        return None
    plan = active_plan(store, athlete.id)
    return EquipmentOwner(athlete.id, athlete.name, plan.units if plan else "kg")


def current_equipment(store: Store, owner: EquipmentOwner) -> Equipment:
    return equipment(store, owner.athlete_id, owner.units)


def save_equipment(
    store: Store, owner: EquipmentOwner, *, bar_text: str, plates_text: str
) -> Equipment:
    """Check and keep the athlete's bar and plates; nothing is saved if either is refused."""
    bar, plates = parse_equipment(bar_text, plates_text, owner.units)
    with store.db.atomic():
        set_setting(store, BAR_SETTING, f"{bar:g}", athlete_id=owner.athlete_id)
        set_setting(
            store, PLATES_SETTING, ",".join(f"{p:g}" for p in plates), athlete_id=owner.athlete_id
        )
    return current_equipment(store, owner)
