"""The log of one build-up as adherence and quality see it, read with the SQL aggregates.

Qt-free. Shared by the Progress screen (weekly bars, quality) and the History list (what each
session counted for), so both read the same sessions in the same window the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from db.exercises import list_exercises
from db.progress_queries import ExerciseSets, SessionRow, exercise_sets_between, sessions_between
from db.records import PlanRecord
from db.store import Store
from desktop.domain.buildup.model import PlanSettings
from desktop.domain.progress.adherence import WeekSpan, build_up_weeks, calendar_weeks
from desktop.domain.progress.chart_series import SessionQuality
from desktop.domain.progress.day_status import (
    LoggedSession,
    PlannedSession,
    logged_session,
    session_day,
)
from desktop.plan import overview as plan_overview
from desktop.plan.reader import PlanReader, planned_runs
from desktop.plan.run_links import run_days

# Without a build-up the charts show the last weeks of the log instead.
FALLBACK_WEEKS = 12
DEFAULT_REST_S = {"heavy": (180.0, 300.0), "light": (60.0, 90.0)}


@dataclass(frozen=True)
class BuildUpLog:
    """The weeks on screen, the planned sessions in them, and the sessions logged around them
    (`sessions`, `logged` and `quality` are parallel lists, oldest first)."""

    spans: tuple[WeekSpan, ...]
    rest_s: dict[str, tuple[float, float]]
    planned: tuple[PlannedSession, ...]
    sessions: tuple[SessionRow, ...]
    logged: tuple[LoggedSession, ...]
    quality: tuple[SessionQuality, ...]


def read_build_up(
    store: Store,
    reader: PlanReader,
    *,
    athlete_id: int | None,
    plan: PlanRecord | None,
    today: date,
) -> BuildUpLog:
    """The plan's weeks (or the last weeks of the calendar without a plan) and their log."""
    settings = reader.settings(plan) if plan is not None else None
    spans = build_up_weeks(settings) if settings else calendar_weeks(today, count=FALLBACK_WEEKS)
    rest_s = rest_windows(settings)
    planned = tuple(planned_sessions(reader, plan)) if plan is not None else ()
    if athlete_id is None:
        return BuildUpLog(spans, rest_s, planned, (), (), ())
    start, end = window(spans)
    sessions = sessions_between(store, athlete_id, start=start, end=end)
    per_exercise = exercise_sets_between(
        store, athlete_id, start=start, end=end, rest_window_s=rest_s
    )
    keys = {exercise.id: exercise.key for exercise in list_exercises(store)}
    logged, quality = _summaries(sessions, per_exercise, keys)
    return BuildUpLog(spans, rest_s, planned, tuple(sessions), tuple(logged), tuple(quality))


def planned_sessions(reader: PlanReader, plan: PlanRecord) -> list[PlannedSession]:
    """Both halves of every planned double day, as the plan view matches them."""
    build_up, ids = reader.stored(plan)
    moved_to = run_days(reader.store, plan.athlete_id, planned_runs(build_up, ids))
    return plan_overview.planned_sessions(build_up, ids, moved_to)


def rest_windows(settings: PlanSettings | None) -> dict[str, tuple[float, float]]:
    if settings is None:
        return dict(DEFAULT_REST_S)
    return {
        "heavy": (float(settings.heavy_rest_s[0]), float(settings.heavy_rest_s[1])),
        "light": (float(settings.light_rest_s[0]), float(settings.light_rest_s[1])),
    }


def window(spans: Sequence[WeekSpan]) -> tuple[datetime, datetime]:
    """UTC bounds around the weeks, one day wider each side for sessions done a day off."""
    first = spans[0].start - timedelta(days=1)
    last = spans[-1].end + timedelta(days=2)
    return datetime.combine(first, time()).astimezone(), datetime.combine(last, time()).astimezone()


def _summaries(
    sessions: Sequence[SessionRow], per_exercise: Sequence[ExerciseSets], keys: dict[int, str]
) -> tuple[list[LoggedSession], list[SessionQuality]]:
    """Each session as day_status sees it (work sets per exercise) and as quality counts it
    (only sets judged by reps: a plank's hold is no set in or out of the 10-20 range)."""
    by_session: dict[int, list[ExerciseSets]] = defaultdict(list)
    for row in per_exercise:
        by_session[row.session_id].append(row)
    logged: list[LoggedSession] = []
    quality: list[SessionQuality] = []
    for session in sessions:
        rows = by_session.get(session.id, [])
        day = session_day(session.started_at)
        work = {keys.get(r.exercise_id, str(r.exercise_id)): r.work_sets for r in rows}
        logged.append(
            logged_session(session.started_at, session.kind, session.planned_day_id, work)
        )
        quality.append(
            SessionQuality(
                day=day,
                kind=session.kind,
                work_sets=sum(r.rep_sets for r in rows),
                in_target=sum(r.in_target for r in rows),
                timed_rests=sum(r.timed_rests for r in rows),
                rests_in_window=sum(r.rests_in_window for r in rows),
            )
        )
    return logged, quality
