"""Aggregates behind the Progress charts, computed in SQL so a long log stays quick to chart.

Every query is bounded by the athlete and either a time window (the build-up on screen) or one
exercise, and is served by an index (see migration 0003_progress_indexes). Times in and out are
UTC; turning them into the athlete's local days is the caller's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from db.connection import StoreLike, as_database
from db.errors import translates_errors
from db.records import (
    SessionKind,
    date_text,
    from_date_text,
    from_sites_text,
    from_utc_text,
    utc_text,
)


@dataclass(frozen=True, kw_only=True)
class ExerciseSets:
    """One exercise within one session: how its work sets went (warm-ups left out).

    `rep_sets` are the work sets judged by reps; held sets (a plank's seconds) have no rep
    range, so they are neither in nor out of target.
    """

    session_id: int
    exercise_id: int
    first_set_id: int
    work_sets: int
    rep_sets: int
    in_target: int
    timed_rests: int
    rests_in_window: int


@dataclass(frozen=True, kw_only=True)
class SessionRow:
    """A session as the adherence and quality charts need it."""

    id: int
    kind: SessionKind
    state: str
    started_at: datetime
    planned_day_id: int | None


@dataclass(frozen=True, kw_only=True)
class RestPoint:
    """The rest taken before one work set."""

    session_id: int
    at: datetime
    rest_s: float


@dataclass(frozen=True, kw_only=True)
class TopSet:
    """The heaviest work set of one exercise in one session, and the most reps done at it."""

    session_id: int
    started_at: datetime
    load_kg: float
    reps: int


@dataclass(frozen=True, kw_only=True)
class CrampPoint:
    id: int
    date: date
    cramped: bool
    sites: tuple[str, ...]
    distance_km: float | None
    severity: int


@translates_errors
def sessions_between(
    target: StoreLike, athlete_id: int, *, start: datetime, end: datetime
) -> list[SessionRow]:
    """The athlete's sessions started in [start, end), oldest first."""
    rows = as_database(target).query(
        """SELECT id, kind, state, started_at, planned_day_id FROM sessions
        WHERE athlete_id = ? AND started_at >= ? AND started_at < ?
        ORDER BY started_at, id""",
        [athlete_id, utc_text(start), utc_text(end)],
    )
    return [
        SessionRow(
            id=row["id"],
            kind=row["kind"],
            state=row["state"],
            started_at=from_utc_text(row["started_at"]),
            planned_day_id=row["planned_day_id"],
        )
        for row in rows
    ]


@translates_errors
def exercise_sets_between(
    target: StoreLike,
    athlete_id: int,
    *,
    start: datetime,
    end: datetime,
    rest_window_s: dict[str, tuple[float, float]],
) -> list[ExerciseSets]:
    """Per session and exercise: work sets, those judged by reps and those within their target
    reps, rests within the session kind's rest window. Ordered by session, then by the
    exercise's first logged set."""
    heavy = rest_window_s.get("heavy", (180.0, 300.0))
    light = rest_window_s.get("light", (60.0, 90.0))
    rows = as_database(target).query(
        """SELECT st.session_id, st.exercise_id, min(st.id) AS first_set_id,
            count(*) AS work_sets,
            sum(st.hold_s IS NULL) AS rep_sets,
            sum(st.hold_s IS NULL
                AND st.reps BETWEEN st.target_reps_min AND st.target_reps_max) AS in_target,
            count(st.rest_before_s) AS timed_rests,
            sum(CASE WHEN s.kind = 'heavy' THEN st.rest_before_s BETWEEN ? AND ?
                ELSE st.rest_before_s BETWEEN ? AND ? END) AS rests_in_window
        FROM sessions s JOIN sets st ON st.session_id = s.id
        WHERE s.athlete_id = ? AND s.started_at >= ? AND s.started_at < ? AND st.warmup = 0
        GROUP BY st.session_id, st.exercise_id
        ORDER BY st.session_id, first_set_id""",
        [*heavy, *light, athlete_id, utc_text(start), utc_text(end)],
    )
    return [
        ExerciseSets(
            session_id=row["session_id"],
            exercise_id=row["exercise_id"],
            first_set_id=row["first_set_id"],
            work_sets=row["work_sets"],
            rep_sets=row["rep_sets"] or 0,
            in_target=row["in_target"] or 0,
            timed_rests=row["timed_rests"],
            rests_in_window=row["rests_in_window"] or 0,
        )
        for row in rows
    ]


@translates_errors
def rests_between(
    target: StoreLike,
    athlete_id: int,
    *,
    start: datetime,
    end: datetime,
    kind: SessionKind = "heavy",
) -> list[RestPoint]:
    """Every timed rest before a work set of `kind` sessions started in [start, end)."""
    rows = as_database(target).execute(
        """SELECT st.session_id, st.started_at, st.rest_before_s
        FROM sessions s JOIN sets st ON st.session_id = s.id
        WHERE s.athlete_id = ? AND s.kind = ? AND s.started_at >= ? AND s.started_at < ?
            AND st.warmup = 0 AND st.rest_before_s IS NOT NULL
        ORDER BY st.started_at, st.id""",
        [athlete_id, kind, utc_text(start), utc_text(end)],
    )
    return [
        RestPoint(session_id=session_id, at=from_utc_text(at), rest_s=rest)
        for session_id, at, rest in rows
    ]


@translates_errors
def top_sets(
    target: StoreLike, athlete_id: int, exercise_id: int, *, kind: SessionKind = "heavy"
) -> list[TopSet]:
    """The top set of one exercise in each of the athlete's `kind` sessions, oldest first.

    Ties on load keep the set with the most reps, so the estimate uses the best effort.
    """
    rows = as_database(target).execute(
        """WITH tops AS (
            SELECT st.session_id, max(st.load_kg) AS top_kg
            FROM sets st
            WHERE st.exercise_id = ? AND st.warmup = 0 AND st.reps > 0
            GROUP BY st.session_id
        )
        SELECT s.id, s.started_at, t.top_kg,
            (SELECT max(x.reps) FROM sets x
             WHERE x.exercise_id = ? AND x.session_id = t.session_id AND x.warmup = 0
                AND x.load_kg = t.top_kg) AS top_reps
        FROM tops t JOIN sessions s ON s.id = t.session_id
        WHERE s.athlete_id = ? AND s.kind = ?
        ORDER BY s.started_at, s.id""",
        [exercise_id, exercise_id, athlete_id, kind],
    )
    return [
        TopSet(session_id=sid, started_at=from_utc_text(at), load_kg=load, reps=reps)
        for sid, at, load, reps in rows
    ]


@translates_errors
def lifted_exercises(
    target: StoreLike, athlete_id: int, *, kind: SessionKind = "heavy"
) -> list[tuple[int, str, str]]:
    """(id, key, name) of every exercise with a loaded work set in the athlete's `kind`
    sessions, by name: the choices of the strength chart."""
    rows = as_database(target).execute(
        """SELECT e.id, e.key, e.name FROM exercises e
        WHERE EXISTS (
            SELECT 1 FROM sets st JOIN sessions s ON s.id = st.session_id
            WHERE st.exercise_id = e.id AND st.warmup = 0 AND st.load_kg > 0
                AND s.athlete_id = ? AND s.kind = ?)
        ORDER BY e.name, e.id""",
        [athlete_id, kind],
    )
    return [(exercise_id, key, name) for exercise_id, key, name in rows]


@translates_errors
def cramps_between(
    target: StoreLike, athlete_id: int, *, first: date, last: date
) -> list[CrampPoint]:
    """The athlete's cramp reports dated first..last inclusive, by date."""
    rows = as_database(target).query(
        """SELECT id, date, cramped, sites, distance_km, severity FROM cramp_reports
        WHERE athlete_id = ? AND date BETWEEN ? AND ? ORDER BY date, id""",
        [athlete_id, date_text(first), date_text(last)],
    )
    return [
        CrampPoint(
            id=row["id"],
            date=from_date_text(row["date"]),
            cramped=bool(row["cramped"]),
            sites=from_sites_text(row["sites"]),
            distance_km=row["distance_km"],
            severity=row["severity"],
        )
        for row in rows
    ]
