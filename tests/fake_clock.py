"""A clock tests move by hand (desktop.domain.rest.clock.Clock): timer behaviour in virtual time.

Test-only: the app always runs on SystemClock; bench/timer.py borrows it for its soak run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeClock:
    """A clock tests move by hand, so timer behaviour is checked in virtual time."""

    def __init__(
        self, *, start: float = 1000.0, wall: datetime = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    ) -> None:
        self._now = start
        self._wall = _as_utc(wall)

    def now(self) -> float:
        return self._now

    def wall(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        """Time passes normally: both clocks move together."""
        if seconds < 0:
            raise ValueError(f"time cannot go back (advance by {seconds})")
        self._now += seconds
        self._wall += timedelta(seconds=seconds)

    def suspend(self, seconds: float) -> None:
        """The laptop sleeps: no timer fires meanwhile, but a boot-time clock keeps counting."""
        self.advance(seconds)

    def set_wall(self, wall: datetime) -> None:
        """The wall clock is corrected (NTP, the user) while the monotonic clock runs on."""
        self._wall = _as_utc(wall)


def _as_utc(wall: datetime) -> datetime:
    if wall.tzinfo is None:
        raise ValueError("wall-clock times must be timezone-aware")
    return wall.astimezone(UTC)
