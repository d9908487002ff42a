"""Clocks for the rest timer: one that keeps counting while the laptop sleeps (tests use a fake).

A rest timer that stops during suspend would tell a runner who closed the lid for two minutes
that they still have two minutes to rest. `SystemClock.now()` therefore reads a clock that counts
suspended time:

- Linux: ``CLOCK_BOOTTIME`` (``time.monotonic`` is ``CLOCK_MONOTONIC``, which stops in suspend).
- macOS: ``time.monotonic`` (``mach_absolute_time``) stops while asleep, so it is cross-checked
  against the wall clock (below).
- Windows and anything else: ``time.monotonic`` with the same wall-clock cross-check; where the
  monotonic clock already counts sleep the check never triggers.

The cross-check: between two readings, if the wall clock advanced much more than the monotonic
clock, the machine was asleep and the wall delta is trusted; if the wall clock jumped backwards
(a manual or NTP correction), the monotonic delta is trusted. A forward wall-clock correction
larger than the tolerance is indistinguishable from a suspend and is counted as rest time.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

SUSPEND_TOLERANCE_S = 2.0


class Clock(Protocol):
    """Where time comes from; the domain never reads the system clock itself."""

    def now(self) -> float:
        """Seconds on a clock that never goes back and keeps counting during suspend."""
        ...

    def wall(self) -> datetime:
        """The current time as an aware UTC datetime; it survives restarts, `now()` does not."""
        ...


class CrossCheckedClock:
    """A monotonic clock corrected by the wall clock, for platforms without a boot-time clock."""

    def __init__(
        self,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        wall_seconds: Callable[[], float] = time.time,
        tolerance_s: float = SUSPEND_TOLERANCE_S,
    ) -> None:
        self._monotonic = monotonic
        self._wall_seconds = wall_seconds
        self._tolerance_s = tolerance_s
        self._last_mono = monotonic()
        self._last_wall = wall_seconds()
        self._value = self._last_mono

    def now(self) -> float:
        """Advance by the monotonic delta, or by the wall delta when a suspend hid time."""
        mono, wall = self._monotonic(), self._wall_seconds()
        mono_delta = max(0.0, mono - self._last_mono)
        wall_delta = wall - self._last_wall
        self._value += wall_delta if wall_delta > mono_delta + self._tolerance_s else mono_delta
        self._last_mono, self._last_wall = mono, wall
        return self._value

    def wall(self) -> datetime:
        return datetime.fromtimestamp(self._wall_seconds(), tz=UTC)


class SystemClock:
    """The real clock for the running app; picks the right source for the platform."""

    def __init__(self) -> None:
        boottime = getattr(time, "CLOCK_BOOTTIME", None)
        if sys.platform.startswith("linux") and boottime is not None:
            self._now: Callable[[], float] = lambda: time.clock_gettime(boottime)
        else:
            self._now = CrossCheckedClock().now

    def now(self) -> float:
        return self._now()

    def wall(self) -> datetime:
        return datetime.now(tz=UTC)


class SteadyClockWithWall:
    """The system's steady clock for rests, with the wall time the app's window goes by.

    The window is given a `now` function (the real one in the app, a chosen day in tests); gym
    mode must agree with it on what "today" is, while rests still run on the steady clock.
    """

    def __init__(self, wall_now: Callable[[], datetime], steady: Clock | None = None) -> None:
        self._wall_now = wall_now
        self._steady = steady or SystemClock()

    def now(self) -> float:
        return self._steady.now()

    def wall(self) -> datetime:
        return self._wall_now()
