"""Finishing a heavy session stores the light session's time later that day; the runner moves it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

import pytest

from db.light_reminders import LightReminder, light_reminder, save_light_reminder
from db.sessions import get_session
from db.settings import set_setting
from db.store import Store
from desktop.gym.closing.light_time import move_light_session
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import WorkoutSession
from desktop.plan.light_session import (
    DELAY_KEY,
    LATEST_KEY,
    light_session_text,
    parse_reminder_settings,
    todays_light_session,
)
from tests.fake_clock import FakeClock
from tests.gym_support import end_rest, lift_set, local_day, plan_for_today
from tests.local_zone import local_time, local_zone


@pytest.fixture(autouse=True)
def berlin() -> Iterator[None]:
    """The runner's wall clock is not UTC: the 21:00 cut-off is theirs, not the log's."""
    with local_zone("Europe/Berlin"):
        yield


def finish(store: Store, clock: FakeClock, kind: str = "heavy") -> WorkoutSession:
    session = start_workout(store, clock=clock, kind=kind)
    lift_set(session, clock)
    end_rest(session, clock, seconds=200)
    session.end_early()
    session.confirm()
    assert session.finish(notes="")
    return session


def local(clock: FakeClock, hour: int, minute: int = 0) -> datetime:
    return local_time(local_day(clock), hour, minute)


def test_finishing_the_heavy_session_proposes_six_hours_later(
    store: Store, clock: FakeClock
) -> None:
    athlete, _ = plan_for_today(store, clock)
    clock.set_wall(local(clock, 11, 25))
    session = finish(store, clock)
    reminder = todays_light_session(store, athlete, clock.wall())
    assert reminder is not None
    ended = get_session(store, session.session_id).ended_at
    assert ended is not None and reminder.heavy_ended_at == ended
    assert reminder.remind_at == ended + timedelta(hours=6)
    assert (
        light_session_text(reminder) == f"Light session at {reminder.remind_at.astimezone():%H:%M}"
    )


def test_a_late_heavy_session_is_clipped_to_the_evening_cut_off(
    store: Store, clock: FakeClock
) -> None:
    athlete, _ = plan_for_today(store, clock)
    clock.set_wall(local(clock, 18, 0))
    finish(store, clock)
    reminder = todays_light_session(store, athlete, clock.wall())
    assert reminder is not None and light_session_text(reminder) == "Light session at 21:00"


@pytest.mark.parametrize(("start", "expected"), [(9, "13"), (17, "20")])
def test_the_settings_change_the_proposal(
    store: Store, clock: FakeClock, start: int, expected: str
) -> None:
    athlete, _ = plan_for_today(store, clock)
    set_setting(store, DELAY_KEY, "240", athlete_id=athlete)
    set_setting(store, LATEST_KEY, "20:00", athlete_id=athlete)
    clock.set_wall(local(clock, start, 0))
    finish(store, clock)
    text = light_session_text(todays_light_session(store, athlete, clock.wall()))
    assert text.startswith(f"Light session at {expected}:0")


def test_a_light_session_proposes_nothing(store: Store, clock: FakeClock) -> None:
    athlete, _ = plan_for_today(store, clock)
    clock.set_wall(local(clock, 10, 0))
    finish(store, clock, kind="light")
    assert todays_light_session(store, athlete, clock.wall()) is None


def test_moving_it_is_stored_and_stays_after_the_heavy_session(
    store: Store, clock: FakeClock
) -> None:
    athlete, _ = plan_for_today(store, clock)
    clock.set_wall(local(clock, 11, 30))
    finish(store, clock)
    reminder = todays_light_session(store, athlete, clock.wall())
    assert reminder is not None
    later = move_light_session(store, reminder, 1)
    assert later.remind_at - reminder.remind_at == timedelta(minutes=30)
    assert todays_light_session(store, athlete, clock.wall()) == later
    earliest = move_light_session(store, later, -100)
    assert earliest.remind_at == reminder.heavy_ended_at + timedelta(minutes=30)


def test_the_table_refuses_a_light_session_before_the_heavy_one(
    store: Store, clock: FakeClock
) -> None:
    athlete, _ = plan_for_today(store, clock)
    ended = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="after the heavy session"):
        save_light_reminder(store, LightReminder(athlete, ended.date(), ended, ended))
    assert light_reminder(store, athlete, ended.date()) is None


@pytest.mark.parametrize(
    ("hours", "latest", "why"),
    [
        ("six", "21:00", "Hours after the heavy session: a number such as 6 or 5.5."),
        ("nan", "21:00", "The light session comes 1 to 12 hours after the heavy one."),
        ("0.5", "21:00", "The light session comes 1 to 12 hours after the heavy one."),
        ("12.5", "21:00", "The light session comes 1 to 12 hours after the heavy one."),
        ("6", "9pm", "No later than: a time such as 21:00."),
        ("6", "11:59", "The latest time is between 12:00 and 23:59."),
        ("6", "24:00", "No later than: a time such as 21:00."),
    ],
)
def test_reminder_settings_outside_their_ranges_are_refused(
    hours: str, latest: str, why: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(why)):
        parse_reminder_settings(hours, latest)


@pytest.mark.parametrize(
    ("hours", "latest", "expected"),
    [
        ("1", "12:00", (timedelta(hours=1), time(12, 0))),
        ("12", "23:59", (timedelta(hours=12), time(23, 59))),
        ("5,5", "20:30", (timedelta(hours=5.5), time(20, 30))),
    ],
)
def test_reminder_settings_at_their_bounds_are_kept(
    hours: str, latest: str, expected: tuple[timedelta, time]
) -> None:
    assert parse_reminder_settings(hours, latest) == expected
