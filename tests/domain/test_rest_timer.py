"""Rest timer rules, one example at a time: display, cues, pause, +30 s, finish."""

from __future__ import annotations

import pytest

from desktop.domain.rest.rest_timer import (
    HEAVY_WINDOW,
    LIGHT_WINDOW,
    Cue,
    Phase,
    RestRecord,
    RestTimer,
    RestWindow,
    format_seconds,
)
from tests.fake_clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=500.0)


@pytest.fixture
def heavy(clock: FakeClock) -> RestTimer:
    return RestTimer.start(HEAVY_WINDOW, clock.now())


@pytest.mark.parametrize(
    ("elapsed", "big", "caption", "phase"),
    [
        (0.0, "3:00", "until ready", Phase.RESTING),
        (0.4, "3:00", "until ready", Phase.RESTING),
        (1.0, "2:59", "until ready", Phase.RESTING),
        (179.5, "0:01", "until ready", Phase.RESTING),
        (180.0, "2:00", "until max", Phase.READY),
        (299.9, "0:01", "until max", Phase.READY),
        (300.0, "0:00", "over by", Phase.OVER),
        (361.7, "1:01", "over by", Phase.OVER),
        (4200.0, "65:00", "over by", Phase.OVER),
    ],
)
def test_heavy_display_counts_to_ready_then_max_then_over(
    clock: FakeClock, heavy: RestTimer, elapsed: float, big: str, caption: str, phase: Phase
) -> None:
    clock.advance(elapsed)
    shown = heavy.display(clock.now())
    assert (shown.big_text, shown.caption, shown.phase) == (big, caption, phase)
    assert shown.elapsed_s == pytest.approx(elapsed)
    assert not shown.paused


def test_progress_bar_marks_ready_and_max(clock: FakeClock, heavy: RestTimer) -> None:
    clock.advance(180.0)
    shown = heavy.display(clock.now())
    assert shown.fraction == pytest.approx(shown.ready_mark)
    assert shown.ready_mark == pytest.approx(180 / 360)
    assert shown.max_mark == pytest.approx(300 / 360)
    clock.advance(1000.0)
    assert heavy.display(clock.now()).fraction == 1.0


def test_windows_follow_the_protocol() -> None:
    assert (HEAVY_WINDOW.ready_s, HEAVY_WINDOW.max_s) == (180, 300)
    assert (LIGHT_WINDOW.ready_s, LIGHT_WINDOW.max_s) == (60, 90)
    with pytest.raises(ValueError):
        RestWindow(100, 90)
    with pytest.raises(ValueError):
        RestWindow(0, 90)


def test_cues_are_reported_once_each_in_order(clock: FakeClock, heavy: RestTimer) -> None:
    assert heavy.due_cues(clock.now()) == []
    assert heavy.next_deadline(clock.now()) == 680.0
    clock.advance(180.0)
    assert heavy.due_cues(clock.now()) == [Cue.READY]
    assert heavy.due_cues(clock.now()) == []
    assert heavy.next_deadline(clock.now()) == 800.0
    clock.advance(120.0)
    assert heavy.due_cues(clock.now()) == [Cue.MAX]
    clock.advance(600.0)
    assert heavy.due_cues(clock.now()) == []
    assert heavy.next_deadline(clock.now()) is None


def test_a_suspend_past_both_moments_reports_both_in_order(
    clock: FakeClock, heavy: RestTimer
) -> None:
    clock.suspend(3600.0)
    assert heavy.due_cues(clock.now()) == [Cue.READY, Cue.MAX]
    assert heavy.display(clock.now()).big_text == "55:00"


def test_pause_freezes_elapsed_and_moves_deadlines(clock: FakeClock, heavy: RestTimer) -> None:
    clock.advance(100.0)
    heavy.pause(clock.now())
    heavy.pause(clock.now())  # a second press changes nothing
    assert heavy.next_deadline(clock.now()) is None
    clock.advance(400.0)
    assert heavy.elapsed(clock.now()) == 100.0
    assert heavy.due_cues(clock.now()) == []
    assert heavy.display(clock.now()).paused
    heavy.resume(clock.now())
    assert heavy.next_deadline(clock.now()) == clock.now() + 80.0
    clock.advance(80.0)
    assert heavy.due_cues(clock.now()) == [Cue.READY]
    assert heavy.paused_seconds(clock.now()) == 400.0


def test_extend_before_ready_moves_both_cues(clock: FakeClock, heavy: RestTimer) -> None:
    clock.advance(150.0)
    heavy.extend(clock.now())
    assert heavy.window == RestWindow(210.0, 330.0)
    assert heavy.display(clock.now()).big_text == "1:00"
    clock.advance(30.0)
    assert heavy.due_cues(clock.now()) == []
    clock.advance(30.0)
    assert heavy.due_cues(clock.now()) == [Cue.READY]


def test_extend_after_ready_rearms_ready_at_its_new_moment(
    clock: FakeClock, heavy: RestTimer
) -> None:
    clock.advance(190.0)
    assert heavy.due_cues(clock.now()) == [Cue.READY]
    heavy.extend(clock.now())
    shown = heavy.display(clock.now())
    assert (shown.phase, shown.big_text, shown.caption) == (Phase.RESTING, "0:20", "until ready")
    assert heavy.next_deadline(clock.now()) == clock.now() + 20.0
    clock.advance(20.0)
    assert heavy.due_cues(clock.now()) == [Cue.READY]
    assert heavy.due_cues(clock.now()) == []


def test_extend_long_after_ready_keeps_ready_reported(clock: FakeClock, heavy: RestTimer) -> None:
    clock.advance(250.0)
    assert heavy.due_cues(clock.now()) == [Cue.READY]
    heavy.extend(clock.now())
    clock.advance(80.0)
    assert heavy.due_cues(clock.now()) == [Cue.MAX]


def test_extend_after_max_rearms_max(clock: FakeClock, heavy: RestTimer) -> None:
    clock.advance(310.0)
    assert heavy.due_cues(clock.now()) == [Cue.READY, Cue.MAX]
    heavy.extend(clock.now())
    assert heavy.phase(clock.now()) is Phase.READY
    clock.advance(20.0)
    assert heavy.due_cues(clock.now()) == [Cue.MAX]
    with pytest.raises(ValueError):
        heavy.extend(clock.now(), seconds=0)


def test_early_finish_is_judged_against_the_protocol_ready(
    clock: FakeClock, heavy: RestTimer
) -> None:
    clock.advance(179.0)
    assert heavy.is_early(clock.now())
    heavy.extend(clock.now())
    clock.advance(1.0)
    assert not heavy.is_early(clock.now())


def test_finish_records_duration_over_rest_and_pauses(clock: FakeClock, heavy: RestTimer) -> None:
    clock.advance(60.0)
    heavy.pause(clock.now())
    clock.advance(45.0)
    heavy.resume(clock.now())
    clock.advance(270.0)
    record = heavy.finish(clock.now())
    assert record == RestRecord(duration_s=330.0, over_rest_s=30.0, paused_s=45.0)
    assert heavy.is_finished
    assert not heavy.is_early(clock.now())
    clock.advance(100.0)
    assert heavy.elapsed(clock.now()) == 330.0
    assert heavy.due_cues(clock.now()) == []
    assert heavy.next_deadline(clock.now()) is None
    for action in (heavy.pause, heavy.resume, heavy.extend, heavy.finish):
        with pytest.raises(RuntimeError, match="already finished"):
            action(clock.now())


def test_finish_while_paused_counts_the_pause(clock: FakeClock) -> None:
    light = RestTimer.start(LIGHT_WINDOW, clock.now())
    clock.advance(20.0)
    light.pause(clock.now())
    clock.advance(15.0)
    light.extend(clock.now())
    record = light.finish(clock.now())
    assert record == RestRecord(duration_s=20.0, over_rest_s=0.0, paused_s=15.0, extended_s=30.0)


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (9, "0:09"), (60, "1:00"), (3599, "59:59"), (-4, "0:00")]
)
def test_format_seconds(seconds: int, text: str) -> None:
    assert format_seconds(seconds) == text
