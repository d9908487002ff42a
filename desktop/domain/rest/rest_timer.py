"""The rest between two sets as a pure state machine: elapsed time, phase, cues and the record.

Every call takes an explicit ``now`` from a `Clock`; elapsed time is ``now - start - paused``,
never a count of ticks, so a late or frozen UI cannot make the rest wrong.

Decisions the protocol leaves open:
- +30 s pushes the whole window later; a reported cue whose moment moves ahead of the elapsed
  time re-arms and sounds again there: the athlete, 3 m away, asked for 30 s more.
- A pause freezes elapsed time: unreported cues come due later, reported ones stay reported.
- A record's ``duration_s`` excludes pauses (the gap between sets is ``duration_s + paused_s``);
  over-rest counts past the extended max, where MAX sounded; "early" means before the
  protocol's unextended ready.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

EXTEND_STEP_S = 30.0
BAR_SPAN = 1.2  # the progress bar runs 20 % past max so over-rest stays visible


class Phase(Enum):
    """Where the rest stands; the gym screen colours the timer by it."""

    RESTING = "resting"
    READY = "ready"
    OVER = "over"


class Cue(Enum):
    """The two moments that make a sound: ready to lift, and rest is at its maximum."""

    READY = "ready"
    MAX = "max"


@dataclass(frozen=True)
class RestWindow:
    """Rest is a window: at `ready_s` the next set may start, past `max_s` it is over-rest."""

    ready_s: float
    max_s: float

    def __post_init__(self) -> None:
        if not 0 < self.ready_s <= self.max_s:
            raise ValueError(f"need 0 < ready <= max, got {self.ready_s}, {self.max_s}")


HEAVY_WINDOW = RestWindow(180.0, 300.0)
LIGHT_WINDOW = RestWindow(60.0, 90.0)


@dataclass(frozen=True)
class RestDisplay:
    """Everything the timer widget draws, derived from one elapsed value."""

    phase: Phase
    elapsed_s: float
    big_text: str
    caption: str
    fraction: float
    ready_mark: float
    max_mark: float
    paused: bool


@dataclass(frozen=True)
class RestRecord:
    """The finished rest, stored with the set that follows it."""

    duration_s: float
    over_rest_s: float
    paused_s: float
    extended_s: float = 0.0


@dataclass(frozen=True)
class RestSnapshot:
    """What survives a crash: wall-clock times, because monotonic values die with the process."""

    window: RestWindow
    started_wall: datetime
    paused_s: float = 0.0
    extended_s: float = 0.0
    paused_since_wall: datetime | None = None


class RestTimer:
    """One rest, from the set that was logged to the set that follows."""

    def __init__(self, window: RestWindow, *, started_at: float) -> None:
        # Elapsed time is banked at every pause and counted from `_running_since` otherwise,
        # so a pause and resume leave it bit-for-bit unchanged.
        self._base = window
        self._banked = 0.0
        self._running_since: float | None = started_at
        self._paused_total = 0.0
        self._paused_since: float | None = None
        self._finished = False
        self._extended_s = 0.0
        self._fired: set[Cue] = set()

    @classmethod
    def start(cls, window: RestWindow, now: float) -> RestTimer:
        """A rest that begins now; it starts by itself when a set is logged."""
        return cls(window, started_at=now)

    @classmethod
    def restore(cls, snapshot: RestSnapshot, now: float, wall_now: datetime) -> RestTimer:
        """Resume a rest in a new process; a wall clock that went backwards yields 0, not less.

        Cues whose moment passed while the app was down count as reported: a restart never
        replays a stale alarm, the display already shows the phase.
        """
        counted_until = snapshot.paused_since_wall or wall_now
        elapsed = (counted_until - snapshot.started_wall).total_seconds() - snapshot.paused_s
        timer = cls(snapshot.window, started_at=now)
        timer._banked, timer._extended_s = max(0.0, elapsed), snapshot.extended_s
        timer._paused_total = snapshot.paused_s
        if snapshot.paused_since_wall is not None:
            downtime = (wall_now - snapshot.paused_since_wall).total_seconds()
            timer._paused_total += max(0.0, downtime)
            timer._running_since, timer._paused_since = None, now
        timer._fired = {cue for cue in Cue if timer._moment(cue) <= timer._banked}
        return timer

    @property
    def window(self) -> RestWindow:
        """The window as it stands now, pushed later by every extension."""
        extra = self._extended_s
        return RestWindow(self._base.ready_s + extra, self._base.max_s + extra)

    @property
    def is_paused(self) -> bool:
        return self._paused_since is not None

    @property
    def is_finished(self) -> bool:
        return self._finished

    def elapsed(self, now: float) -> float:
        if self._running_since is None:
            return self._banked
        return self._banked + max(0.0, now - self._running_since)

    def paused_seconds(self, now: float) -> float:
        ongoing = 0.0 if self._paused_since is None else max(0.0, now - self._paused_since)
        return self._paused_total + ongoing

    def phase(self, now: float) -> Phase:
        elapsed, window = self.elapsed(now), self.window
        if elapsed < window.ready_s:
            return Phase.RESTING
        return Phase.READY if elapsed < window.max_s else Phase.OVER

    def pause(self, now: float) -> None:
        """Freeze the rest (someone is using the rack); pausing twice changes nothing."""
        self._require_running()
        if self._paused_since is None:
            self._banked = self.elapsed(now)
            self._running_since, self._paused_since = None, now

    def resume(self, now: float) -> None:
        self._require_running()
        if self._paused_since is not None:
            self._paused_total += max(0.0, now - self._paused_since)
            self._running_since, self._paused_since = now, None

    def extend(self, now: float, *, seconds: float = EXTEND_STEP_S) -> None:
        """Push the window later; reported cues whose moment is now ahead sound again."""
        self._require_running()
        if seconds <= 0:
            raise ValueError(f"an extension must be positive, got {seconds}")
        self._extended_s += seconds
        elapsed = self.elapsed(now)
        self._fired = {cue for cue in self._fired if self._moment(cue) <= elapsed}

    def due_cues(self, now: float) -> list[Cue]:
        """Cues that came due and were not reported yet, READY before MAX; each once per arming."""
        if self.is_finished:
            return []
        elapsed = self.elapsed(now)
        due = [cue for cue in Cue if cue not in self._fired and self._moment(cue) <= elapsed]
        self._fired.update(due)
        return due

    def next_deadline(self, now: float) -> float | None:
        """Clock value of the next unreported cue, to arm a single-shot timer; None if paused."""
        pending = [self._moment(cue) for cue in Cue if cue not in self._fired]
        if self._running_since is None or not pending:
            return None
        return self._running_since + (min(pending) - self._banked)

    def is_early(self, now: float) -> bool:
        """Before the protocol's ready moment; a heavy rest ended now needs one confirmation."""
        return not self.is_finished and self.elapsed(now) < self._base.ready_s

    def display(self, now: float) -> RestDisplay:
        elapsed, window = self.elapsed(now), self.window
        phase = self.phase(now)
        if phase is Phase.RESTING:
            seconds, caption = math.ceil(round(window.ready_s - elapsed, 6)), "until ready"
        elif phase is Phase.READY:
            seconds, caption = math.ceil(round(window.max_s - elapsed, 6)), "until max"
        else:
            seconds, caption = math.floor(round(elapsed - window.max_s, 6)), "over by"
        span = window.max_s * BAR_SPAN
        return RestDisplay(
            phase=phase,
            elapsed_s=elapsed,
            big_text=format_seconds(seconds),
            caption=caption,
            fraction=min(1.0, elapsed / span),
            ready_mark=window.ready_s / span,
            max_mark=window.max_s / span,
            paused=self.is_paused,
        )

    def finish(self, now: float) -> RestRecord:
        """End the rest (next set started, or skipped); the timer is spent afterwards."""
        self._require_running()
        self.resume(now)
        duration = self._banked = self.elapsed(now)
        self._running_since, self._finished = None, True
        return RestRecord(
            duration_s=duration,
            over_rest_s=max(0.0, duration - self.window.max_s),
            paused_s=self._paused_total,
            extended_s=self._extended_s,
        )

    def snapshot(self, now: float, wall_now: datetime) -> RestSnapshot:
        """The rest in wall-clock terms, to be stored after every change."""
        self._require_running()
        paused_since_wall = None
        if self._paused_since is not None:
            paused_since_wall = wall_now - timedelta(seconds=now - self._paused_since)
        return RestSnapshot(
            window=self._base,
            started_wall=wall_now - timedelta(seconds=self.elapsed(now) + self.paused_seconds(now)),
            paused_s=self._paused_total,
            extended_s=self._extended_s,
            paused_since_wall=paused_since_wall,
        )

    def _moment(self, cue: Cue) -> float:
        window = self.window
        return window.ready_s if cue is Cue.READY else window.max_s

    def _require_running(self) -> None:
        if self.is_finished:
            raise RuntimeError("this rest is already finished")


def format_seconds(seconds: int) -> str:
    """Whole seconds as m:ss, minutes unbounded ("75:03" after a very long break)."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"
