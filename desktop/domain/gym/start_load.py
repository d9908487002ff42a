"""The first heavy session of a lift: the runner is asked for a starting work load.

A loaded lift with no load to start from began at the empty bar, with no warm-ups (the ramp is
a share of the work load, and there was none), and the runner had to notice and fix the load on
the set form. So when a heavy session comes to such a lift, the runner is asked once for the
load they can lift only 4–5 times ("Load" in resources/help/protocol.md); the warm-ups and the
work sets use it. From the next session on the progression rule sets the load, as before, and
nothing is asked.
"""

from __future__ import annotations

from desktop.domain.buildup.exercises import exercise
from desktop.domain.buildup.model import SessionKind, Units

# Guesses on the light side for a first heavy session, in the runner's units: a bar with a
# 10 kg plate a side for squats and hip thrusts, a 20 kg plate a side for deadlifts ("a plate
# a side" in lb), dumbbells for the rest. The runner types their own over it.
_BARBELL = {("deadlift", "kg"): 60.0, ("deadlift", "lb"): 135.0, "kg": 40.0, "lb": 95.0}
_DUMBBELLS = {"kg": 10.0, "lb": 20.0}


def asks_start_load(kind: SessionKind, key: str, *, load_known: bool) -> bool:
    """True for a loaded lift in a heavy session with no load to start from; bodyweight work
    and the light session (light weights or none) are never asked about."""
    return kind == "heavy" and not load_known and exercise(key).increment != "none"


def default_start_load(key: str, units: Units, *, bar: float) -> float:
    """What the question's field holds before the runner types, in their units."""
    chosen = exercise(key)
    if not chosen.barbell:
        return _DUMBBELLS[units]
    guess = _BARBELL.get((chosen.movement, units), _BARBELL[units])
    return max(guess, bar)


def start_load_question(reps: tuple[int, int]) -> str:
    """Asked under the lift's name: the heavy set's own rep range, as the protocol puts it."""
    low, high = reps
    return f"First time: what load can you lift only {low}–{high} times?"


def start_load_hint(key: str) -> str:
    """One line under the field: what the number is for, and what to do when unsure."""
    if exercise(key).barbell:
        return "Bar and plates together. Guess low if unsure: it goes up each session."
    return "Both dumbbells together, 0 for bodyweight. Guess low if unsure."
