"""The light session "later that day": propose its time when the heavy session ends, move it.

The rule is `desktop.domain.buildup.light_reminder`; this module reads its settings, works in the
runner's local time (the 21:00 cut-off is a time on their wall clock) and stores the result
through `db.light_reminders`, so the summary, the Plan screen and the welcome page agree.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from db.connection import StoreLike
from db.light_reminders import LightReminder, light_reminder, save_light_reminder
from db.sessions import sessions_for_athlete
from db.settings import get_setting, set_setting
from db.store import Store
from desktop.domain.buildup.light_reminder import (
    DEFAULT_DELAY,
    DEFAULT_LATEST,
    LightReminderSettings,
    nudge_light_time,
    propose_light_time,
    settings_problem,
)

DELAY_KEY = "light_reminder_delay_minutes"
LATEST_KEY = "light_reminder_latest"


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


def propose_after_heavy(
    target: StoreLike, *, athlete_id: int, heavy_ended_at: datetime
) -> LightReminder | None:
    """Store the proposed light-session time for the heavy session's day (None: too late today).

    Called inside the transaction that closes the heavy session, so a session is never finished
    without its proposal nor a proposal left for a session that failed to close.
    """
    local_end = heavy_ended_at.astimezone()
    remind_at = propose_light_time(local_end, reminder_settings(target, athlete_id))
    if remind_at is None:
        return None
    reminder = LightReminder(athlete_id, local_end.date(), heavy_ended_at, remind_at)
    save_light_reminder(target, reminder)
    return reminder


def move_light_session(target: StoreLike, reminder: LightReminder, steps: int) -> LightReminder:
    """Move the day's light session by `steps` half hours (the summary's +/- keys) and store it."""
    moved = nudge_light_time(
        reminder.remind_at.astimezone(), reminder.heavy_ended_at.astimezone(), steps
    )
    updated = LightReminder(reminder.athlete_id, reminder.day, reminder.heavy_ended_at, moved)
    save_light_reminder(target, updated)
    return updated


def todays_light_session(target: StoreLike, athlete_id: int, now: datetime) -> LightReminder | None:
    """The reminder of the runner's local today, for the screens that show it."""
    return light_reminder(target, athlete_id, now.astimezone().date())


def light_session_text(reminder: LightReminder | datetime | None) -> str:
    """The words every screen uses: "Light session at 17:30"."""
    if reminder is None:
        return ""
    at = reminder.remind_at if isinstance(reminder, LightReminder) else reminder
    return f"Light session at {at.astimezone():%H:%M}"


class LightChoice:
    """The light session's time as the heavy session's summary shows it, before it is finished.

    Until the runner moves it, the time follows the clock (six hours after *now*, which is when
    the session will end); once moved, it stays where they put it and `keep` stores it over the
    proposal that finishing wrote.
    """

    def __init__(self, target: StoreLike, athlete_id: int) -> None:
        self._target, self._athlete_id = target, athlete_id
        self.chosen: datetime | None = None

    def shown(self, now: datetime) -> datetime | None:
        """The time the summary shows now; None when the heavy session ends too late for one."""
        if self.chosen is not None:
            return self.chosen
        return propose_light_time(
            now.astimezone(), reminder_settings(self._target, self._athlete_id)
        )

    def move(self, steps: int, now: datetime) -> None:
        """The summary's + and - keys: half an hour later or earlier."""
        base = self.shown(now)
        if base is not None:
            self.chosen = nudge_light_time(base, now.astimezone(), steps)

    def keep(self, now: datetime) -> LightReminder | None:
        """After the session finished: store the moved time, if any, over the proposal."""
        stored = todays_light_session(self._target, self._athlete_id, now)
        if stored is None or self.chosen is None or self.chosen <= stored.heavy_ended_at:
            return stored
        kept = LightReminder(stored.athlete_id, stored.day, stored.heavy_ended_at, self.chosen)
        save_light_reminder(self._target, kept)
        return kept


def due_light_reminder(store: Store, now: datetime) -> datetime | None:
    """The current runner's light-session time today, while it still needs a reminder: not once
    a light session was started after the heavy one, nor on another day."""
    from desktop.gym.opening.equipment import current_owner

    owner = current_owner(store, now=lambda: now)
    stored = todays_light_session(store, owner.athlete_id, now) if owner is not None else None
    if stored is None:
        return None
    sessions = sessions_for_athlete(store, stored.athlete_id)
    if any(s.kind == "light" and s.started_at >= stored.heavy_ended_at for s in sessions):
        return None
    return stored.remind_at
