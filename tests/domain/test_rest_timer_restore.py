"""Crash-resume: a rest snapshot in wall-clock terms brings the rest back in a new process."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.rest.rest_timer import HEAVY_WINDOW, Cue, RestSnapshot, RestTimer
from tests.fake_clock import FakeClock

START_WALL = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def new_process_clock(wall: datetime) -> FakeClock:
    """A restarted app: the monotonic clock starts somewhere unrelated, the wall clock goes on."""
    return FakeClock(start=7.0, wall=wall)


def test_snapshot_is_in_wall_clock_terms() -> None:
    clock = FakeClock(start=123456.0, wall=START_WALL)
    timer = RestTimer.start(HEAVY_WINDOW, clock.now())
    clock.advance(50.0)
    timer.pause(clock.now())
    clock.advance(20.0)
    timer.resume(clock.now())
    timer.extend(clock.now())
    clock.advance(10.0)
    timer.pause(clock.now())
    clock.advance(5.0)
    assert timer.snapshot(clock.now(), clock.wall()) == RestSnapshot(
        window=HEAVY_WINDOW,
        started_wall=START_WALL,
        paused_s=20.0,
        extended_s=30.0,
        paused_since_wall=START_WALL + timedelta(seconds=80),
    )


def test_running_rest_resumes_where_the_wall_clock_says() -> None:
    snapshot = RestSnapshot(window=HEAVY_WINDOW, started_wall=START_WALL, paused_s=30.0)
    clock = new_process_clock(START_WALL + timedelta(seconds=150))
    timer = RestTimer.restore(snapshot, clock.now(), clock.wall())
    assert timer.elapsed(clock.now()) == pytest.approx(120.0)
    assert timer.display(clock.now()).big_text == "1:00"
    assert timer.next_deadline(clock.now()) == pytest.approx(clock.now() + 60.0)
    clock.advance(60.0)
    assert timer.due_cues(clock.now()) == [Cue.READY]
    assert timer.finish(clock.now()).paused_s == 30.0


def test_paused_rest_stays_paused_and_counts_the_downtime_as_pause() -> None:
    snapshot = RestSnapshot(
        window=HEAVY_WINDOW,
        started_wall=START_WALL,
        paused_s=10.0,
        extended_s=30.0,
        paused_since_wall=START_WALL + timedelta(seconds=100),
    )
    clock = new_process_clock(START_WALL + timedelta(seconds=400))
    timer = RestTimer.restore(snapshot, clock.now(), clock.wall())
    assert timer.is_paused
    assert timer.elapsed(clock.now()) == pytest.approx(90.0)
    assert timer.window.ready_s == 210.0
    clock.advance(50.0)
    assert timer.elapsed(clock.now()) == pytest.approx(90.0)
    timer.resume(clock.now())
    clock.advance(20.0)
    record = timer.finish(clock.now())
    assert record.duration_s == pytest.approx(110.0)
    assert record.paused_s == pytest.approx(10.0 + 300.0 + 50.0)


def test_wall_clock_gone_backwards_clamps_to_zero() -> None:
    snapshot = RestSnapshot(window=HEAVY_WINDOW, started_wall=START_WALL)
    clock = new_process_clock(START_WALL - timedelta(hours=1))
    timer = RestTimer.restore(snapshot, clock.now(), clock.wall())
    assert timer.elapsed(clock.now()) == 0.0
    assert timer.display(clock.now()).big_text == "3:00"
    clock.advance(180.0)
    assert timer.due_cues(clock.now()) == [Cue.READY]


def test_moments_passed_while_the_app_was_down_do_not_replay() -> None:
    snapshot = RestSnapshot(window=HEAVY_WINDOW, started_wall=START_WALL)
    clock = new_process_clock(START_WALL + timedelta(seconds=200))
    timer = RestTimer.restore(snapshot, clock.now(), clock.wall())
    assert timer.due_cues(clock.now()) == []
    clock.advance(100.0)
    assert timer.due_cues(clock.now()) == [Cue.MAX]


def test_snapshot_restore_round_trip_keeps_the_rest() -> None:
    clock = FakeClock(start=900.0, wall=START_WALL)
    timer = RestTimer.start(HEAVY_WINDOW, clock.now())
    clock.advance(40.0)
    timer.pause(clock.now())
    clock.advance(25.0)
    snapshot = timer.snapshot(clock.now(), clock.wall())
    later = new_process_clock(clock.wall())
    restored = RestTimer.restore(snapshot, later.now(), later.wall())
    assert restored.elapsed(later.now()) == pytest.approx(timer.elapsed(clock.now()))
    assert restored.paused_seconds(later.now()) == pytest.approx(timer.paused_seconds(clock.now()))
    assert restored.is_paused


def test_finished_rest_has_nothing_to_snapshot() -> None:
    clock = FakeClock()
    timer = RestTimer.start(HEAVY_WINDOW, clock.now())
    timer.finish(clock.now())
    with pytest.raises(RuntimeError):
        timer.snapshot(clock.now(), clock.wall())
