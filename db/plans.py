"""Plans and their planned days: saved whole, re-planned forward only, history never rewritten."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from db.connection import StoreLike, as_database, read_rows
from db.errors import translates_errors
from db.plan_choices import gate_decisions, plan_exercises, record_gate_decision, set_plan_exercise
from db.records import (
    PlannedDayRecord,
    PlanRecord,
    date_text,
    from_date_text,
    from_sites_text,
    from_utc_text,
    now_utc,
    optional_from_utc_text,
    sites_text,
    utc_text,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = [
    "active_plan",
    "gate_decisions",
    "get_plan",
    "plan_exercises",
    "planned_days",
    "record_gate_decision",
    "replace_future_days",
    "replan_plan",
    "save_plan",
    "set_plan_exercise",
]

# A planned day is "linked" once a session points at it; linked days are history and stay put.
_UNLINKED = "NOT EXISTS (SELECT 1 FROM sessions WHERE sessions.planned_day_id = planned_days.id)"


def _plan(row: dict) -> PlanRecord:
    return PlanRecord(
        id=row["id"],
        athlete_id=row["athlete_id"],
        race_date=from_date_text(row["race_date"]),
        weeks=row["weeks"],
        long_run_day=row["long_run_day"],
        speed_day=row["speed_day"],
        cramp_sites=from_sites_text(row["cramp_sites"]),
        units=row["units"],
        created_at=from_utc_text(row["created_at"]),
        active=bool(row["active"]),
        options=json.loads(row["options"]),
    )


def _day(row: dict) -> PlannedDayRecord:
    return PlannedDayRecord(
        id=row["id"],
        plan_id=row["plan_id"],
        date=from_date_text(row["date"]),
        after=row["after"],
        conditional=bool(row["conditional"]),
        week=row["week"],
        weeks_out=row["weeks_out"],
        phase=row["phase"],
        superseded_at=optional_from_utc_text(row["superseded_at"]),
    )


def _validate_plan(plan: PlanRecord) -> None:
    if plan.weeks not in (14, 15, 16):
        raise ValueError("A build-up lasts 14, 15 or 16 weeks.")
    if not (0 <= plan.long_run_day <= 6 and 0 <= plan.speed_day <= 6):
        raise ValueError("Weekdays are numbered 0 (Monday) to 6 (Sunday).")
    if plan.long_run_day == plan.speed_day:
        raise ValueError("The long run and the speed run must be on different days.")
    if plan.units not in ("kg", "lb"):
        raise ValueError("Units are 'kg' or 'lb'.")


def _insert_days(db: Database, plan_id: int, days: Sequence[PlannedDayRecord]) -> None:
    for day in days:
        db.execute(
            """INSERT INTO planned_days
            (plan_id, date, after, conditional, week, weeks_out, phase, superseded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, NULL)""",
            [
                plan_id,
                date_text(day.date),
                day.after,
                int(day.conditional),
                day.week,
                day.weeks_out,
                day.phase,
            ],
        )


@translates_errors
def save_plan(target: StoreLike, plan: PlanRecord, days: Sequence[PlannedDayRecord]) -> PlanRecord:
    """Store a new active plan with its days in one transaction, retiring the previous plan."""
    _validate_plan(plan)
    db = as_database(target)
    with db.atomic():
        db.execute(
            "UPDATE plans SET active = 0 WHERE athlete_id = ? AND active = 1", [plan.athlete_id]
        )
        plan_id = db.execute(
            """INSERT INTO plans (athlete_id, race_date, weeks, long_run_day, speed_day,
            cramp_sites, units, created_at, active, options)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""",
            [
                plan.athlete_id,
                date_text(plan.race_date),
                plan.weeks,
                plan.long_run_day,
                plan.speed_day,
                sites_text(plan.cramp_sites),
                plan.units,
                utc_text(plan.created_at),
                json.dumps(dict(plan.options), sort_keys=True),
            ],
        ).lastrowid
        _insert_days(db, plan_id, days)
    return replace(plan, id=plan_id, active=True)


@translates_errors
def active_plan(target: StoreLike, athlete_id: int) -> PlanRecord | None:
    """The athlete's current plan, or None before the first one is saved."""
    rows = list(
        read_rows(target, "SELECT * FROM plans WHERE athlete_id = ? AND active = 1", [athlete_id])
    )
    return _plan(rows[0]) if rows else None


@translates_errors
def get_plan(target: StoreLike, plan_id: int) -> PlanRecord:
    """Any plan, active or retired, by id (a LookupError if there is none)."""
    rows = list(as_database(target).query("SELECT * FROM plans WHERE id = ?", [plan_id]))
    if not rows:
        raise LookupError(f"no plan with id {plan_id}")
    return _plan(rows[0])


@translates_errors
def planned_days(
    target: StoreLike, plan_id: int, *, include_superseded: bool = False
) -> list[PlannedDayRecord]:
    """The plan's days in date order; superseded ones only when asked for (history views)."""
    where = "plan_id = ?" if include_superseded else "plan_id = ? AND superseded_at IS NULL"
    rows = read_rows(
        target, f"SELECT * FROM planned_days WHERE {where} ORDER BY date, after, id", [plan_id]
    )
    return [_day(row) for row in rows]


@translates_errors
def replace_future_days(
    target: StoreLike,
    plan_id: int,
    days: Sequence[PlannedDayRecord],
    *,
    from_date: date,
    now: datetime | None = None,
) -> list[PlannedDayRecord]:
    """Re-plan from `from_date` on: supersede unlinked current days there, add the new ones.

    Days before `from_date` and days a session links to are never touched; a new day that would
    duplicate a kept linked day (same date and run) is skipped. Returns the plan's current days.
    """
    db = as_database(target)
    start = date_text(from_date)
    with db.atomic():
        db.execute(
            f"""UPDATE planned_days SET superseded_at = ?
            WHERE plan_id = ? AND date >= ? AND superseded_at IS NULL AND {_UNLINKED}""",
            [utc_text(now or now_utc()), plan_id, start],
        )
        kept = {
            (row[0], row[1])
            for row in db.execute(
                """SELECT date, after FROM planned_days
                WHERE plan_id = ? AND date >= ? AND superseded_at IS NULL""",
                [plan_id, start],
            )
        }
        fresh = [
            day
            for day in days
            if day.date >= from_date and (date_text(day.date), day.after) not in kept
        ]
        _insert_days(db, plan_id, fresh)
    return planned_days(db, plan_id)


@translates_errors
def replan_plan(
    target: StoreLike,
    plan: PlanRecord,
    days: Sequence[PlannedDayRecord],
    *,
    from_date: date,
    now: datetime | None = None,
) -> list[PlannedDayRecord]:
    """Change an existing plan's settings and re-plan its days from `from_date`, all or nothing.

    The plan keeps its id, so sessions already linked to its days stay linked (a new build-up
    is `save_plan` instead). Returns the plan's current days.
    """
    if plan.id is None:
        raise ValueError("Only a saved plan can be re-planned.")
    _validate_plan(plan)
    db = as_database(target)
    with db.atomic():
        updated = db.execute(
            """UPDATE plans SET race_date = ?, weeks = ?, long_run_day = ?, speed_day = ?,
            cramp_sites = ?, units = ?, options = ? WHERE id = ?""",
            [
                date_text(plan.race_date),
                plan.weeks,
                plan.long_run_day,
                plan.speed_day,
                sites_text(plan.cramp_sites),
                plan.units,
                json.dumps(dict(plan.options), sort_keys=True),
                plan.id,
            ],
        ).rowcount
        if not updated:
            raise LookupError(f"no plan with id {plan.id}")
        return replace_future_days(db, plan.id, days, from_date=from_date, now=now)
