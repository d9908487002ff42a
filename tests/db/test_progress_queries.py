"""The Progress aggregates on a real store: windows, warm-ups left out, ties, other athletes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from db.athletes import create_athlete
from db.checkins import record_cramp_report
from db.exercises import ensure_exercise
from db.progress_queries import (
    cramps_between,
    exercise_sets_between,
    lifted_exercises,
    rests_between,
    sessions_between,
    top_sets,
)
from db.records import Athlete
from db.sessions import log_set, start_session
from db.store import Store
from tests.db.helpers import a_set

DAY = datetime(2027, 1, 10, 9, tzinfo=UTC)
WINDOWS = {"heavy": (180.0, 300.0), "light": (60.0, 90.0)}


@pytest.fixture
def lifts(store: Store) -> dict[str, int]:
    return {
        key: ensure_exercise(
            store, key=key, name=key.title(), movement="squat", barbell=True, bodyweight=False
        )
        for key in ("back_squat", "deadlift", "plank")
    }


def session_with(
    store: Store, athlete: Athlete, kind: str, when: datetime, sets: list[dict]
) -> int:
    session = start_session(
        store, athlete_id=athlete.id, kind=kind, planned_day_id=None, started_at=when
    )
    for index, values in enumerate(sets):
        values = {"set_index": index, "started_at": when, "ended_at": when, **values}
        log_set(store, a_set(session.id, **values))
    return session.id


def test_sessions_between_is_half_open_and_per_athlete(store: Store, athlete: Athlete) -> None:
    other = create_athlete(store, "Bo")
    inside = session_with(store, athlete, "heavy", DAY, [])
    session_with(store, athlete, "light", DAY + timedelta(days=7), [])
    session_with(store, other, "heavy", DAY, [])
    rows = sessions_between(store, athlete.id, start=DAY, end=DAY + timedelta(days=7))
    assert [(r.id, r.kind, r.state, r.started_at) for r in rows] == [
        (inside, "heavy", "in_progress", DAY)
    ]


def test_exercise_sets_count_work_sets_targets_and_rest_windows(
    store: Store, athlete: Athlete, lifts: dict[str, int]
) -> None:
    squat, deadlift = lifts["back_squat"], lifts["deadlift"]
    heavy = session_with(
        store,
        athlete,
        "heavy",
        DAY,
        [
            {"exercise_id": deadlift, "warmup": True, "reps": 5, "rest_before_s": None},
            {"exercise_id": deadlift, "reps": 5, "rest_before_s": 179.9},
            {"exercise_id": deadlift, "reps": 3, "rest_before_s": 180.0},
            {"exercise_id": squat, "reps": 4, "rest_before_s": 300.0},
            {"exercise_id": deadlift, "reps": 6, "rest_before_s": 300.1},
        ],
    )
    light = session_with(
        store,
        athlete,
        "light",
        DAY + timedelta(hours=8),
        [
            {"exercise_id": squat, "reps": 12, "target_reps_min": 10, "target_reps_max": 20},
            {
                "exercise_id": squat,
                "reps": 9,
                "target_reps_min": 10,
                "target_reps_max": 20,
                "rest_before_s": 75.0,
            },
        ],
    )
    rows = exercise_sets_between(
        store, athlete.id, start=DAY, end=DAY + timedelta(days=1), rest_window_s=WINDOWS
    )
    summary = [
        (r.session_id, r.exercise_id, r.work_sets, r.in_target, r.timed_rests, r.rests_in_window)
        for r in rows
    ]
    assert summary == [
        (heavy, deadlift, 3, 1, 3, 1),  # the warm-up is left out; deadlift logged first
        (heavy, squat, 1, 1, 1, 1),
        (light, squat, 2, 1, 1, 1),
    ]


def test_rests_between_only_heavy_work_sets_with_a_timed_rest(
    store: Store, athlete: Athlete, lifts: dict[str, int]
) -> None:
    squat = lifts["back_squat"]
    session_with(
        store,
        athlete,
        "heavy",
        DAY,
        [
            {"exercise_id": squat, "warmup": True, "rest_before_s": 60.0},
            {"exercise_id": squat, "rest_before_s": None},
            {
                "exercise_id": squat,
                "rest_before_s": 200.0,
                "started_at": DAY + timedelta(minutes=5),
            },
        ],
    )
    session_with(store, athlete, "light", DAY, [{"exercise_id": squat, "rest_before_s": 70.0}])
    rests = rests_between(store, athlete.id, start=DAY, end=DAY + timedelta(days=1))
    assert [(r.at, r.rest_s) for r in rests] == [(DAY + timedelta(minutes=5), 200.0)]


def test_top_set_is_the_heaviest_work_set_with_its_best_reps(
    store: Store, athlete: Athlete, lifts: dict[str, int]
) -> None:
    squat, deadlift = lifts["back_squat"], lifts["deadlift"]
    first = session_with(
        store,
        athlete,
        "heavy",
        DAY,
        [
            {"exercise_id": squat, "warmup": True, "load_kg": 140.0, "reps": 5},
            {"exercise_id": squat, "load_kg": 100.0, "reps": 4},
            {"exercise_id": squat, "load_kg": 100.0, "reps": 5},
            {"exercise_id": squat, "load_kg": 120.0, "reps": 0},
            {"exercise_id": deadlift, "load_kg": 150.0, "reps": 5},
        ],
    )
    second = session_with(
        store,
        athlete,
        "heavy",
        DAY + timedelta(days=7),
        [{"exercise_id": squat, "load_kg": 102.5, "reps": 3}],
    )
    session_with(
        store, athlete, "light", DAY, [{"exercise_id": squat, "load_kg": 200.0, "reps": 12}]
    )
    other = create_athlete(store, "Bo")
    session_with(store, other, "heavy", DAY, [{"exercise_id": squat, "load_kg": 180.0}])
    tops = top_sets(store, athlete.id, squat)
    assert [(t.session_id, t.started_at, t.load_kg, t.reps) for t in tops] == [
        (first, DAY, 100.0, 5),
        (second, DAY + timedelta(days=7), 102.5, 3),
    ]


def test_lifted_exercises_are_loaded_heavy_work(
    store: Store, athlete: Athlete, lifts: dict[str, int]
) -> None:
    session_with(
        store,
        athlete,
        "heavy",
        DAY,
        [
            {"exercise_id": lifts["deadlift"], "load_kg": 120.0},
            {"exercise_id": lifts["plank"], "load_kg": 0.0},
            {"exercise_id": lifts["back_squat"], "load_kg": 60.0, "warmup": True},
        ],
    )
    session_with(
        store, athlete, "light", DAY, [{"exercise_id": lifts["back_squat"], "load_kg": 20.0}]
    )
    assert lifted_exercises(store, athlete.id) == [(lifts["deadlift"], "deadlift", "Deadlift")]


def test_cramps_between_inclusive_by_date(store: Store, athlete: Athlete) -> None:
    for day, cramped in ((date(2027, 1, 9), True), (date(2027, 1, 10), False)):
        record_cramp_report(
            store,
            athlete_id=athlete.id,
            date=day,
            cramped=cramped,
            sites=["calf"] if cramped else [],
            severity=2 if cramped else 0,
            distance_km=30.5,
            created_at=DAY,
        )
    reports = cramps_between(store, athlete.id, first=date(2027, 1, 10), last=date(2027, 1, 10))
    assert [(r.date, r.cramped, r.sites, r.distance_km) for r in reports] == [
        (date(2027, 1, 10), False, (), 30.5)
    ]
    both = cramps_between(store, athlete.id, first=date(2027, 1, 9), last=date(2027, 1, 10))
    assert [(r.sites, r.severity) for r in both] == [(("calf",), 2), ((), 0)]


def test_top_sets_read_the_progress_index(
    store: Store, athlete: Athlete, lifts: dict[str, int]
) -> None:
    """The plan of the SQL top_sets really runs (traced from the connection), not a copy of it."""
    executed: list[str] = []
    store.db.conn.set_trace_callback(executed.append)
    try:
        top_sets(store, athlete.id, lifts["back_squat"])
    finally:
        store.db.conn.set_trace_callback(None)
    [query] = [sql for sql in executed if "FROM sets" in sql]  # parameters bound by SQLite
    plan = [row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {query}").fetchall()]
    set_reads = [step for step in plan if step.startswith(("SEARCH st", "SEARCH x", "SCAN st"))]
    assert len(set_reads) == 2, plan  # the top load per session, then its reps
    assert all("COVERING INDEX sets_by_exercise_session" in step for step in set_reads), plan
    assert not any(step.startswith("SCAN") for step in plan), f"a whole table is read: {plan}"


def test_held_sets_are_work_sets_but_never_in_a_rep_range(
    store: Store, athlete: Athlete, lifts: dict[str, int]
) -> None:
    """A plank is logged with target 0-0, 0 reps and its seconds: no rep range to be in."""
    squat, plank = lifts["back_squat"], lifts["plank"]
    light = session_with(
        store,
        athlete,
        "light",
        DAY,
        [
            {"exercise_id": squat, "reps": 12, "target_reps_min": 10, "target_reps_max": 20},
            {"exercise_id": squat, "reps": 8, "target_reps_min": 10, "target_reps_max": 20},
            *(
                {"exercise_id": plank, "reps": 0, "target_reps_min": 0, "target_reps_max": 0}
                | {"hold_s": 45.0, "load_kg": 0.0}
                for _ in range(3)
            ),
        ],
    )
    rows = exercise_sets_between(
        store, athlete.id, start=DAY, end=DAY + timedelta(days=1), rest_window_s=WINDOWS
    )
    assert [(r.session_id, r.exercise_id, r.work_sets, r.rep_sets, r.in_target) for r in rows] == [
        (light, squat, 2, 2, 1),
        (light, plank, 3, 0, 0),
    ]
