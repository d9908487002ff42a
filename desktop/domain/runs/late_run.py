"""Do the legs hold late? Three figures from a run's records, on its moving time.

The protocol is about the last part of the long run, where form breaks down; these compare it
with the start of the same run, so a hot day or a hilly course weighs on both ends alike:
- pace fade: pace over the last quarter against the first half, in % (positive: slower late);
- cadence drop: steps a minute, first half minus last quarter;
- aerobic decoupling: Friel's Pa:HR, speed over heart rate in the first half against the second,
  in % (positive: the heart worked harder for the same speed late).
Stops are left out (a traffic light is not the legs failing); runs under an hour of moving
time get none, as a short run has no "late" worth the name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

# Below this average speed between two records the runner is standing: not moving time.
MOVING_SPEED = 0.5  # m/s
LONG_ENOUGH_S = 3600.0


class Record(Protocol):
    """What the figures need of one record (a run's sample has these)."""

    @property
    def elapsed_s(self) -> float: ...
    @property
    def distance_m(self) -> float | None: ...
    @property
    def cadence_spm(self) -> float | None: ...
    @property
    def heart_rate(self) -> int | None: ...


@dataclass(frozen=True)
class Stretch:
    """A moving stretch between two records, on the moving clock; the later record's readings."""

    start_s: float
    end_s: float
    metres: float
    cadence_spm: float | None
    heart_rate: int | None


@dataclass(frozen=True)
class LateRun:
    """The three figures, None where the run is too short or the file lacks what they need."""

    pace_fade_pct: float | None
    cadence_drop_spm: float | None
    decoupling_pct: float | None


NONE = LateRun(None, None, None)


def moving_stretches(records: Iterable[Record]) -> list[Stretch]:
    """The stretches the runner moved, one per pair of records, stops left out."""
    stretches: list[Stretch] = []
    clock = 0.0
    previous: Record | None = None
    for record in records:
        if record.distance_m is None:
            continue
        if previous is not None and previous.distance_m is not None:
            dt = record.elapsed_s - previous.elapsed_s
            metres = record.distance_m - previous.distance_m
            if dt > 0 and metres / dt >= MOVING_SPEED:
                stretches.append(
                    Stretch(clock, clock + dt, metres, record.cadence_spm, record.heart_rate)
                )
                clock += dt
        previous = record
    return stretches


@dataclass(frozen=True)
class _Window:
    seconds: float
    metres: float
    cadence: float | None
    heart_rate: float | None


def _window(stretches: Sequence[Stretch], start: float, end: float) -> _Window:
    """Time, distance and time-weighted cadence and heart rate between two moving times."""
    seconds = metres = cadence_sum = cadence_s = heart_sum = heart_s = 0.0
    for s in stretches:
        overlap = min(end, s.end_s) - max(start, s.start_s)
        if overlap <= 0:
            continue
        seconds += overlap
        metres += s.metres * overlap / (s.end_s - s.start_s)
        if s.cadence_spm is not None:
            cadence_sum += s.cadence_spm * overlap
            cadence_s += overlap
        if s.heart_rate is not None:
            heart_sum += s.heart_rate * overlap
            heart_s += overlap
    # A reading counts for a window only when it covers most of it (not a sensor's last gasp).
    cadence = cadence_sum / cadence_s if cadence_s > seconds / 2 else None
    heart = heart_sum / heart_s if heart_s > seconds / 2 else None
    return _Window(seconds, metres, cadence, heart)


def late_run(records: Iterable[Record]) -> LateRun:
    """The figures of one run, or all None under an hour of moving time."""
    stretches = moving_stretches(records)
    total = stretches[-1].end_s if stretches else 0.0
    if total < LONG_ENOUGH_S:
        return NONE
    first_half = _window(stretches, 0.0, total / 2)
    second_half = _window(stretches, total / 2, total)
    last_quarter = _window(stretches, total * 3 / 4, total)
    return LateRun(
        pace_fade_pct=_pace_fade(first_half, last_quarter),
        cadence_drop_spm=_difference(first_half.cadence, last_quarter.cadence),
        decoupling_pct=_decoupling(first_half, second_half),
    )


def _pace_fade(first: _Window, last: _Window) -> float | None:
    if first.metres <= 0 or last.metres <= 0:
        return None
    pace_first = first.seconds / first.metres
    pace_last = last.seconds / last.metres
    return (pace_last / pace_first - 1.0) * 100.0


def _difference(first: float | None, last: float | None) -> float | None:
    return None if first is None or last is None else first - last


def _decoupling(first: _Window, second: _Window) -> float | None:
    """Friel's Pa:HR: how much the efficiency factor (speed / heart rate) fell, in %."""
    if not first.heart_rate or not second.heart_rate or first.seconds <= 0:
        return None
    if second.seconds <= 0:
        return None
    ef_first = first.metres / first.seconds / first.heart_rate
    ef_second = second.metres / second.seconds / second.heart_rate
    return (1.0 - ef_second / ef_first) * 100.0
