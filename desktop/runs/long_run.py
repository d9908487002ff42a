"""Which imported run to offer the cramp report for: the long run the runner just brought in.

A long run is one of at least an hour of moving time, or the longest of its week (Monday to
Sunday, the run's own date): a runner building up to 60 minutes still has a long run each week.
One import may bring a year of runs; the runner is asked about each long run in turn, the latest
(the one they remember best) first, each skippable, and not about a day they already answered
for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from db.checkins import cramp_reports
from db.runs import RunRecord, runs_for
from db.store import Store

LONG_RUN_S = 3600.0


def is_long_run(run: RunRecord, every_run: Sequence[RunRecord]) -> bool:
    """At least an hour moving, or no run of its week went further."""
    if run.moving_s >= LONG_RUN_S:
        return True
    week = _week(run.started_at.date())
    return all(
        other.distance_m <= run.distance_m
        for other in every_run
        if _week(other.started_at.date()) == week
    )


def runs_to_offer(store: Store, athlete_id: int, new_runs: Sequence[RunRecord]) -> list[RunRecord]:
    """The long runs among `new_runs` with no cramp report on their day yet, newest first, one a
    day (a cramp report is the day's): the window asks about each in turn, skippable."""
    if not new_runs:
        return []
    every_run = runs_for(store, athlete_id)
    answered = {report.date for report in cramp_reports(store, athlete_id)}
    by_day: dict[date, RunRecord] = {}
    weeks: set[tuple[int, int]] = set()  # a week's longest under an hour: one a week (ties)
    for run in sorted(new_runs, key=lambda run: run.started_at, reverse=True):
        day = run.started_at.date()
        if day in answered or day in by_day or not is_long_run(run, every_run):
            continue
        if run.moving_s < LONG_RUN_S:
            if _week(day) in weeks:
                continue
            weeks.add(_week(day))
        by_day[day] = run
    return list(by_day.values())


def run_to_offer(store: Store, athlete_id: int, new_runs: Sequence[RunRecord]) -> RunRecord | None:
    """The latest of `new_runs` that is a long run with no cramp report on its day yet."""
    return next(iter(runs_to_offer(store, athlete_id, new_runs)), None)


def _week(day: date) -> tuple[int, int]:
    year, week, _weekday = day.isocalendar()
    return year, week
