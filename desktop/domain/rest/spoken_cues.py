"""The words a voice says at each rest cue: the runner is across the room, not looking, so the
chime says "something happened" and these words say what to do next.

Plain text from plain values, no Qt and no session: `desktop.gym.underway.spoken` picks the values
the screen shows (the next set, its load in the runner's units) and hands them here. A light session
gets the same words, shorter: its sets come every minute or so, and a long sentence at every
one of them is noise.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.buildup.model import SessionKind, Units
from desktop.domain.gym.workout_text import load_text

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNIT_WORDS = {"kg": ("kilo", "kilos"), "lb": ("pound", "pounds")}


@dataclass(frozen=True)
class SpokenSet:
    """The set shown on screen as the voice says it; `load_kg` 0 means bodyweight."""

    name: str
    warmup: bool
    number: int
    of: int
    load_kg: float
    units: Units


def number_words(n: int) -> str:
    """0..99 in words ("ninety"), larger numbers as digits: the voice reads both, the words
    only where a short duration is the whole sentence."""
    if not 0 <= n < 100:
        return str(n)
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] if ones == 0 else f"{_TENS[tens]}-{_ONES[ones]}"


def duration_words(seconds: float) -> str:
    """ "Five minutes", "Ninety seconds", "Five minutes thirty seconds" (a rest pushed by +30 s)."""
    whole = max(0, round(seconds))
    minutes, rest = divmod(whole, 60)
    if whole < 100 and rest:
        words = f"{number_words(whole)} second{'s' if whole != 1 else ''}"
    else:
        words = f"{number_words(minutes)} minute{'s' if minutes != 1 else ''}"
        if rest:
            words += f" {number_words(rest)} second{'s' if rest != 1 else ''}"
    return words[0].upper() + words[1:]


def load_words(load_kg: float, units: Units) -> str:
    """ "102.5 kilos", "225 pounds", "bodyweight" when there is no load."""
    if load_kg <= 0:
        return "bodyweight"
    amount = load_text(load_kg, units)
    one, many = _UNIT_WORDS[units]
    return f"{amount} {one if amount == '1' else many}"


def set_words(spoken: SpokenSet, *, kind: SessionKind) -> str:
    """ "Back squat, set 2 of 4, 102.5 kilos"; a light session leaves out "bodyweight"."""
    what = "warm-up" if spoken.warmup else "set"
    text = f"{spoken.name}, {what} {spoken.number} of {spoken.of}"
    if kind == "light" and spoken.load_kg <= 0:
        return text
    return f"{text}, {load_words(spoken.load_kg, spoken.units)}"


def ready_words(upcoming: SpokenSet | None, *, kind: SessionKind) -> str:
    """At ready: "Ready. Next: back squat, set 2 of 4, 102.5 kilos." (light: no "Next")."""
    if upcoming is None:
        return "Ready."
    if kind == "light":
        return f"Ready. {set_words(upcoming, kind=kind)}."
    return f"Ready. Next: {set_words(upcoming, kind=kind)}."


def max_words(max_s: float, *, kind: SessionKind) -> str:
    """At max: "Five minutes. Start when ready." (light: only the time)."""
    if kind == "light":
        return f"{duration_words(max_s)}."
    return f"{duration_words(max_s)}. Start when ready."


def resumed_words(upcoming: SpokenSet | None, *, kind: SessionKind) -> str:
    """On a resumed session, one short sentence: "Resumed: Back squat, set 3 of 4." (the load
    comes with the ready cue, once the runner is at the bar)."""
    if upcoming is None:
        return f"Resumed: {kind} session."
    what = "warm-up" if upcoming.warmup else "set"
    return f"Resumed: {upcoming.name}, {what} {upcoming.number} of {upcoming.of}."
