"""The calendar's light-session alarms ring when the app's own reminder would: the runner's delay
after the heavy session, never after their latest time; counted from the real end of a heavy
session already lifted, or from the expected end of one still to come."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from db.athletes import list_athletes
from db.records import Athlete
from db.store import Store
from desktop.gym.opening.start import start_workout
from desktop.plan.calendar_export import export_plan_calendar
from desktop.plan.light_session import save_reminder_settings, todays_light_session
from desktop.plan.planning import Planning
from tests.fake_clock import FakeClock
from tests.gym_support import lift_set
from tests.local_zone import local_time
from tests.planning_support import BEFORE_START, FORM, WEEK1, SettableClock, open_test_store

AFTER_RACE = datetime(2027, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """Ana's 14-week build-up (19 double days from 10 January 2027), nothing lifted yet."""
    opened = open_test_store(data_dir)
    Planning(opened, now=SettableClock(BEFORE_START)).set_up(FORM)
    yield opened
    opened.close()


def ana(store: Store) -> Athlete:
    [athlete] = list_athletes(store)
    return athlete


def ana_id(store: Store) -> int:
    return ana(store).id


def exported_alarms(store: Store, out: Path, *, now: datetime) -> dict:
    """Each double day's alarms, as (time of day, words), parsed from the written .ics file."""
    assert export_plan_calendar(store, ana(store), out, now=now) == 19
    found = {}
    for event in Calendar.from_ical(out.read_bytes()).walk("VEVENT"):
        assert event.decoded("dtstart") not in found
        found[event.decoded("dtstart")] = [
            (alarm.decoded("trigger"), str(alarm["description"]))
            for alarm in event.walk("VALARM")
            if alarm["trigger"].params.get("RELATED", "START") == "START"
        ]
    return found


def at(hour: int, minute: int = 0) -> list[tuple[timedelta, str]]:
    return [(timedelta(hours=hour, minutes=minute), f"Light session at {hour:02}:{minute:02}")]


@pytest.mark.parametrize(
    ("hours", "latest", "rings"),
    [
        (None, None, at(17)),  # the defaults: 6 hours after a heavy session ending at 11:00
        (8.0, time(21), at(19)),
        (5.5, time(21), at(16, 30)),
        (11.0, time(21), at(21)),  # 22:00 is past the 21:00 cut-off: the cut-off it is
        (6.0, time(16, 30), at(16, 30)),  # the runner's own cut-off
    ],
)
def test_days_to_come_ring_at_the_runners_delay_never_past_their_latest_time(
    store: Store, tmp_path: Path, hours: float | None, latest: time | None, rings: list
) -> None:
    if hours is not None and latest is not None:
        delay = timedelta(hours=hours)
        assert save_reminder_settings(store, ana_id(store), delay=delay, latest=latest) is None
    found = exported_alarms(store, tmp_path / "plan.ics", now=local_time(BEFORE_START, 12))
    assert len(found) == 19
    assert all(alarms == rings for alarms in found.values()), found


def finish_heavy(store: Store, *, ends_at: datetime) -> None:
    """A heavy session on its planned day, one set lifted, finished at `ends_at` as gym mode
    finishes it (which stores the app's light-session reminder, when there is time for one)."""
    clock = FakeClock(start=5000.0, wall=ends_at - timedelta(seconds=30))
    session = start_workout(store, clock=clock, kind="heavy")
    lift_set(session, clock)
    session.end_early()
    session.confirm()
    assert session.finish(notes="")


def test_a_lifted_day_rings_from_its_real_end_and_later_days_follow_it(
    store: Store, tmp_path: Path
) -> None:
    finish_heavy(store, ends_at=local_time(WEEK1, 12, 15))
    reminder = todays_light_session(store, ana_id(store), local_time(WEEK1, 13))
    assert reminder is not None and reminder.remind_at == local_time(WEEK1, 18, 15)
    found = exported_alarms(store, tmp_path / "plan.ics", now=local_time(WEEK1, 13))
    assert found[WEEK1] == at(18, 15), "the app's reminder and the calendar agree"
    later = [alarms for day, alarms in found.items() if day > WEEK1]
    assert all(alarms == at(18, 15) for alarms in later), "the runner's usual heavy end, + 6 h"


def test_a_heavy_session_ending_past_the_cut_off_rings_for_nothing_that_day(
    store: Store, tmp_path: Path
) -> None:
    finish_heavy(store, ends_at=local_time(WEEK1, 21, 10))
    assert todays_light_session(store, ana_id(store), local_time(WEEK1, 22)) is None
    found = exported_alarms(store, tmp_path / "plan.ics", now=AFTER_RACE)
    assert found[WEEK1] == [], "no time is left that day: the app reminds of nothing either"
    assert all(alarms == at(17) for day, alarms in found.items() if day > WEEK1)


def test_today_rings_for_nothing_once_past_or_while_a_late_heavy_session_is_open(
    store: Store, tmp_path: Path
) -> None:
    """Exported at 23:14 with the heavy session still on its summary (not finished), today had
    an alarm at 17:00 or 21:00, already past: a phone may ring it at once on import."""
    clock = FakeClock(start=5000.0, wall=local_time(WEEK1, 23, 13))
    session = start_workout(store, clock=clock, kind="heavy")
    lift_set(session, clock)
    session.end_early()
    found = exported_alarms(store, tmp_path / "late.ics", now=local_time(WEEK1, 23, 14))
    assert found[WEEK1] == [], found[WEEK1]
    assert all(alarms == at(17) for day, alarms in found.items() if day > WEEK1)


def test_a_light_time_already_past_today_is_left_out_of_the_export(
    store: Store, tmp_path: Path
) -> None:
    finish_heavy(store, ends_at=local_time(WEEK1, 12, 15))
    found = exported_alarms(store, tmp_path / "plan.ics", now=local_time(WEEK1, 18, 30))
    assert found[WEEK1] == [], "18:15 is past at 18:30"
    assert all(alarms == at(18, 15) for day, alarms in found.items() if day > WEEK1)
