"""One run as Cramproof keeps it, whichever file it came from, and the figures built from samples.

Positions never reach this module: a reader turns a track into distances along it and drops the
coordinates, because a track leads to the runner's home.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.runs.late_run import moving_stretches


@dataclass(frozen=True)
class Sample:
    """One record: seconds since the start (elapsed), and what the watch measured then."""

    elapsed_s: float
    distance_m: float | None
    speed: float | None = None
    cadence_spm: float | None = None
    heart_rate: int | None = None
    altitude_m: float | None = None


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


def moving_seconds(samples: Sequence[Sample]) -> float:
    """The time spent moving, stops left out (the same clock the late-run figures run on)."""
    stretches = moving_stretches(samples)
    return stretches[-1].end_s if stretches else 0.0


def km_splits(samples: Sequence[Sample]) -> tuple[float, ...]:
    """Moving seconds of each whole kilometre, the crossing of each km interpolated."""
    crossings: list[float] = []
    metres = 0.0
    for stretch in moving_stretches(samples):
        before, metres = metres, metres + stretch.metres
        while before < 1000.0 * (len(crossings) + 1) <= metres:
            mark = 1000.0 * (len(crossings) + 1)
            share = (mark - before) / stretch.metres
            crossings.append(stretch.start_s + (stretch.end_s - stretch.start_s) * share)
    return tuple(round(end - begin, 3) for begin, end in itertools.pairwise([0.0, *crossings]))
