"""Is a typed load believable for this runner? A slip of the finger is asked about, never refused.

A runner typed 1000 for 100 on a squat: the set was saved, and then fed the next target, the
plate line, the advice and the chart scale. A load far above the runner's own best for the lift
(more than `BEST_RATIO` times it), or above `NO_HISTORY_KG` for a lift never logged, is asked
about once before it is saved. Loads are compared in kg, so a runner in lb gets the same rule
(250 kg is about 551 lb); the question is in the runner's units.

One load is impossible rather than unusual: a barbell set lighter than the empty bar (a
correction of 75 to 15 on a squat with a 20 kg bar). `below_empty_bar` says so in one line.
"""

from __future__ import annotations

from desktop.domain.buildup.model import SessionKind, Units
from desktop.domain.gym.workout import wants_warmups
from desktop.domain.gym.workout_text import load_text

BEST_RATIO = 1.5
NO_HISTORY_KG = 250.0
SAME_LOAD = 0.005  # a load shown to two decimals: 19.996 typed as 20 is the bar itself


def unusual_load(load_kg: float, best_kg: float | None) -> bool:
    """True when `load_kg` should be confirmed: far above the best, or very heavy with no best."""
    if load_kg <= 0:
        return False
    if best_kg is None or best_kg <= 0:
        return load_kg > NO_HISTORY_KG
    return load_kg > best_kg * BEST_RATIO


def unusual_load_question(load_kg: float, best_kg: float | None, *, name: str, units: Units) -> str:
    """The question, in the runner's words and units."""
    typed = f"{load_text(load_kg, units)} {units}"
    if best_kg is None or best_kg <= 0:
        limit = f"{float(load_text(NO_HISTORY_KG, units)):.0f}"  # 551 lb, not 551.16
        why = f"That is more than {limit} {units}, with none logged yet"
    else:
        why = f"Your best so far is {load_text(best_kg, units)} {units}"
    return f"{typed} on {name}? {why}."


def on_a_bar(kind: SessionKind, key: str) -> bool:
    """True when the set was lifted on the barbell: a heavy session's barbell lift (the light
    session does the same lifts with the body's weight)."""
    return wants_warmups(kind, key)


def below_empty_bar(load: float, *, bar: float, units: Units) -> str | None:
    """Why a barbell load (`load` and `bar` in the runner's units) cannot be stored, in one
    line that fits where History says it: it is lighter than the empty bar, which every barbell
    load counts. None when it is not."""
    if load >= bar - SAME_LOAD:
        return None
    return f"Below the empty bar ({bar:g} {units})."
