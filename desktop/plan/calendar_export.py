"""The plan's calendar for one athlete, with an alarm for each light session: one path for the
window's Plan → Export calendar and for `cramproof export --format ics`.

A light session's alarm rings when the app's own reminder would: `plan.light_session` places it
for every double day with the rule the app uses when a heavy session ends (the runner's delay,
never after their cut-off), counted from the real end of a heavy session already lifted, or
from the expected end of one still to come. Phones ring it even when the laptop is closed.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from db.plans import active_plan
from db.records import Athlete
from db.store import Store
from desktop.plan.light_session import light_times_of_days
from desktop.plan.reader import PlanReader


def export_plan_calendar(
    store: Store, athlete: Athlete, path: Path, *, now: datetime
) -> int | None:
    """Write the athlete's active plan to `path` whole: how many double days (None: no plan)."""
    from desktop.plan import ical  # the icalendar package costs 30 ms: only for export

    plan = active_plan(store, athlete.id)
    if plan is None:
        return None
    reader = PlanReader(store, now=lambda: now)
    build_up, _ids = reader.stored(plan)
    ical.write_calendar(
        path,
        build_up,
        athlete=athlete.name,
        athlete_id=athlete.id,
        now=now,
        cancelled=reader.dropped_days(plan),
        light_at=light_times_of_days(
            store, athlete.id, (day.date for day in build_up.days), now=now
        ),
    )
    return len(build_up.days)
