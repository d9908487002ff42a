"""Which imported run to offer the cramp report for: the long run the runner just brought in.

Only the run a planned long-run day hangs on (the longest within a day of it, or the one the
runner picked: `desktop.plan.run_links.anchored`) is the build-up's long run: the protocol's
question is about the legs late in that run, not after a 13 km Tuesday run. One import may
bring a year of runs; the runner is asked about each long run in turn, the latest (the one
they remember best) first, each skippable, and not about a day they already answered for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from db.checkins import cramp_reports
from db.plans import active_plan, planned_days
from db.runs import RunRecord
from db.store import Store
from desktop.plan.run_links import anchored


def long_run_ids(store: Store, athlete_id: int) -> set[int]:
    """The runs the current plan's long-run days hang on (none without a plan)."""
    plan = active_plan(store, athlete_id)
    if plan is None or plan.id is None:
        return set()
    days = [
        (day.id, day.date, day.after)
        for day in planned_days(store, plan.id)
        if day.id is not None and day.after == "long_run"
    ]
    return {run.run_id for run in anchored(store, athlete_id, days).values()}


def runs_to_offer(store: Store, athlete_id: int, new_runs: Sequence[RunRecord]) -> list[RunRecord]:
    """The long runs among `new_runs` with no cramp report on their day yet, newest first, one a
    day (a cramp report is the day's): the window asks about each in turn, skippable."""
    if not new_runs:
        return []
    long_runs = long_run_ids(store, athlete_id)
    answered = {report.date for report in cramp_reports(store, athlete_id)}
    by_day: dict[date, RunRecord] = {}
    for run in sorted(new_runs, key=lambda run: run.started_at, reverse=True):
        day = run.started_at.date()
        if day not in answered and day not in by_day and run.id in long_runs:
            by_day[day] = run
    return list(by_day.values())


def run_to_offer(store: Store, athlete_id: int, new_runs: Sequence[RunRecord]) -> RunRecord | None:
    """The latest of `new_runs` that is a long run with no cramp report on its day yet."""
    return next(iter(runs_to_offer(store, athlete_id, new_runs)), None)
