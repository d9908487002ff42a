"""How much a run climbed, and whether that makes it a hilly run.

The late-run figures compare the end of a run with its start. On a flat course the difference
is the legs; on a hilly one it is as much the course: a climb in the last quarter slows the pace
and raises the heart rate with legs that hold perfectly well. So a run whose file has elevation
gets its total ascent and its climb per km, and a run past HILLY_M_PER_KM is marked hilly: its
pace fade and decoupling are shown, but read with that in mind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# A rise or fall counts only once the altitude has moved this far from the last turn: a watch's
# altitude wobbles by a metre or two (barometer) or more (GPS) on flat ground, and summing every
# wobble would make a track look hilly. Climbs smaller than this are left out.
NOISE_M = 3.0
# Running up a 1 % grade costs about 5 % more energy (Minetti et al. 2002). A course climbing
# 10 m a km (1 % on average) whose climbs gather in one half moves Friel's decoupling by about
# 5 %, the line between a sound and a shaky aerobic base, and the pace fade by as much: past it
# the figures say more about the course than about the legs.
HILLY_M_PER_KM = 10.0


@dataclass(frozen=True)
class Climb:
    """A run's climb: total ascent in m, ascent per km, and whether that makes it hilly."""

    ascent_m: float
    m_per_km: float
    hilly: bool


def total_ascent(altitudes: Iterable[float | None]) -> float | None:
    """The metres climbed, rises and falls under NOISE_M left out; None without any altitude.

    Each climb counts from its lowest to its highest point, once the altitude has turned and
    moved NOISE_M back (or the run ended): a dead band that does not shave the top off a hill.
    """
    points = [a for a in altitudes if a is not None]
    if not points:
        return None
    ascent = 0.0
    low = high = points[0]
    rising: bool | None = None  # not known until the altitude has moved NOISE_M
    for altitude in points[1:]:
        if rising is None:
            low, high = min(low, altitude), max(high, altitude)
            if high - low >= NOISE_M:
                rising = altitude == high
        elif rising:
            if altitude > high:
                high = altitude
            elif high - altitude >= NOISE_M:
                ascent += high - low
                rising, low = False, altitude
        elif altitude < low:
            low = altitude
        elif altitude - low >= NOISE_M:
            rising, high = True, altitude
    if rising:
        ascent += high - low
    return ascent


def climb(ascent_m: float | None, distance_m: float) -> Climb | None:
    """The climb of a run of this distance, or None when its file had no elevation."""
    if ascent_m is None or distance_m <= 0:
        return None
    per_km = ascent_m / (distance_m / 1000.0)
    return Climb(ascent_m=ascent_m, m_per_km=per_km, hilly=per_km >= HILLY_M_PER_KM)


def climb_columns(ascent_m: float | None, distance_m: float) -> dict[str, float | bool | None]:
    """The climb as the run list and the exports give it: null where the file had no elevation."""
    found = climb(ascent_m, distance_m)
    if found is None:
        return {"ascent_m": None, "climb_m_per_km": None, "hilly": None}
    return {
        "ascent_m": round(found.ascent_m, 1),
        "climb_m_per_km": round(found.m_per_km, 2),
        "hilly": found.hilly,
    }
