"""When to propose the light session of a double day: "later that day", after some recovery.

The protocol's light session comes "later the same day, slightly more recovered". Left vague, it
is the half of the double day most easily forgotten, so finishing the heavy session proposes a
time: a fixed delay after the heavy session ended, but never later than an evening cut-off, since
a reminder at 23:40 helps nobody. Both are settings. Times are wall-clock times in the runner's
own zone (aware or naive, as given): the cut-off is a time of day, not a duration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

DEFAULT_DELAY = timedelta(hours=6)
DEFAULT_LATEST = time(21, 0)
NUDGE = timedelta(minutes=30)
# What the settings dialog accepts: an hour's recovery at least, and a light session still on
# the heavy one's afternoon or evening; the model itself allows anything within the day.
DELAY_RANGE = (timedelta(hours=1), timedelta(hours=12))
LATEST_RANGE = (time(12, 0), time(23, 59))


@dataclass(frozen=True)
class LightReminderSettings:
    """How long after the heavy session to propose the light one, and the latest time of day."""

    delay: timedelta = DEFAULT_DELAY
    latest: time = DEFAULT_LATEST

    def __post_init__(self) -> None:
        # A zero or day-long delay would propose the light session now or tomorrow: neither is
        # "later that day", so such a setting is a mistake worth refusing where it is made.
        if not timedelta(0) < self.delay < timedelta(hours=24):
            raise ValueError(f"delay must be between 0 and 24 hours, not {self.delay}")


def settings_problem(delay: timedelta, latest: time) -> str | None:
    """Why the runner's chosen delay or cut-off is refused, in their words; None when fine."""
    if not DELAY_RANGE[0] <= delay <= DELAY_RANGE[1]:
        return "The light session comes 1 to 12 hours after the heavy one."
    if not LATEST_RANGE[0] <= latest <= LATEST_RANGE[1]:
        return "The latest time is between 12:00 and 23:59."
    return None


def _cut_off(heavy_end: datetime, settings: LightReminderSettings) -> datetime:
    """The latest allowed time on the heavy session's own day, in its zone."""
    return datetime.combine(heavy_end.date(), settings.latest, tzinfo=heavy_end.tzinfo)


def propose_light_time(
    heavy_end: datetime, settings: LightReminderSettings = LightReminderSettings()
) -> datetime | None:
    """The proposed start of the light session, or None when no time is left that day.

    The delay is clipped to the cut-off; a heavy session that ends at or after the cut-off
    leaves nothing "later that day" to propose (a time in the past would fire at once), so the
    caller shows no reminder and the half day keeps counting 0.5 until the light one is logged.
    """
    cut_off = _cut_off(heavy_end, settings)
    if heavy_end >= cut_off:
        return None
    return min(heavy_end + settings.delay, cut_off)


def nudge_light_time(
    proposed: datetime,
    heavy_end: datetime,
    steps: int,
) -> datetime:
    """Move the proposed time by `steps` half hours, staying after the heavy session and on its day.

    The runner may pick a time past the cut-off (it bounds only what is proposed, not what the
    runner chooses), but not one before the heavy session ended nor on another day: a light
    session tomorrow is no longer the second half of this double day.
    """
    # Bounds widen to include the current proposal, so a nudge never jumps past where it was.
    earliest = min(heavy_end + NUDGE, proposed)
    last = max(datetime.combine(heavy_end.date(), time(23, 30), tzinfo=heavy_end.tzinfo), proposed)
    return max(earliest, min(proposed + steps * NUDGE, last))
