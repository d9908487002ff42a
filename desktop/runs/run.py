"""One run as Cramproof keeps it, whichever file it came from, and the figures built from samples.

Positions never reach this module: a reader turns a track into distances along it and drops the
coordinates, because a track leads to the runner's home.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

# Below this average speed between two samples the runner is standing (a stop, a traffic light,
# an auto-paused watch that wrote a gap): that interval is left out of the moving time.
MOVING_SPEED = 0.5  # m/s


@dataclass(frozen=True)
class Sample:
    """One record: seconds since the start (elapsed), and what the watch measured then."""

    elapsed_s: float
    distance_m: float | None
    speed: float | None = None
    cadence_spm: float | None = None
    heart_rate: int | None = None


@dataclass(frozen=True)
class Run:
    """A running session: its totals, per-km splits (moving seconds) and its records (in memory)."""

    start: datetime
    end: datetime
    sport: str
    distance_m: float
    moving_s: float
    splits_s: tuple[float, ...]
    samples: tuple[Sample, ...]
    source: str


@dataclass(frozen=True)
class FileReading:
    """What one file gave: its runs, the sessions skipped with why, and a note when damaged."""

    runs: tuple[Run, ...]
    skipped: tuple[str, ...] = ()
    damage: str | None = None


class Unreadable(Exception):
    """The file gives nothing: one line saying why."""


def moving_timeline(samples: Sequence[Sample]) -> list[tuple[float, float]]:
    """(moving seconds, distance m) at each sample with a distance; stops add no moving time."""
    timeline: list[tuple[float, float]] = []
    moving = 0.0
    previous: Sample | None = None
    for sample in samples:
        if sample.distance_m is None:
            continue
        if previous is not None and previous.distance_m is not None:
            dt = sample.elapsed_s - previous.elapsed_s
            advanced = sample.distance_m - previous.distance_m
            if dt > 0 and advanced / dt >= MOVING_SPEED:
                moving += dt
        timeline.append((moving, sample.distance_m))
        previous = sample
    return timeline


def moving_seconds(samples: Sequence[Sample]) -> float:
    """The time spent moving, stops left out."""
    timeline = moving_timeline(samples)
    return timeline[-1][0] if timeline else 0.0


def km_splits(samples: Sequence[Sample]) -> tuple[float, ...]:
    """Moving seconds of each whole kilometre, the crossing of each km interpolated."""
    crossings: list[float] = []
    timeline = moving_timeline(samples)
    for (t0, d0), (t1, d1) in itertools.pairwise(timeline):
        while d0 < 1000.0 * (len(crossings) + 1) <= d1:
            mark = 1000.0 * (len(crossings) + 1)
            crossings.append(t0 + (t1 - t0) * (mark - d0) / (d1 - d0))
    return tuple(round(end - begin, 3) for begin, end in itertools.pairwise([0.0, *crossings]))
