"""Weekly adherence against hand-computed weeks: both sessions, one, a day late, extras, taper."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.buildup.model import PlanSettings
from desktop.domain.progress.adherence import (
    Contribution,
    WeekSpan,
    build_up_adherence,
    build_up_weeks,
    calendar_weeks,
    colour_for,
    session_contributions,
    weekly_adherence,
)
from desktop.domain.progress.day_status import LoggedSession, PlannedSession

RACE = date(2027, 4, 18)  # a Sunday; week 1 starts Sunday 2027-01-10
LIFTS = ("back_squat", "conventional_deadlift", "reverse_lunge")
FULL = {"back_squat": 3, "conventional_deadlift": 3, "reverse_lunge": 3}
LIGHT = ("back_squat", "conventional_deadlift", "plank")
LIGHT_DONE = {"back_squat": 2, "conventional_deadlift": 2, "plank": 2}
SETTINGS = PlanSettings(race_date=RACE, weeks=14, long_run_day=6, speed_day=2)
WEEKS = build_up_weeks(SETTINGS)


def sunday(week: int) -> date:
    return WEEKS[week - 1].start


def wednesday(week: int) -> date:
    return WEEKS[week - 1].start + timedelta(days=3)


def double_day(day_id: int, day: date, *, conditional: bool = False) -> list[PlannedSession]:
    return [
        PlannedSession(day_id, day, "heavy", LIFTS, 3, conditional),
        PlannedSession(day_id, day, "light", LIGHT, 2, conditional),
    ]


def heavy(day: date, *, link: int | None = None, sets: dict[str, int] = FULL) -> LoggedSession:
    return LoggedSession(day, "heavy", link, sets)


def light(day: date, *, link: int | None = None) -> LoggedSession:
    return LoggedSession(day, "light", link, LIGHT_DONE)


PLANNED = [
    *double_day(1, sunday(1)),
    *double_day(2, sunday(2)),
    *double_day(3, sunday(3)),
    *double_day(4, sunday(4)),
    *double_day(5, wednesday(4)),
    *double_day(6, sunday(5)),
    *double_day(7, wednesday(5)),
    *double_day(8, sunday(6)),
    *double_day(9, wednesday(6), conditional=True),
    *double_day(10, sunday(7)),
    *double_day(11, wednesday(7)),
    *double_day(12, sunday(8)),
]
LOGGED = [
    heavy(sunday(1), link=1),  # week 1: both sessions
    light(sunday(1), link=1),
    heavy(sunday(2), link=2),  # week 2: the heavy session only
    heavy(sunday(3) + timedelta(days=1)),  # week 3: both a day late, not linked
    light(sunday(3) + timedelta(days=1)),
    heavy(sunday(4), link=4),  # week 4: long-run day done, speed day missed...
    light(sunday(4), link=4),
    heavy(sunday(4) + timedelta(days=5)),  # ...and an unplanned heavy session on Friday
    heavy(sunday(6), link=8),  # week 6: the firm day done, the conditional one too
    light(sunday(6), link=8),
    heavy(wednesday(6)),
    light(wednesday(6)),
    heavy(sunday(7), sets={"back_squat": 3, "conventional_deadlift": 2}),  # week 7: too few sets
]
TODAY = wednesday(7)  # week 7: Sunday settled (partly), today's double day still open


@pytest.fixture(scope="module")
def weeks():
    return weekly_adherence(WEEKS, PLANNED, LOGGED, today=TODAY)


def test_build_up_has_fourteen_weeks_counted_down_with_phases() -> None:
    assert len(WEEKS) == 14
    assert WEEKS[0].start == RACE - timedelta(days=98)
    assert WEEKS[-1].end == RACE - timedelta(days=1)
    assert [w.weeks_out for w in WEEKS] == list(range(14, 0, -1))
    assert [w.phase for w in WEEKS] == ["phase1"] * 3 + ["phase2"] * 8 + ["taper"] * 3


def test_a_week_with_both_sessions_is_full_and_green(weeks) -> None:
    week = weeks[0]
    assert (week.planned, week.settled, week.done, week.ratio) == (1, 1, 1.0, 1.0)
    assert week.colour == "green" and week.state == "past"


def test_a_week_with_one_session_counts_half(weeks) -> None:
    week = weeks[1]
    assert (week.done, week.ratio, week.colour) == (0.5, 0.5, "yellow")


def test_sessions_a_day_late_count_for_their_day(weeks) -> None:
    week = weeks[2]
    assert (week.done, week.ratio, week.extra, week.colour) == (1.0, 1.0, 0, "green")


def test_an_unplanned_session_is_extra_and_does_not_raise_adherence(weeks) -> None:
    week = weeks[3]
    assert (week.planned, week.done, week.ratio, week.extra) == (2, 1.0, 0.5, 1)
    assert week.colour == "yellow"


def test_a_missed_week_is_red(weeks) -> None:
    week = weeks[4]
    assert (week.planned, week.done, week.ratio, week.colour) == (2, 0.0, 0.0, "red")


def test_training_on_a_conditional_day_is_extra_not_planned(weeks) -> None:
    week = weeks[5]
    assert (week.planned, week.done, week.ratio, week.extra) == (1, 1.0, 1.0, 2)


def test_the_current_week_only_counts_days_whose_time_is_up(weeks) -> None:
    week = weeks[6]
    assert week.state == "current"
    # Sunday's heavy session had 2 deadlift sets (partly): no credit; Wednesday is still open.
    assert (week.planned, week.settled, week.done, week.ratio) == (2, 1, 0.0, 0.0)
    assert week.colour == "red"


def test_future_and_taper_weeks(weeks) -> None:
    assert [w.state for w in weeks[7:]] == ["future"] * 7
    assert all(w.colour == "grey" and w.ratio is None for w in weeks[7:])
    assert [w.planned for w in weeks[11:]] == [0, 0, 0]
    assert all(w.cumulative is None for w in weeks[7:])


def test_cumulative_adherence_adds_up_the_settled_days(weeks) -> None:
    # done: 1 + 0.5 + 1 + 1 + 0 + 1 + 0 = 4.5 over settled days 1+1+1+2+2+1+1 = 9
    expected = [1 / 1, 1.5 / 2, 2.5 / 3, 3.5 / 5, 3.5 / 7, 4.5 / 8, 4.5 / 9]
    assert [w.cumulative for w in weeks[:7]] == pytest.approx(expected)
    assert build_up_adherence(weeks) == pytest.approx(0.5)


def test_a_double_day_done_today_counts_at_once() -> None:
    logged = [*LOGGED, heavy(TODAY), light(TODAY)]
    week = weekly_adherence(WEEKS, PLANNED, logged, today=TODAY)[6]
    assert (week.settled, week.done, week.ratio) == (2, 1.0, 0.5)


def test_a_current_week_with_nothing_settled_is_pending_grey() -> None:
    today = sunday(8)
    week = weekly_adherence(WEEKS, PLANNED, LOGGED, today=today)[7]
    assert (week.state, week.settled, week.ratio, week.colour) == ("current", 0, None, "grey")


def test_no_plan_means_no_adherence() -> None:
    assert build_up_adherence(weekly_adherence(WEEKS, [], [], today=TODAY)) is None


@pytest.mark.parametrize(
    ("ratio", "future", "colour"),
    [
        (1.0, False, "green"),
        (0.8, False, "green"),
        (0.79, False, "yellow"),
        (0.5, False, "yellow"),
        (0.49, False, "red"),
        (0.0, False, "red"),
        (None, False, "none"),
        (1.0, True, "grey"),
    ],
)
def test_colours_follow_the_compliance_thresholds(
    ratio: float | None, future: bool, colour: str
) -> None:
    assert colour_for(ratio, future=future) == colour


def test_calendar_weeks_end_with_the_week_holding_the_day() -> None:
    weeks = calendar_weeks(date(2027, 2, 3), count=3)  # a Wednesday
    assert [w.start for w in weeks] == [date(2027, 1, 18), date(2027, 1, 25), date(2027, 2, 1)]
    assert weeks[-1].end == date(2027, 2, 7)
    assert all(isinstance(w, WeekSpan) and w.phase is None for w in weeks)


def test_each_logged_session_knows_what_it_counts_for() -> None:
    contributions = session_contributions(PLANNED, LOGGED, today=TODAY)
    by_session = list(zip(LOGGED, contributions, strict=True))
    assert by_session[0][1] == Contribution(sunday(1), "done", 0.5)
    late = by_session[3][1]
    assert (late.planned_date, late.status, late.credit) == (sunday(3), "done", 0.5)
    extra = by_session[7][1]  # the unplanned Friday session
    assert (extra.planned_date, extra.status, extra.credit) == (None, None, 0.0)
    conditional = by_session[10][1]  # trained on a second day never accepted
    assert conditional.planned_date is None
    partly = by_session[12][1]
    assert (partly.planned_date, partly.status, partly.credit) == (sunday(7), "partly", 0.0)


def test_a_restarted_session_is_credited_once() -> None:
    logged = [heavy(sunday(1), link=1, sets={"back_squat": 3}), heavy(sunday(1), link=1)]
    first, second = session_contributions(PLANNED, logged, today=TODAY)
    assert (first.status, first.credit) == ("done", 0.5)
    assert (second.status, second.credit) == ("done", 0.0)
