"""Clocks: the system clock counts suspended time, the cross-check spots a sleep, the fake obeys."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop.domain.rest.clock import CrossCheckedClock, SystemClock
from tests.fake_clock import FakeClock


class ScriptedSources:
    """Monotonic and wall readings a test sets by hand; a real suspend cannot run in a test."""

    def __init__(self) -> None:
        self.mono = 50.0
        self.wall = 1_700_000_000.0

    def monotonic(self) -> float:
        return self.mono

    def wall_seconds(self) -> float:
        return self.wall

    def run(self, *, mono: float, wall: float) -> None:
        self.mono += mono
        self.wall += wall


@pytest.fixture
def sources() -> ScriptedSources:
    return ScriptedSources()


@pytest.fixture
def cross_checked(sources: ScriptedSources) -> CrossCheckedClock:
    return CrossCheckedClock(monotonic=sources.monotonic, wall_seconds=sources.wall_seconds)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CLOCK_BOOTTIME is Linux only")
def test_system_clock_reads_boottime_on_linux() -> None:
    clock = SystemClock()
    before = time.clock_gettime(time.CLOCK_BOOTTIME)
    reading = clock.now()
    after = time.clock_gettime(time.CLOCK_BOOTTIME)
    assert before <= reading <= after


def test_system_clock_never_goes_back() -> None:
    clock = SystemClock()
    readings = [clock.now() for _ in range(1000)]
    assert readings == sorted(readings)


def test_system_wall_clock_is_aware_utc() -> None:
    wall = SystemClock().wall()
    assert wall.utcoffset() == timedelta(0)
    assert abs(wall - datetime.now(tz=UTC)) < timedelta(seconds=5)


@pytest.mark.parametrize(
    ("mono", "wall", "expected"),
    [
        (1.0, 1.0, 1.0),  # awake: both clocks agree
        (1.0, 1.5, 1.0),  # jitter within tolerance: monotonic wins
        (1.0, 601.0, 601.0),  # ten minutes asleep: the wall clock saw them
        (1.0, -3600.0, 1.0),  # wall clock set back an hour: monotonic wins
        (0.0, 0.0, 0.0),
    ],
)
def test_cross_check_trusts_the_right_delta(
    sources: ScriptedSources,
    cross_checked: CrossCheckedClock,
    mono: float,
    wall: float,
    expected: float,
) -> None:
    start = cross_checked.now()
    sources.run(mono=mono, wall=wall)
    assert cross_checked.now() - start == pytest.approx(expected)


def test_cross_check_keeps_counting_after_a_backwards_wall_jump(
    sources: ScriptedSources, cross_checked: CrossCheckedClock
) -> None:
    start = cross_checked.now()
    sources.run(mono=1.0, wall=-3600.0)
    cross_checked.now()
    sources.run(mono=2.0, wall=2.0)
    cross_checked.now()
    sources.run(mono=0.0, wall=300.0)  # then a five-minute sleep
    assert cross_checked.now() - start == pytest.approx(303.0)


def test_cross_check_wall_is_the_wall_source(
    sources: ScriptedSources, cross_checked: CrossCheckedClock
) -> None:
    assert cross_checked.wall() == datetime.fromtimestamp(sources.wall, tz=UTC)


def test_fake_clock_advance_moves_both_clocks() -> None:
    clock = FakeClock(start=10.0, wall=datetime(2026, 1, 1, tzinfo=UTC))
    clock.advance(90.5)
    assert clock.now() == 100.5
    assert clock.wall() == datetime(2026, 1, 1, 0, 1, 30, 500000, tzinfo=UTC)


def test_fake_clock_suspend_keeps_counting() -> None:
    clock = FakeClock(start=0.0)
    wall = clock.wall()
    clock.suspend(600.0)
    assert clock.now() == 600.0
    assert clock.wall() - wall == timedelta(minutes=10)


def test_fake_clock_set_wall_leaves_monotonic_alone() -> None:
    clock = FakeClock(start=5.0)
    clock.set_wall(datetime(2020, 1, 1, 12, tzinfo=timezone(timedelta(hours=2))))
    assert clock.now() == 5.0
    assert clock.wall() == datetime(2020, 1, 1, 10, tzinfo=UTC)
    assert clock.wall().tzinfo is UTC


def test_fake_clock_refuses_going_back_and_naive_times() -> None:
    clock = FakeClock()
    with pytest.raises(ValueError, match="cannot go back"):
        clock.advance(-1.0)
    with pytest.raises(ValueError, match="timezone-aware"):
        clock.set_wall(datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(wall=datetime(2026, 1, 1))
