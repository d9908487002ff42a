"""The light session's time of day as the plan knows it: the runner's delay and cut-off, each
double day's time (for the calendar's alarms), and whether today is too late for one.

The rule is `desktop.domain.buildup.light_reminder`; this module reads its settings, works in the
runner's local time (the 21:00 cut-off is a time on their wall clock) and reads what the heavy
session's close stored (`gym.closing.light_time`) through `db.light_reminders`, so the summary,
the Plan screen, the calendar and the welcome page agree. The plan reads it without the gym:
the gym uses the plan, never the reverse (pyproject.toml's import contracts).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from db.connection import StoreLike
from db.light_reminders import LightReminder, light_reminder, light_reminders_of
from db.sessions import sessions_for_athlete
from db.settings import get_setting, set_setting
from desktop.domain.buildup.light_reminder import (
    DEFAULT_DELAY,
    DEFAULT_LATEST,
    LightReminderSettings,
    expected_heavy_end,
    propose_light_time,
    settings_problem,
)
from desktop.domain.progress.day_status import session_day

DELAY_KEY = "light_reminder_delay_minutes"
LATEST_KEY = "light_reminder_latest"
# The protocol counts a session done within one day of its planned date for that day, so a light
# session the evening leaves no room for still counts tomorrow morning; skipping it is honest too.
TOO_LATE_TEXT = "Too late for the light session today: do it tomorrow morning or skip it."


def reminder_settings(target: StoreLike, athlete_id: int) -> LightReminderSettings:
    """The athlete's delay and cut-off; the defaults where unset or unreadable, since a damaged
    setting must not stop a heavy session from closing."""
    delay_text = get_setting(target, DELAY_KEY, athlete_id=athlete_id)
    latest_text = get_setting(target, LATEST_KEY, athlete_id=athlete_id)
    try:
        delay = timedelta(minutes=int(delay_text)) if delay_text else DEFAULT_DELAY
        latest = time.fromisoformat(latest_text) if latest_text else DEFAULT_LATEST
        return LightReminderSettings(delay=delay, latest=latest)
    except ValueError:
        return LightReminderSettings()


def parse_reminder_settings(hours_text: str, latest_text: str) -> tuple[timedelta, time]:
    """The settings dialog's two fields ("5.5" hours, "20:30"); ValueError says what is wrong."""
    try:
        hours = float(hours_text.strip().replace(",", "."))
    except ValueError:
        raise ValueError("Hours after the heavy session: a number such as 6 or 5.5.") from None
    try:
        latest = time.fromisoformat(latest_text.strip().zfill(5))
    except ValueError:
        raise ValueError("No later than: a time such as 21:00.") from None
    if hours != hours or not 0 < hours < 24:  # NaN, or no delay within the day
        raise ValueError("The light session comes 1 to 12 hours after the heavy one.")
    delay = timedelta(minutes=round(hours * 60))
    problem = settings_problem(delay, latest.replace(second=0, microsecond=0))
    if problem is not None:
        raise ValueError(problem)
    return delay, latest.replace(second=0, microsecond=0)


def save_reminder_settings(
    target: StoreLike, athlete_id: int, *, delay: timedelta, latest: time
) -> str | None:
    """Store the runner's delay and cut-off for the light sessions still to be proposed (today's,
    already proposed, stays where it is); the reason when refused, nothing stored then."""
    problem = settings_problem(delay, latest)
    if problem is not None:
        return problem
    set_setting(target, DELAY_KEY, str(round(delay.total_seconds() / 60)), athlete_id=athlete_id)
    set_setting(target, LATEST_KEY, latest.strftime("%H:%M"), athlete_id=athlete_id)
    return None


def light_too_late(target: StoreLike, athlete_id: int, now: datetime) -> bool:
    """True when today has no light-session time and no room is left for one: no heavy session
    proposed a time (it ended at or after the runner's cut-off) and the cut-off has passed, so
    every screen says `TOO_LATE_TEXT` instead of "later today"."""
    if todays_light_session(target, athlete_id, now) is not None:
        return False
    return propose_light_time(now.astimezone(), reminder_settings(target, athlete_id)) is None


def light_times_of_days(
    target: StoreLike, athlete_id: int, days: Iterable[date], *, now: datetime | None = None
) -> dict[date, time]:
    """The light session's local time of day on each of `days`, as the app's reminder puts it:
    the stored reminder where a heavy session proposed one (or the runner moved it); else
    `propose_light_time` from the day's real heavy end, or, for a day not lifted yet, from the
    heavy session's expected end, with the runner's delay and cut-off. A day whose heavy
    session leaves no time "later that day" has none (the app would remind of nothing).

    Given `now`, today's heavy session not finished yet ends no earlier than now, and today's
    time is left out once past: a phone may ring an alarm already past at once on import."""
    settings = reminder_settings(target, athlete_id)
    stored = {r.day: r for r in light_reminders_of(target, athlete_id)}
    ended = {
        session_day(s.started_at): s.ended_at.astimezone()
        for s in sessions_for_athlete(target, athlete_id)
        if s.kind == "heavy" and s.state == "finished" and s.ended_at is not None
    }
    last = max(stored.values(), key=lambda r: r.heavy_ended_at, default=None)
    usual = None if last is None else last.heavy_ended_at.astimezone().time()
    local_now = None if now is None else now.astimezone().replace(tzinfo=None)
    today = None if local_now is None else local_now.date()
    times: dict[date, time] = {}
    for day in days:
        if day in stored:
            at: datetime | None = stored[day].remind_at.astimezone()
        elif day in ended:
            at = propose_light_time(ended[day], settings)
        else:
            heavy_end = expected_heavy_end(day, usual)
            if local_now is not None and day == today:
                heavy_end = max(heavy_end, local_now)
            at = propose_light_time(heavy_end, settings)
        if at is None or (local_now is not None and day == today and at.time() <= local_now.time()):
            continue
        times[day] = at.time()
    return times


def todays_light_session(target: StoreLike, athlete_id: int, now: datetime) -> LightReminder | None:
    """The reminder of the runner's local today, for the screens that show it."""
    return light_reminder(target, athlete_id, now.astimezone().date())


def light_session_text(reminder: LightReminder | datetime | None) -> str:
    """The words every screen uses: "Light session at 17:30"."""
    if reminder is None:
        return ""
    at = reminder.remind_at if isinstance(reminder, LightReminder) else reminder
    return f"Light session at {at.astimezone():%H:%M}"
