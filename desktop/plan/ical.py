"""The build-up as an iCalendar file: one all-day event per double day, with stable UIDs.

A UID names the athlete, the date and the run the day follows, so importing a newer export
updates the events already in the athlete's calendar instead of adding copies; days dropped by
a re-plan are exported as cancelled so that they disappear too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from icalendar import Alarm, Calendar, Event

from db.atomic import write_bytes_whole
from desktop.domain.buildup.model import After, BuildUp, PlannedDay
from desktop.plan.prescription_text import AFTER_WORDS, day_context, session_text

PRODID = "-//Cramproof//Build-up plan//EN"
UID_DOMAIN = "cramproof.org"
# SEQUENCE must grow with every revision for some calendar apps to accept an update; minutes
# since this epoch grow with every export and fit comfortably in the field.
_SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def event_uid(athlete_id: int, day: date, after: After) -> str:
    return f"{day:%Y%m%d}-{after.replace('_', '-')}-athlete{athlete_id}@{UID_DOMAIN}"


def build_calendar(
    build_up: BuildUp,
    *,
    athlete: str,
    athlete_id: int,
    now: datetime,
    cancelled: Iterable[tuple[date, After]] = (),
    light_at: Mapping[date, time] | None = None,
    usual_light_at: time | None = None,
) -> Calendar:
    """Every double day of the plan; conditional ones are tentative until the athlete accepts.

    Each day carries an alarm for its light session at `light_at[day]`, else `usual_light_at`
    (wall-clock times: the events are all-day, so the alarm is an offset from that day's start);
    none when neither is given.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Cramproof – {athlete}")
    sequence = int((now - _SEQUENCE_EPOCH).total_seconds() // 60)
    current = {(day.date, day.after) for day in build_up.days}
    for day in sorted(build_up.days, key=lambda d: (d.date, d.after)):
        event = _day_event(day, athlete_id=athlete_id, now=now, sequence=sequence)
        alarm_at = (light_at or {}).get(day.date, usual_light_at)
        if alarm_at is not None:
            event.add_component(_light_alarm(alarm_at))
        calendar.add_component(event)
    for when, after in sorted(set(cancelled) - current):
        event = _base_event(athlete_id, when, after, now=now, sequence=sequence)
        event.add("summary", f"Cancelled: strength double day after {AFTER_WORDS[after]}")
        event.add("status", "CANCELLED")
        calendar.add_component(event)
    return calendar


def calendar_bytes(build_up: BuildUp, **options: Any) -> bytes:
    """The calendar as .ics bytes; `options` are build_calendar's (athlete, athlete_id, now...)."""
    return build_calendar(build_up, **options).to_ical()


def write_calendar(path: Path, build_up: BuildUp, **options: Any) -> None:
    """Write the .ics file whole or not at all (a half-written file would import half a plan)."""
    write_bytes_whole(Path(path), calendar_bytes(build_up, **options))


def _base_event(
    athlete_id: int, when: date, after: After, *, now: datetime, sequence: int
) -> Event:
    event = Event()
    event.add("uid", event_uid(athlete_id, when, after))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("last-modified", now.astimezone(UTC))
    event.add("sequence", sequence)
    event.add("dtstart", when)
    event.add("dtend", when + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    return event


def _day_event(day: PlannedDay, *, athlete_id: int, now: datetime, sequence: int) -> Event:
    event = _base_event(athlete_id, day.date, day.after, now=now, sequence=sequence)
    title = f"Strength: heavy AM after {AFTER_WORDS[day.after]}, light PM"
    if day.conditional:
        title = f"{title} (if the gate opens)"
    event.add("summary", title)
    notes = [session_text(day.heavy, day.after), session_text(day.light, day.after)]
    notes.append(day_context(day))
    if day.conditional:
        notes.append(
            "Second double day: only once the first weeks went well and you accept it in Cramproof."
        )
    event.add("description", "\n\n".join(notes))
    event.add("status", "TENTATIVE" if day.conditional else "CONFIRMED")
    event.add("categories", ["Cramproof", "Strength"])
    return event


def _light_alarm(at: time) -> Alarm:
    """A display alarm at `at` on the event's day: an offset from the all-day event's start."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Light session at {at:%H:%M}")
    alarm.add(
        "trigger", timedelta(hours=at.hour, minutes=at.minute), parameters={"RELATED": "START"}
    )
    return alarm
