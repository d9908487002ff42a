"""The light session "later that day", from the heavy session's close: propose its time when
the session ends, move it from the summary, and say when it is due for the reminder.

The rule is `desktop.domain.buildup.light_reminder`; the runner's settings and the times the
plan reads are `desktop.plan.light_session`. What is decided here is stored through
`db.light_reminders`, so the summary, the Plan screen and the welcome page agree.
"""

from __future__ import annotations

from datetime import datetime

from db.connection import StoreLike
from db.light_reminders import LightReminder, save_light_reminder
from db.sessions import sessions_for_athlete
from db.store import Store
from desktop.domain.buildup.light_reminder import nudge_light_time, propose_light_time
from desktop.plan.light_session import reminder_settings, todays_light_session


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
