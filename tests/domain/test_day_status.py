"""Day status on tables: the done threshold, the one-day slack, linking, restarts, day rollup."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.progress.day_status import (
    LoggedSession,
    PlannedSession,
    counts_as_done,
    day_credit,
    day_status,
    match_sessions,
    session_statuses,
)

SUNDAY = date(2027, 1, 31)
HEAVY = PlannedSession(1, SUNDAY, "heavy", ("back_squat", "conventional_deadlift", "lunge"), 4)
LIGHT = PlannedSession(1, SUNDAY, "light", ("back_squat", "conventional_deadlift", "plank"), 2)


def sets(squat: int, deadlift: int, **more: int) -> dict[str, int]:
    return {"back_squat": squat, "conventional_deadlift": deadlift, **more}


@pytest.mark.parametrize(
    ("planned", "work", "done"),
    [
        (HEAVY, sets(3, 3), True),
        (HEAVY, sets(4, 4), True),
        (HEAVY, sets(3, 2), False),
        (HEAVY, sets(2, 3), False),
        (HEAVY, sets(6, 0, reverse_lunge=6), False),
        (HEAVY, {}, False),
        (LIGHT, sets(2, 2), True),
        (LIGHT, sets(2, 1), False),
        (PlannedSession(1, SUNDAY, "heavy", ("back_squat",), 3), sets(3, 0), True),
        (PlannedSession(1, SUNDAY, "heavy", (), 3), sets(3, 3), False),
    ],
)
def test_done_needs_three_sets_of_each_of_the_first_two_exercises(
    planned: PlannedSession, work: dict[str, int], done: bool
) -> None:
    assert counts_as_done(planned, work) is done


@pytest.mark.parametrize(
    ("work", "done"),
    [
        ({"front_squat": 3, "romanian_deadlift": 3}, True),
        ({"back_squat": 2, "goblet_squat": 1, "trap_bar_deadlift": 3}, True),
        ({"front_squat": 2, "conventional_deadlift": 3}, False),
        ({"bulgarian_split_squat": 3, "conventional_deadlift": 3}, False),
        ({"conventional_deadlift": 6}, False),
    ],
)
def test_any_variant_of_the_planned_movement_counts(work: dict[str, int], done: bool) -> None:
    """A variant swapped in the gym, or in the plan after the day, still trains the movement."""
    logged = [LoggedSession(SUNDAY, "heavy", 1, work)]
    assert counts_as_done(HEAVY, work) is done
    assert session_statuses([HEAVY], logged, today=SUNDAY) == ["done" if done else "partly"]


def test_a_lift_outside_the_library_counts_only_for_itself() -> None:
    own = PlannedSession(1, SUNDAY, "heavy", ("sled_push", "conventional_deadlift"), 3)
    assert counts_as_done(own, {"sled_push": 3, "conventional_deadlift": 3})
    assert not counts_as_done(own, {"back_squat": 3, "conventional_deadlift": 3})


@pytest.mark.parametrize(
    ("logged_on", "today", "status"),
    [
        (None, SUNDAY - timedelta(days=1), "upcoming"),
        (None, SUNDAY, "today"),
        (None, SUNDAY + timedelta(days=1), "today"),
        (None, SUNDAY + timedelta(days=2), "missed"),
        (SUNDAY - timedelta(days=1), SUNDAY + timedelta(days=5), "done"),
        (SUNDAY + timedelta(days=1), SUNDAY + timedelta(days=5), "done"),
        (SUNDAY + timedelta(days=2), SUNDAY + timedelta(days=5), "missed"),
        (SUNDAY - timedelta(days=2), SUNDAY + timedelta(days=5), "missed"),
    ],
)
def test_a_session_within_one_day_counts_for_the_planned_day(
    logged_on: date | None, today: date, status: str
) -> None:
    logged = [] if logged_on is None else [LoggedSession(logged_on, "heavy", None, sets(3, 3))]
    assert session_statuses([HEAVY], logged, today=today) == [status]


def test_a_linked_session_counts_whatever_its_date() -> None:
    late = LoggedSession(SUNDAY + timedelta(days=4), "heavy", 1, sets(3, 3))
    assert session_statuses([HEAVY], [late], today=SUNDAY + timedelta(days=9)) == ["done"]


def test_a_session_counts_only_for_its_own_kind() -> None:
    light_only = [LoggedSession(SUNDAY, "light", None, sets(2, 2))]
    assert session_statuses([HEAVY, LIGHT], light_only, today=SUNDAY) == ["today", "done"]


def test_too_few_sets_are_partly_and_a_restart_adds_up() -> None:
    first = LoggedSession(SUNDAY, "heavy", 1, sets(2, 0))
    assert session_statuses([HEAVY], [first], today=SUNDAY) == ["partly"]
    second = LoggedSession(SUNDAY, "heavy", None, sets(1, 3))
    assert session_statuses([HEAVY], [first, second], today=SUNDAY) == ["done"]


def test_an_unlinked_session_prefers_a_planned_session_still_without_one() -> None:
    monday = PlannedSession(2, SUNDAY + timedelta(days=1), "heavy", HEAVY.exercises, 4)
    logged = [
        LoggedSession(SUNDAY, "heavy", None, sets(3, 3)),
        LoggedSession(SUNDAY + timedelta(days=1), "heavy", None, sets(3, 3)),
    ]
    matched = match_sessions([HEAVY, monday], logged)
    assert [len(sessions) for sessions in matched] == [1, 1]
    assert session_statuses([HEAVY, monday], logged, today=SUNDAY + timedelta(days=3)) == [
        "done",
        "done",
    ]


def test_a_conditional_day_is_never_missed_but_counts_when_done() -> None:
    speed = PlannedSession(3, SUNDAY, "heavy", HEAVY.exercises, 4, conditional=True)
    later = SUNDAY + timedelta(days=10)
    assert session_statuses([speed], [], today=later) == ["conditional"]
    done = [LoggedSession(SUNDAY, "heavy", None, sets(3, 3))]
    assert session_statuses([speed], done, today=later) == ["done"]


@pytest.mark.parametrize(
    ("heavy", "light", "day", "credit"),
    [
        ("done", "done", "done", 1.0),
        ("done", "missed", "partly", 0.5),
        ("missed", "done", "partly", 0.5),
        ("partly", "today", "partly", 0.0),
        ("today", "today", "today", 0.0),
        ("missed", "missed", "missed", 0.0),
        ("upcoming", "upcoming", "upcoming", 0.0),
        ("conditional", "conditional", "conditional", 0.0),
    ],
)
def test_a_double_day_rolls_up_both_halves(heavy: str, light: str, day: str, credit: float) -> None:
    assert day_status(heavy, light) == day  # type: ignore[arg-type]
    assert day_credit(heavy, light) == credit  # type: ignore[arg-type]


@given(
    offsets=st.lists(st.integers(-3, 3), max_size=6),
    today_offset=st.integers(-3, 6),
)
def test_every_logged_session_counts_for_at_most_one_planned_session(
    offsets: list[int], today_offset: int
) -> None:
    planned = [
        PlannedSession(i, SUNDAY + timedelta(days=2 * i), "heavy", HEAVY.exercises, 4)
        for i in range(3)
    ]
    logged = [LoggedSession(SUNDAY + timedelta(days=o), "heavy", None, sets(3, 3)) for o in offsets]
    matched = match_sessions(planned, logged)
    assert sum(len(m) for m in matched) <= len(logged)
    for plan, sessions in zip(planned, matched, strict=True):
        assert all(abs(s.date - plan.date) <= timedelta(days=1) for s in sessions)
    statuses = session_statuses(planned, logged, today=SUNDAY + timedelta(days=today_offset))
    assert len(statuses) == len(planned)
