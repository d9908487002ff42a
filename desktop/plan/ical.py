"""The build-up as an iCalendar file: one all-day event per double day, with stable UIDs.

A UID names the athlete, the date and the run the day follows, so importing a newer export
updates the events already in the athlete's calendar instead of adding copies; days dropped by
a re-plan are exported as cancelled so that they disappear too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from db.atomic import write_bytes_whole
from desktop.domain.model import After, BuildUp, PlannedDay
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
) -> Calendar:
    """Every double day of the plan; conditional ones are tentative until the athlete accepts."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Cramproof – {athlete}")
    sequence = int((now - _SEQUENCE_EPOCH).total_seconds() // 60)
    current = {(day.date, day.after) for day in build_up.days}
    for day in sorted(build_up.days, key=lambda d: (d.date, d.after)):
        calendar.add_component(_day_event(day, athlete_id=athlete_id, now=now, sequence=sequence))
    for when, after in sorted(set(cancelled) - current):
        event = _base_event(athlete_id, when, after, now=now, sequence=sequence)
        event.add("summary", f"Cancelled: strength double day after {AFTER_WORDS[after]}")
        event.add("status", "CANCELLED")
        calendar.add_component(event)
    return calendar


def calendar_bytes(
    build_up: BuildUp,
    *,
    athlete: str,
    athlete_id: int,
    now: datetime,
    cancelled: Iterable[tuple[date, After]] = (),
) -> bytes:
    calendar = build_calendar(
        build_up, athlete=athlete, athlete_id=athlete_id, now=now, cancelled=cancelled
    )
    return calendar.to_ical()


def write_calendar(
    path: Path,
    build_up: BuildUp,
    *,
    athlete: str,
    athlete_id: int,
    now: datetime,
    cancelled: Iterable[tuple[date, After]] = (),
) -> None:
    """Write the .ics file whole or not at all (a half-written file would import half a plan)."""
    data = calendar_bytes(
        build_up, athlete=athlete, athlete_id=athlete_id, now=now, cancelled=cancelled
    )
    write_bytes_whole(Path(path), data)


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
