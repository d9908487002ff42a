"""The plan's calendar for one athlete, with an alarm for each light session: one path for the
window's Plan → Export calendar and for `cramproof export --format ics`.

A light session's alarm rings at the time the heavy session set for it, where one is stored
(past days and today). A future day's heavy session has not happened yet, so its alarm uses the
time of day of the athlete's latest light session (runners keep to a routine), or the evening
cut-off, the latest the rule ever proposes, before there is one. Phones ring it even when the
laptop is closed.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from db.light_reminders import light_reminders_of
from db.plans import active_plan
from db.records import Athlete
from db.store import Store
from desktop.domain.buildup.light_reminder import DEFAULT_LATEST
from desktop.plan.reader import PlanReader


def light_times(store: Store, athlete_id: int) -> tuple[dict[date, time], time]:
    """The stored light-session time of each day, and the time of day for the other days."""
    stored = light_reminders_of(store, athlete_id)
    known = {r.day: r.remind_at.astimezone().time().replace(tzinfo=None) for r in stored}
    usual = known[stored[-1].day] if stored else DEFAULT_LATEST
    return known, usual


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
    known, usual = light_times(store, athlete.id)
    ical.write_calendar(
        path,
        build_up,
        athlete=athlete.name,
        athlete_id=athlete.id,
        now=now,
        cancelled=reader.dropped_days(plan),
        light_at=known,
        usual_light_at=usual,
    )
    return len(build_up.days)
