"""The light session's reminder time on each double day: one row per athlete and local day.

Written when the heavy session finishes (the proposal) and again when the runner moves it;
read by the summary, the Plan screen and the welcome page. Times are stored UTC like every
other time in the log; `day` is the runner's local date of the heavy session.
"""

from __future__ import annotations

from datetime import date, datetime

from db.connection import StoreLike, as_database, read_rows
from db.errors import translates_errors
from db.lean_dataclass import frozen_dataclass
from db.records import date_text, from_utc_text, require_aware, utc_text


@frozen_dataclass
class LightReminder:
    """When the light session of `day` is due, and when its heavy session ended (the earliest)."""

    athlete_id: int
    day: date
    heavy_ended_at: datetime
    remind_at: datetime


@translates_errors
def save_light_reminder(target: StoreLike, reminder: LightReminder) -> None:
    """Store or replace the day's reminder, in one transaction (a second heavy session the same
    day proposes afresh)."""
    require_aware(reminder.remind_at, what="remind_at")
    if reminder.remind_at <= reminder.heavy_ended_at:
        raise ValueError("the light session must come after the heavy session ended")
    db = as_database(target)
    with db.atomic():
        db.execute(
            "INSERT INTO light_reminders (athlete_id, day, heavy_ended_at, remind_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (athlete_id, day) DO UPDATE SET"
            " heavy_ended_at = excluded.heavy_ended_at, remind_at = excluded.remind_at",
            [
                reminder.athlete_id,
                date_text(reminder.day),
                utc_text(reminder.heavy_ended_at),
                utc_text(reminder.remind_at),
            ],
        )


@translates_errors
def light_reminder(target: StoreLike, athlete_id: int, day: date) -> LightReminder | None:
    """The reminder of one local day, or None when no heavy session proposed one."""
    rows = list(
        read_rows(
            target,
            "SELECT heavy_ended_at, remind_at FROM light_reminders"
            " WHERE athlete_id = ? AND day = ?",
            [athlete_id, date_text(day)],
        )
    )
    if not rows:
        return None
    return LightReminder(
        athlete_id=athlete_id,
        day=day,
        heavy_ended_at=from_utc_text(rows[0]["heavy_ended_at"]),
        remind_at=from_utc_text(rows[0]["remind_at"]),
    )


@translates_errors
def light_reminders_of(target: StoreLike, athlete_id: int) -> list[LightReminder]:
    """Every day's reminder of one athlete, oldest first (the calendar export's alarms)."""
    rows = as_database(target).query(
        "SELECT day, heavy_ended_at, remind_at FROM light_reminders WHERE athlete_id = ?"
        " ORDER BY day",
        [athlete_id],
    )
    return [
        LightReminder(
            athlete_id=athlete_id,
            day=date.fromisoformat(row["day"]),
            heavy_ended_at=from_utc_text(row["heavy_ended_at"]),
            remind_at=from_utc_text(row["remind_at"]),
        )
        for row in rows
    ]


@translates_errors
def drop_light_reminder(target: StoreLike, athlete_id: int, heavy_ended_at: datetime) -> bool:
    """Remove the reminder a heavy session proposed (the one that ended at `heavy_ended_at`):
    a discarded session did not happen, so neither does its light session. True if one went."""
    db = as_database(target)
    with db.atomic():
        cursor = db.execute(
            "DELETE FROM light_reminders WHERE athlete_id = ? AND heavy_ended_at = ?",
            [athlete_id, utc_text(heavy_ended_at)],
        )
    return cursor.rowcount > 0
