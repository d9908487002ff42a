"""The second-day gate on a table of cases, boundaries of the window and of the one-day slack."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.buildup.gate import CheckIn, GateStatus, evaluate_gate

WEEK_START = date(2027, 2, 21)  # the week being judged; the window is Jan 31 .. Feb 20
WINDOW = [date(2027, 1, 31), date(2027, 2, 7), date(2027, 2, 14)]
SUNDAYS = list(WINDOW)
CLEAN = [CheckIn(start, pain=False, recovered=True) for start in WINDOW]


def d(month: int, day: int) -> date:
    return date(2027, month, day)


def gate(planned: list[date], done: list[date], checkins: list[CheckIn] = CLEAN) -> GateStatus:
    return evaluate_gate(
        week_start=WEEK_START, planned_heavy=planned, done_heavy=set(done), checkins=checkins
    )


@pytest.mark.parametrize(
    ("planned", "done", "is_open", "reason"),
    [
        (SUNDAYS, SUNDAYS, True, None),
        (SUNDAYS, [d(2, 1), d(2, 8), d(2, 15)], True, None),
        (SUNDAYS, [d(1, 30), d(2, 6), d(2, 13)], True, None),
        (SUNDAYS, [d(1, 31), d(2, 7), d(2, 16)], False, "Sunday 14 February was not done"),
        (SUNDAYS, [d(1, 31), d(2, 7), d(2, 12)], False, "Sunday 14 February was not done"),
        (SUNDAYS, [d(1, 31), d(2, 7)], False, "Sunday 14 February was not done"),
        ([*SUNDAYS, d(2, 17)], SUNDAYS, False, "Wednesday 17 February was not done"),
        ([*SUNDAYS, d(2, 17)], [*SUNDAYS, d(2, 18)], True, None),
        ([*SUNDAYS, d(2, 15)], SUNDAYS, False, "Monday 15 February was not done"),
        ([*SUNDAYS, d(2, 15)], [d(1, 31), d(2, 7), d(2, 15), d(2, 16)], True, None),
        ([*SUNDAYS, d(2, 15)], [d(1, 31), d(2, 7), d(2, 13), d(2, 14)], True, None),
        ([*SUNDAYS, d(2, 20)], [*SUNDAYS, d(2, 21)], True, None),
        ([*SUNDAYS, d(2, 20)], SUNDAYS, False, "Saturday 20 February was not done"),
        ([d(1, 24), *SUNDAYS], SUNDAYS, True, None),
        ([*SUNDAYS, d(2, 21)], SUNDAYS, True, None),
        ([d(2, 7), d(2, 14)], [d(2, 7), d(2, 14)], False, "week of Sunday 31 January"),
        ([], [], False, "No heavy session was planned"),
    ],
)
def test_gate_judges_the_heavy_sessions_of_the_last_three_weeks(
    planned: list[date], done: list[date], is_open: bool, reason: str | None
) -> None:
    status = gate(planned, done)
    assert status.open is is_open
    if reason is None:
        assert status.reasons == []
    else:
        assert any(reason in line for line in status.reasons), status.reasons


@pytest.mark.parametrize(
    ("checkins", "is_open", "reason"),
    [
        (CLEAN, True, None),
        (CLEAN[:2], False, "No weekly check-in for the week of Sunday 14 February"),
        (CLEAN[1:], False, "No weekly check-in for the week of Sunday 31 January"),
        ([], False, "No weekly check-in"),
        ([*CLEAN[:2], CheckIn(WINDOW[2], pain=True, recovered=True)], False, "Pain"),
        ([*CLEAN[:2], CheckIn(WINDOW[2], pain=False, recovered=False)], False, "Recovery"),
        ([CheckIn(WINDOW[0], pain=True, recovered=False), *CLEAN], True, None),
        ([*CLEAN, CheckIn(WINDOW[0], pain=True, recovered=True)], False, "Pain"),
        ([*CLEAN[:2], CheckIn(WEEK_START, pain=False, recovered=True)], False, "14 February"),
        ([*CLEAN, CheckIn(d(1, 24), pain=True, recovered=False)], True, None),
        ([*CLEAN, CheckIn(WEEK_START, pain=True, recovered=False)], True, None),
    ],
)
def test_gate_needs_a_clean_check_in_for_each_week(
    checkins: list[CheckIn], is_open: bool, reason: str | None
) -> None:
    status = gate(SUNDAYS, SUNDAYS, checkins)
    assert status.open is is_open
    if reason is not None:
        assert any(reason in line for line in status.reasons), status.reasons


def test_every_problem_is_reported_not_just_the_first() -> None:
    checkins = [CheckIn(WINDOW[1], pain=True, recovered=False)]
    status = gate(SUNDAYS, [d(1, 31)], checkins)
    assert len(status.reasons) == 5
    assert not status.open


def test_gate_is_rechecked_each_week_on_a_moving_window() -> None:
    planned = [*SUNDAYS, d(2, 21)]
    checkins = [*CLEAN, CheckIn(d(2, 21), pain=True, recovered=True)]
    assert gate(planned, SUNDAYS, checkins).open
    later = evaluate_gate(
        week_start=WEEK_START + timedelta(days=7),
        planned_heavy=planned,
        done_heavy=SUNDAYS,
        checkins=checkins,
    )
    assert not later.open
    assert any("Sunday 21 February was not done" in line for line in later.reasons)
    assert any("Pain" in line for line in later.reasons)
