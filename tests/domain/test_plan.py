"""The build-up on worked examples: week geometry, phases, double days, late start, validation."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.domain.buildup.model import (
    HEAVY_CUE,
    LIGHT_CUE,
    PlanInputError,
    PlanSettings,
    SecondDayState,
)
from desktop.domain.buildup.plan import build_plan, in_taper, parse_date, parse_weekday, replan

RACE = date(2027, 4, 18)  # a Sunday
EARLY = date(2026, 12, 1)


def test_fourteen_week_example_matches_the_protocol() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=EARLY)
    assert [(w.number, w.weeks_out) for w in plan.weeks] == [(k, 15 - k) for k in range(1, 15)]
    first, last = plan.weeks[0], plan.weeks[-1]
    assert (first.start, first.end) == (date(2027, 1, 10), date(2027, 1, 16))
    assert (last.start, last.end) == (date(2027, 4, 11), date(2027, 4, 17))
    assert [w.phase for w in plan.weeks] == ["phase1"] * 3 + ["phase2"] * 8 + ["taper"] * 3
    assert plan.warning is None and plan.reason is None


def test_phase_one_has_one_long_run_day_with_three_heavy_sets() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=EARLY)
    for week in plan.weeks[:3]:
        (day,) = week.days
        assert day.after == "long_run" and not day.conditional
        assert day.date.weekday() == 6
        assert (day.heavy.sets, day.light.sets) == (3, 2)


def test_phase_two_adds_a_conditional_speed_day_with_four_heavy_sets() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=EARLY)
    week4 = plan.weeks[3]
    assert [(d.date, d.after, d.conditional) for d in week4.days] == [
        (date(2027, 1, 31), "long_run", False),
        (date(2027, 2, 3), "speed_run", True),
    ]
    assert all(d.heavy.sets == 4 for d in week4.days)


def test_taper_weeks_are_listed_without_days() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=EARLY)
    assert [len(w.days) for w in plan.weeks[-3:]] == [0, 0, 0]
    assert max(d.date for d in plan.days) < RACE - timedelta(days=21)


def test_sessions_carry_the_protocol_prescription() -> None:
    day = build_plan(PlanSettings(race_date=RACE), today=EARLY).days[0]
    assert (day.heavy.kind, day.heavy.reps, day.heavy.rest_s, day.heavy.cue) == (
        "heavy",
        (4, 5),
        (180, 300),
        HEAVY_CUE,
    )
    assert (day.light.kind, day.light.reps, day.light.rest_s, day.light.cue) == (
        "light",
        (10, 20),
        (60, 90),
        LIGHT_CUE,
    )
    assert day.heavy.exercises == ("back_squat", "conventional_deadlift", "reverse_lunge")
    assert day.light.exercises[:3] == day.heavy.exercises
    assert "plank" in day.light.exercises


def test_settings_change_sets_and_phase_lengths() -> None:
    settings = PlanSettings(
        race_date=RACE, weeks=16, phase1_weeks=2, heavy_sets_phase1=4, heavy_sets_later=6
    )
    plan = build_plan(settings, today=EARLY)
    assert plan.weeks[0].start == date(2026, 12, 27)
    assert [w.phase for w in plan.weeks[:3]] == ["phase1", "phase1", "phase2"]
    assert [d.heavy.sets for d in plan.weeks[1].days + plan.weeks[2].days] == [4, 6, 6]


def test_second_day_is_firm_only_after_gate_open_and_accepted() -> None:
    settings = PlanSettings(race_date=RACE)
    opened = SecondDayState(gate_open_from=date(2027, 2, 7), accepted_from=date(2027, 2, 8))
    speed_days = [d for d in build_plan(settings, today=EARLY, second_day=opened).days]
    firm = [d.date for d in speed_days if d.after == "speed_run" and not d.conditional]
    assert firm[0] == date(2027, 2, 10)
    assert all(day >= date(2027, 2, 8) for day in firm)
    for state in (
        SecondDayState(gate_open_from=date(2027, 2, 7)),
        SecondDayState(accepted_from=date(2027, 2, 7)),
        replace(opened, declined=True),
    ):
        plan = build_plan(settings, today=EARLY, second_day=state)
        assert all(d.conditional for d in plan.days if d.after == "speed_run")


def test_late_start_drops_weeks_over_and_days_before_today() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=date(2027, 2, 1))
    assert plan.weeks[0].number == 4
    assert [d.date for d in plan.weeks[0].days] == [date(2027, 2, 3)]
    assert plan.warning is not None and "the 3 weeks already over" in plan.warning
    assert plan.reason is None


def test_starting_on_week_one_day_one_is_not_late() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=date(2027, 1, 10))
    assert plan.warning is None
    assert plan.days[0].date == date(2027, 1, 10)


def test_no_non_taper_week_left_means_no_days_and_a_reason() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=date(2027, 3, 28))
    assert plan.days == ()
    assert [w.phase for w in plan.weeks] == ["taper"] * 3
    assert plan.reason is not None and "2027-03-28" in plan.reason


def test_race_day_itself_plans_nothing() -> None:
    plan = build_plan(PlanSettings(race_date=RACE), today=RACE)
    assert plan.weeks == () and plan.reason is not None


def test_replan_keeps_past_days_and_moves_the_future() -> None:
    old = build_plan(PlanSettings(race_date=RACE), today=EARLY)
    today = date(2027, 2, 1)
    new = replan(old, PlanSettings(race_date=RACE, long_run_day=5, speed_day=1), today=today)
    assert new.history == tuple(d for d in old.days if d.date < today)
    assert all(d.date >= today for w in new.weeks for d in w.days)
    assert {d.date.weekday() for w in new.weeks for d in w.days} == {5, 1}
    assert new.warning is None


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"weeks": 13}, "14, 15 or 16"),
        ({"weeks": 17}, "14, 15 or 16"),
        ({"long_run_day": 2, "speed_day": 2}, "different days"),
        ({"long_run_day": 7}, "0 (Monday) to 6"),
        ({"cramp_sites": ("elbow",)}, "Unknown cramp site"),
        ({"cramp_sites": ("none", "calf")}, "cannot be combined"),
        ({"units": "stone"}, "kg or lb"),
        ({"heavy_sets_later": 7}, "3 to 6"),
        ({"heavy_sets_phase1": 2}, "3 to 6"),
        ({"light_sets": 5}, "1 to 4"),
        ({"light_sets": 0}, "1 to 4"),
        ({"phase1_weeks": 12}, "do not fit"),
        ({"heavy_reps": (5, 4)}, "low to high"),
    ],
)
def test_invalid_settings_raise_a_one_line_message(changes: dict, fragment: str) -> None:
    with pytest.raises(PlanInputError, match=re.escape(fragment)) as caught:
        PlanSettings(race_date=RACE, **changes)
    assert "\n" not in str(caught.value)


def test_boundary_settings_are_accepted() -> None:
    for weeks in (14, 15, 16):
        PlanSettings(race_date=RACE, weeks=weeks, heavy_sets_later=6, light_sets=4)
    PlanSettings(race_date=RACE, heavy_sets_later=3, light_sets=1, cramp_sites=("calf", "quad"))


def test_race_date_before_today_is_rejected_but_today_is_not() -> None:
    with pytest.raises(PlanInputError, match="in the past"):
        build_plan(PlanSettings(race_date=RACE), today=RACE + timedelta(days=1))
    build_plan(PlanSettings(race_date=RACE), today=RACE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-04-18", date(2027, 4, 18)),
        (" 2028-02-29 ", date(2028, 2, 29)),
        ("2027-01-01", date(2027, 1, 1)),
    ],
)
def test_parse_date_reads_iso_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "tomorrow", "2027-4-18", "18/04/2027", "20270418", "2027-02-29", "2027-13-01"]
)
def test_parse_date_rejects_anything_else(text: str) -> None:
    with pytest.raises(PlanInputError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon", 0),
        ("Tue", 1),
        ("WED", 2),
        ("thursday", 3),
        ("Friday", 4),
        ("sat", 5),
        ("SUNDAY", 6),
        (" sun ", 6),
        ("thurs", 3),
    ],
)
def test_parse_weekday_reads_short_and_full_names(text: str, expected: int) -> None:
    assert parse_weekday(text) == expected


@pytest.mark.parametrize("text", ["", "m", "su", "sunday!", "funday", "7", "0"])
def test_parse_weekday_rejects_anything_else(text: str) -> None:
    with pytest.raises(PlanInputError, match="weekday"):
        parse_weekday(text)


def test_the_taper_runs_from_three_weeks_out_to_race_day() -> None:
    settings = PlanSettings(race_date=RACE)
    assert not in_taper(settings, RACE - timedelta(days=22))
    assert in_taper(settings, RACE - timedelta(days=21)), "none on or after race - 21 days"
    assert in_taper(settings, RACE)
    assert not in_taper(settings, RACE + timedelta(days=1)), "the build-up is over"
    planned = build_plan(settings, today=EARLY).days
    assert planned and not any(in_taper(settings, day.date) for day in planned)
