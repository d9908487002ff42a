"""Rest timer invariants under any sequence of advances, suspends, pauses, extensions and polls."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from desktop.domain.rest.rest_timer import Cue, Phase, RestTimer, RestWindow
from tests.fake_clock import FakeClock

TOLERANCE = 1e-6
seconds = st.floats(min_value=0.0, max_value=200.0, allow_nan=False)


def shown_seconds(big_text: str) -> int:
    minutes, secs = big_text.split(":")
    assert len(secs) == 2
    return int(minutes) * 60 + int(secs)


class RestTimerMachine(RuleBasedStateMachine):
    """Keeps its own account of the rest and checks the timer agrees with it."""

    @initialize(
        start=st.floats(min_value=0.0, max_value=1e6, allow_nan=False),
        ready=st.floats(min_value=1.0, max_value=400.0, allow_nan=False),
        window_gap=st.floats(min_value=0.0, max_value=300.0, allow_nan=False),
    )
    def start_rest(self, start: float, ready: float, window_gap: float) -> None:
        self.clock = FakeClock(start=start)
        self.timer = RestTimer.start(RestWindow(ready, ready + window_gap), self.clock.now())
        self.counted = 0.0
        self.paused = False
        self.armed = {Cue.READY: True, Cue.MAX: True}
        self.reported: list[Cue] = []

    def moment(self, cue: Cue) -> float:
        window = self.timer.window
        return window.ready_s if cue is Cue.READY else window.max_s

    @rule(dt=seconds)
    def time_passes(self, dt: float) -> None:
        self.clock.advance(dt)
        if not self.paused:
            self.counted += dt

    @rule(dt=st.floats(min_value=200.0, max_value=20_000.0, allow_nan=False))
    def laptop_sleeps(self, dt: float) -> None:
        self.clock.suspend(dt)
        if not self.paused:
            self.counted += dt

    @rule()
    def pause(self) -> None:
        before = self.timer.elapsed(self.clock.now())
        self.timer.pause(self.clock.now())
        self.paused = True
        assert self.timer.elapsed(self.clock.now()) == before
        assert self.timer.next_deadline(self.clock.now()) is None

    @rule()
    def resume(self) -> None:
        before = self.timer.elapsed(self.clock.now())
        self.timer.resume(self.clock.now())
        self.paused = False
        assert self.timer.elapsed(self.clock.now()) == before

    @rule(extra=st.floats(min_value=1.0, max_value=120.0, allow_nan=False))
    def extend(self, extra: float) -> None:
        elapsed = self.timer.elapsed(self.clock.now())
        self.timer.extend(self.clock.now(), seconds=extra)
        for cue in Cue:
            if self.moment(cue) > elapsed:
                self.armed[cue] = True

    @rule()
    def poll(self) -> None:
        now = self.clock.now()
        due = self.timer.due_cues(now)
        assert due == sorted(due, key=list(Cue).index), "READY comes before MAX"
        for cue in due:
            assert self.armed[cue], f"{cue} reported twice in one arming"
            assert self.timer.elapsed(now) >= self.moment(cue), f"{cue} reported early"
            self.armed[cue] = False
        for cue in Cue:
            assert not (self.armed[cue] and self.moment(cue) <= self.timer.elapsed(now)), (
                f"{cue} is due but was not reported"
            )
        if Cue.MAX in due:
            assert not self.armed[Cue.READY]
        self.reported.extend(due)

    @precondition(lambda self: not self.paused)
    @rule()
    def deadline_points_at_the_next_armed_cue(self) -> None:
        now = self.clock.now()
        deadline = self.timer.next_deadline(now)
        pending = [self.moment(cue) for cue in Cue if self.armed[cue]]
        if not pending:
            assert deadline is None
            return
        assert deadline is not None
        elapsed = self.timer.elapsed(now)
        assert abs((deadline - now) - (min(pending) - elapsed)) < TOLERANCE

    @invariant()
    def elapsed_is_counted_time_never_negative(self) -> None:
        elapsed = self.timer.elapsed(self.clock.now())
        assert elapsed >= 0.0
        assert abs(elapsed - self.counted) < TOLERANCE

    @invariant()
    def display_agrees_with_elapsed(self) -> None:
        now = self.clock.now()
        shown, window = self.timer.display(now), self.timer.window
        elapsed = shown.elapsed_s
        assert elapsed == self.timer.elapsed(now)
        assert shown.paused == self.paused
        assert 0.0 <= shown.fraction <= 1.0
        assert 0.0 < shown.ready_mark <= shown.max_mark < 1.0
        secs = shown_seconds(shown.big_text)
        if elapsed < window.ready_s:
            assert (shown.phase, shown.caption) == (Phase.RESTING, "until ready")
            assert secs - 1 - TOLERANCE < window.ready_s - elapsed <= secs + TOLERANCE
        elif elapsed < window.max_s:
            assert (shown.phase, shown.caption) == (Phase.READY, "until max")
            assert secs - 1 - TOLERANCE < window.max_s - elapsed <= secs + TOLERANCE
        else:
            assert (shown.phase, shown.caption) == (Phase.OVER, "over by")
            assert secs - TOLERANCE <= elapsed - window.max_s < secs + 1 + TOLERANCE

    def teardown(self) -> None:
        now = self.clock.now()
        elapsed = self.timer.elapsed(now)
        self.timer.extend(now)
        record = self.timer.finish(now)
        assert record.duration_s == elapsed
        assert record.over_rest_s == max(0.0, elapsed - self.timer.window.max_s)
        assert record.paused_s >= 0.0


TestRestTimerInvariants = RestTimerMachine.TestCase
TestRestTimerInvariants.settings = settings(max_examples=150, stateful_step_count=30, deadline=None)
