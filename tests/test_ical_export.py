"""The calendar export: one event per double day, tentative second days, UIDs that update."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from db.store import Store
from desktop.domain.buildup.model import PlanSettings
from desktop.domain.buildup.plan import build_plan
from desktop.plan.ical import build_calendar, calendar_bytes, event_uid
from desktop.plan.planning import Planning
from tests.planning_support import (
    BEFORE_START,
    FORM,
    RACE,
    WEEK1,
    SettableClock,
    at_noon,
    open_test_store,
)


def events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_test_store(data_dir)
    yield opened
    opened.close()


def test_one_all_day_event_per_double_day_with_heavy_am_and_light_pm() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=BEFORE_START)
    found = events(calendar_bytes(plan, athlete="Ana", athlete_id=1, now=at_noon(BEFORE_START)))
    assert len(found) == len(plan.days) == 19
    first = found[0]
    assert first.decoded("dtstart") == WEEK1
    assert first.decoded("dtend") == WEEK1 + timedelta(days=1)
    assert str(first["summary"]) == "Strength: heavy AM after the long run, light PM"
    text = str(first["description"])
    assert "Heavy, right after the long run: 3 sets × 4–5 reps · rest 3:00–5:00" in text
    assert "Light, later the same day: 2 sets × 10–20 reps · rest 60–90 s" in text
    assert "Back squat" in text and "Bodyweight squat" in text and "Plank (30–60 s hold)" in text
    assert str(first["status"]) == "CONFIRMED"


def test_conditional_second_days_are_tentative() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=BEFORE_START)
    found = events(calendar_bytes(plan, athlete="Ana", athlete_id=1, now=at_noon(BEFORE_START)))
    speed = [e for e in found if "speed run" in str(e["summary"])]
    assert len(speed) == 8
    assert {str(e["status"]) for e in speed} == {"TENTATIVE"}
    assert all(str(e["summary"]).endswith("(if the gate opens)") for e in speed)


def test_uids_are_stable_and_a_later_export_has_a_higher_sequence() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=BEFORE_START)
    first = events(calendar_bytes(plan, athlete="Ana", athlete_id=7, now=at_noon(BEFORE_START)))
    later = at_noon(BEFORE_START + timedelta(days=3))
    second = events(calendar_bytes(plan, athlete="Ana", athlete_id=7, now=later))
    assert [str(e["uid"]) for e in first] == [str(e["uid"]) for e in second]
    assert len({str(e["uid"]) for e in first}) == len(first)
    assert str(first[0]["uid"]) == event_uid(7, WEEK1, "long_run")
    assert str(first[0]["uid"]) == "20270110-long-run-athlete7@cramproof.org"
    assert all(int(b["sequence"]) > int(a["sequence"]) for a, b in zip(first, second, strict=True))
    other = events(calendar_bytes(plan, athlete="Bo", athlete_id=8, now=later))
    assert not {str(e["uid"]) for e in first} & {str(e["uid"]) for e in other}


def test_days_dropped_by_a_re_plan_are_exported_as_cancelled() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=BEFORE_START)
    moved = (WEEK1, "long_run")
    calendar = build_calendar(
        plan,
        athlete="Ana",
        athlete_id=1,
        now=at_noon(BEFORE_START),
        cancelled=[moved, (WEEK1 - timedelta(days=1), "long_run")],
    )
    cancelled = [e for e in calendar.walk("VEVENT") if str(e["status"]) == "CANCELLED"]
    assert [e.decoded("dtstart") for e in cancelled] == [WEEK1 - timedelta(days=1)]


def test_planning_writes_the_saved_plan_to_a_file(store: Store, tmp_path: Path) -> None:
    clock = SettableClock(BEFORE_START)
    planning = Planning(store, now=clock)
    planning.set_up(FORM)
    clock.set_day(WEEK1 + timedelta(weeks=1, days=1))
    form = planning.current_form()
    assert form is not None
    planning.change_plan(replace(form, long_run_day=5, speed_day=1))
    target = tmp_path / "plan.ics"
    written = planning.export_calendar(target)
    found = events(target.read_bytes())
    live = [e for e in found if str(e["status"]) != "CANCELLED"]
    assert written == len(live)
    dates = [e.decoded("dtstart") for e in live]
    assert dates[:2] == [WEEK1, WEEK1 + timedelta(weeks=1)]
    assert all(d.weekday() in (5, 1) for d in dates[2:])
    gone = {e.decoded("dtstart") for e in found if str(e["status"]) == "CANCELLED"}
    assert date(2027, 1, 24) in gone and date(2027, 2, 3) in gone
    assert not list(tmp_path.glob(".*partial"))
