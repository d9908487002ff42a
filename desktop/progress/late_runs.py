"""Do my legs hold late? The long runs of the build-up, on the weeks of the other charts.

Qt-free. Each run of at least an hour of moving time (the late-run figures need one) becomes a
mark at local noon of the day it started, with its build-up week, so it sits under the same
adherence bar and beside the same cramp report as that week's double day. The headline says in
one line how the late-run figure with the most data moved from the first long runs to the last,
and says less, never something false, when there are too few runs to compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from db.runs import RunRecord, count_runs, runs_between
from db.store import Store
from desktop.domain.progress.adherence import WeekSpan
from desktop.domain.progress.chart_series import noon_seconds
from desktop.domain.runs.climb import climb
from desktop.domain.runs.late_run import LONG_ENOUGH_S
from desktop.progress.late_run_words import headline


@dataclass(frozen=True, kw_only=True)
class LongRunMark:
    """One long run on the week axis; figures None where the file could not give them."""

    x: float
    day: date
    week: int | None
    distance_km: float
    pace_fade_pct: float | None
    cadence_drop_spm: float | None
    decoupling_pct: float | None
    climb_m_per_km: float | None
    hilly: bool

    @property
    def label(self) -> str:
        """The read-out under the pointer: the run, then each figure it has."""
        lines = [f"{self.distance_km:.1f} km long run" + (" · hilly" if self.hilly else "")]
        if self.pace_fade_pct is not None:
            lines.append(f"Pace fade {self.pace_fade_pct:+.1f} %")
        if self.cadence_drop_spm is not None:
            lines.append(f"Cadence drop {self.cadence_drop_spm:+.1f} spm")
        if self.decoupling_pct is not None:
            lines.append(f"Decoupling {self.decoupling_pct:+.1f} %")
        if self.climb_m_per_km is not None:
            lines.append(f"Climb {self.climb_m_per_km:.0f} m per km")
        return "\n".join(lines)


@dataclass(frozen=True)
class LateRuns:
    """What the panel draws and says: the long runs in the weeks shown, the headline, and
    whether the athlete has imported any run at all (the empty panel says how, or why not)."""

    marks: tuple[LongRunMark, ...] = ()
    headline: str = ""
    any_runs: bool = False


NO_LATE_RUNS = LateRuns()


def late_runs(
    store: Store,
    athlete_id: int,
    weeks: Sequence[WeekSpan],
    *,
    bounds: tuple[datetime, datetime],
    today: date,
) -> LateRuns:
    """The athlete's long runs between `bounds` (the charts' window) and their headline."""
    start, end = bounds
    runs = runs_between(store, athlete_id, start=start, end=end, min_moving_s=LONG_ENOUGH_S)
    marks = long_run_marks(weeks, runs)
    any_runs = bool(marks) or count_runs(store, athlete_id) > 0
    return LateRuns(marks=marks, headline=headline(marks, today=today), any_runs=any_runs)


def long_run_marks(
    weeks: Sequence[WeekSpan], runs: Sequence[RunRecord], *, tz: tzinfo | None = None
) -> tuple[LongRunMark, ...]:
    """Runs of an hour or more as marks, on the day the watch says they started."""
    marks = []
    for run in runs:
        if run.moving_s < LONG_ENOUGH_S:
            continue
        day = run.started_at.date()
        hill = climb(run.ascent_m, run.distance_m)
        marks.append(
            LongRunMark(
                x=noon_seconds(day, tz),
                day=day,
                week=next((w.number for w in weeks if w.start <= day <= w.end), None),
                distance_km=run.distance_m / 1000.0,
                pace_fade_pct=run.pace_fade_pct,
                cadence_drop_spm=run.cadence_drop_spm,
                decoupling_pct=run.decoupling_pct,
                climb_m_per_km=None if hill is None else hill.m_per_km,
                hilly=hill is not None and hill.hilly,
            )
        )
    return tuple(sorted(marks, key=lambda mark: mark.day))
