"""What the athlete types in the gym, read and checked: reps, held seconds, load, notes, distance.

Every reader returns the value as stored or raises `InputError` with one line meant for the
athlete; the gym screen shows it next to the field, saves nothing, and the session goes on.
"""

from __future__ import annotations

import math
import re

from desktop.domain.buildup.model import Units
from desktop.domain.gym.plates import kg_to_lb, lb_to_kg, plate_step

MAX_REPS = 100
MAX_HOLD_S = 3600
MAX_LOAD_KG = 1000.0
MAX_NOTES = 2000
MAX_DISTANCE_KM = 500.0

# Digit runs are capped: no real entry is longer, and int() refuses strings over 4,300 digits
# with a plain ValueError (found by fuzzing) that must never reach the runner as a traceback.
_WHOLE = re.compile(r"\d{1,9}", re.ASCII)
_NUMBER = re.compile(r"\d{1,9}(?:[.,]\d{0,9})?|[.,]\d{1,9}", re.ASCII)
_MINUTES = re.compile(r"(\d{1,6}):([0-5]\d)", re.ASCII)


class InputError(ValueError):
    """A value the athlete has to correct; the message says what is accepted."""


def parse_reps(text: str) -> int:
    cleaned = text.strip()
    if not _WHOLE.fullmatch(cleaned):
        raise InputError(f"Reps must be a whole number from 0 to {MAX_REPS}.")
    reps = int(cleaned)
    if reps > MAX_REPS:
        raise InputError(f"Reps must be from 0 to {MAX_REPS}; {reps} is too many.")
    return reps


def parse_hold(text: str) -> int:
    """Seconds held, typed as seconds ("45") or minutes and seconds ("1:05")."""
    cleaned = text.strip()
    timed = _MINUTES.fullmatch(cleaned)
    if timed:
        seconds = int(timed.group(1)) * 60 + int(timed.group(2))
    elif _WHOLE.fullmatch(cleaned):
        seconds = int(cleaned)
    else:
        raise InputError("Seconds held must be a whole number, like 45 or 1:05.")
    if seconds > MAX_HOLD_S:
        raise InputError(f"A hold can be at most {MAX_HOLD_S // 60} minutes.")
    return seconds


def max_load(units: Units) -> float:
    """1000 kg, or its lb equivalent rounded down to the tenth the screen shows."""
    return MAX_LOAD_KG if units == "kg" else math.floor(kg_to_lb(MAX_LOAD_KG) * 10) / 10


def parse_load(text: str, units: Units) -> float:
    """The load in kg, from kg or lb as the athlete reads it off the bar (comma or point)."""
    cleaned = text.strip().removesuffix(units).strip()
    limit = max_load(units)
    if not _NUMBER.fullmatch(cleaned):
        raise InputError(f"The load must be a number of {units} from 0 to {limit:g}, like 102.5.")
    value = float(cleaned.replace(",", "."))
    if value > limit:
        raise InputError(f"The load must be from 0 to {limit:g} {units}; {value:g} is too heavy.")
    return value if units == "kg" else lb_to_kg(value)


def check_notes(text: str) -> str:
    if len(text) > MAX_NOTES:
        raise InputError(
            f"Notes can have at most {MAX_NOTES:,} characters; this has {len(text):,}."
        )
    return text


def parse_distance(text: str) -> float | None:
    """Where the cramp started, in km; empty means not known."""
    cleaned = text.strip().removesuffix("km").strip()
    if not cleaned:
        return None
    if not _NUMBER.fullmatch(cleaned):
        raise InputError(
            f"The distance must be a number of kilometres from 0 to {MAX_DISTANCE_KM:g}."
        )
    distance = float(cleaned.replace(",", "."))
    if distance > MAX_DISTANCE_KM:
        raise InputError(f"The distance must be from 0 to {MAX_DISTANCE_KM:g} km.")
    return distance


def bump_reps(text: str, delta: int, *, hold: bool) -> str:
    """Up/Down in the logging prompt: one rep, or five seconds of a hold, kept in range."""
    value = parse_hold(text) if hold else parse_reps(text)
    step, limit = (5, MAX_HOLD_S) if hold else (1, MAX_REPS)
    return str(min(limit, max(0, value + delta * step)))


def bump_load(text: str, steps: int, units: Units) -> str:
    """PgUp/PgDn: the smallest plate step of the athlete's units, kept in range."""
    shown = float(f"{parse_load_shown(text, units):.2f}")
    value = min(max_load(units), max(0.0, shown + steps * plate_step(units)))
    return f"{round(value, 2):g}"


def parse_load_shown(text: str, units: Units) -> float:
    """The load as typed, in the athlete's units (checked like `parse_load`)."""
    kg = parse_load(text, units)
    return kg if units == "kg" else kg_to_lb(kg)
