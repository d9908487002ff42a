"""Which imported run a double day hangs on, and whether a heavy session came right after it.

The protocol's point is lifting on legs the run has just tired: the heavy session belongs
"right after the long run (or speed run)". The plan only knows the weekday the runner meant to
run on; the watch knows when the run really happened. These rules join the two, with no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.domain.buildup.gate import MATCH_SLACK

# How long after a run's end a heavy session still counts as "right after" it. Three hours
# covers the way home, a shower and a meal (a runner who drives back from a trail may need two)
# while the legs are still tired from the run; it is half the light session's default delay
# (domain/buildup/light_reminder.py, 6 h after the heavy session), so a session this close to the
# run is always nearer to it than the light session of the same day would be.
RIGHT_AFTER = timedelta(hours=3)
# The run picked for a planned day may be this far from it: the same one-day slack a logged
# session has (a long run moved from Sunday to Saturday is still that week's long run).
PICK_REACH = MATCH_SLACK


@dataclass(frozen=True)
class RunSpan:
    """A stored run as these rules see it: start and end with the watch's offset, its length."""

    run_id: int
    start: datetime
    end: datetime
    distance_m: float

    @property
    def day(self) -> date:
        """The day the runner ran on: the local date (watch's clock) the run started."""
        return self.start.date()


def pick_run(
    runs: Iterable[RunSpan], planned: date, *, chosen: int | None = None
) -> RunSpan | None:
    """The run a planned double day hangs on: the runner's own pick when it is within reach,
    else the longest run within a day of `planned` (ties: the one on the planned day, then the
    earlier). None when no run is within reach."""
    near = [run for run in runs if abs(run.day - planned) <= PICK_REACH]
    for run in near:
        if run.run_id == chosen:
            return run
    if not near:
        return None
    return min(near, key=lambda r: (-r.distance_m, abs(r.day - planned), r.start, r.run_id))


def anchor_days(
    runs: Iterable[RunSpan],
    days: Iterable[tuple[int, date, str]],
    *,
    chosen: Mapping[int, int] | None = None,
) -> dict[int, RunSpan]:
    """The run each planned day (id, date, 'long_run' or 'speed_run') hangs on, by day id.

    Long-run days pick first and a run anchors one day at most: a long run moved to the day
    after a speed-run day is that week's long run, not also the speed run. `chosen` holds the
    runner's own picks by day id."""
    pool = list(runs)
    picked: dict[int, RunSpan] = {}
    for day_id, day, _after in sorted(days, key=lambda d: (d[2] != "long_run", d[1], d[0])):
        run = pick_run(pool, day, chosen=(chosen or {}).get(day_id))
        if run is not None:
            picked[day_id] = run
            pool.remove(run)
    return picked


def minutes_after(run: RunSpan, first_set: datetime) -> int | None:
    """Whole minutes from the run's end to a session's first set, when that is "right after"
    it (0 to RIGHT_AFTER); None when the set came before the run ended or too long after."""
    gap = first_set - run.end
    if timedelta(0) <= gap <= RIGHT_AFTER:
        return int(gap.total_seconds() // 60)
    return None


def run_before(runs: Iterable[RunSpan], first_set: datetime) -> RunSpan | None:
    """The run a session started right after: the longest of the runs whose end is within
    RIGHT_AFTER before `first_set` (a cool-down jog logged as its own run does not hide the
    long run before it); ties go to the one that ended later."""
    close = [run for run in runs if minutes_after(run, first_set) is not None]
    if not close:
        return None
    return max(close, key=lambda r: (r.distance_m, r.end, r.run_id))
