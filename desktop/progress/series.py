"""The Progress screen's use case: the store's aggregates turned into ready-to-draw chart series.

Qt-free. The athlete and plan are read the way the plan view reads them (`PlanReader`), so the
bars agree with the plan view's done/partly/missed; the log itself is read through the SQL
aggregates of `db.progress_queries` (see `progress_log`), never set by set, so years of history
stay quick.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from db.progress_queries import (
    CrampPoint,
    cramps_between,
    lifted_exercises,
    rests_between,
    top_sets,
)
from db.records import Athlete
from db.store import Store
from desktop.domain.buildup.model import Units
from desktop.domain.progress.adherence import (
    WeekAdherence,
    WeekSpan,
    build_up_adherence,
    weekly_adherence,
)
from desktop.domain.progress.chart_series import (
    CrampMark,
    CrampReportDay,
    RestSeries,
    StrengthPoint,
    TopSetDay,
    WeekQuality,
    cramp_series,
    noon_seconds,
    quality_by_week,
    rest_series,
    strength_series,
)
from desktop.plan.reader import PlanReader
from desktop.progress.late_runs import NO_LATE_RUNS, LateRuns, late_runs
from desktop.progress.log import read_build_up, window


@dataclass(frozen=True)
class ExerciseChoice:
    id: int
    key: str
    name: str


@dataclass(frozen=True)
class ProgressData:
    """Everything the Progress screen draws except the strength line, which is per exercise."""

    athlete: str | None
    has_plan: bool
    units: Units
    today: date
    today_x: float
    race_date: date | None
    weeks: tuple[WeekAdherence, ...]
    build_up: float | None
    quality: tuple[WeekQuality, ...]
    rests: RestSeries
    rest_window_s: tuple[float, float]
    cramps: tuple[CrampMark, ...]
    exercises: tuple[ExerciseChoice, ...]
    sessions_logged: int
    late_runs: LateRuns = NO_LATE_RUNS

    @property
    def current_week(self) -> WeekAdherence | None:
        return next((w for w in self.weeks if w.state == "current"), None)


class ProgressSource:
    """Reads one training log for the athlete at the laptop; every call reads afresh."""

    def __init__(self, store: Store, *, now: Callable[[], datetime]) -> None:
        self._store = store
        self._now = now
        self._reader = PlanReader(store, now=now)

    def load(self) -> ProgressData:
        """The numbers behind every chart, as of now."""
        today = self._now().astimezone().date()
        athlete, plan = self._reader.athlete_and_plan()
        log = read_build_up(
            self._store,
            self._reader,
            athlete_id=athlete.id if athlete else None,
            plan=plan,
            today=today,
        )
        spans, heavy_window = log.spans, log.rest_s["heavy"]
        if athlete is None:
            return _empty(today, spans, heavy_window)
        weeks: tuple[WeekAdherence, ...] = ()
        if plan is not None:
            weeks = weekly_adherence(spans, log.planned, log.logged, today=today)
        start, end = window(spans)
        rests = rests_between(self._store, athlete.id, start=start, end=end)
        # Every report the runner gave, even one from before the build-up's first day.
        reports = cramps_between(self._store, athlete.id, first=date.min, last=date.max)
        return ProgressData(
            athlete=athlete.name,
            has_plan=plan is not None,
            units=plan.units if plan else "kg",
            today=today,
            today_x=noon_seconds(today),
            race_date=plan.race_date if plan else None,
            weeks=weeks,
            build_up=build_up_adherence(weeks),
            quality=quality_by_week(spans, log.quality),
            rests=rest_series([(r.at, r.rest_s) for r in rests], window_s=heavy_window),
            rest_window_s=heavy_window,
            cramps=cramp_series(spans, [_report(r) for r in reports]),
            exercises=self._choices(athlete),
            sessions_logged=len(log.sessions),
            late_runs=late_runs(self._store, athlete.id, spans, bounds=(start, end), today=today),
        )

    def strength(self, exercise_id: int) -> tuple[StrengthPoint, ...]:
        """Top-set load and estimated 1RM of one exercise over the athlete's whole log."""
        athlete, plan = self._reader.athlete_and_plan()
        if athlete is None:
            return ()
        tops = [
            TopSetDay(day=t.started_at.astimezone().date(), load_kg=t.load_kg, reps=t.reps)
            for t in top_sets(self._store, athlete.id, exercise_id)
        ]
        return strength_series(tops, units=plan.units if plan else "kg")

    def _choices(self, athlete: Athlete) -> tuple[ExerciseChoice, ...]:
        rows = lifted_exercises(self._store, athlete.id)
        return tuple(ExerciseChoice(id=i, key=key, name=name) for i, key, name in rows)


def _report(point: CrampPoint) -> CrampReportDay:
    return CrampReportDay(
        day=point.date,
        cramped=point.cramped,
        sites=point.sites,
        distance_km=point.distance_km,
        severity=point.severity,
    )


def _empty(
    today: date, spans: Sequence[WeekSpan], heavy_window: tuple[float, float]
) -> ProgressData:
    return ProgressData(
        athlete=None,
        has_plan=False,
        units="kg",
        today=today,
        today_x=noon_seconds(today),
        race_date=None,
        weeks=(),
        build_up=None,
        quality=quality_by_week(spans, ()),
        rests=RestSeries(),
        rest_window_s=heavy_window,
        cramps=(),
        exercises=(),
        sessions_logged=0,
    )


def headline(
    data: ProgressData, *, lift: str = "", strength: Sequence[StrengthPoint] = ()
) -> tuple[str, str]:
    """Two lines above the charts that tell the story in words: where the build-up stands,
    and how adherence, the chosen lift, rests and cramps are going."""
    if data.athlete is None:
        return (
            "No training logged yet",
            "Set up your build-up, then lift: your progress shows here.",
        )
    week = data.current_week
    if data.race_date is None:
        title = f"{data.athlete}: no build-up planned"
    elif week is not None:
        days = (data.race_date - data.today).days
        title = (
            f"Week {week.week.number} of {len(data.weeks)} · {days} days to race day "
            f"({_day(data.race_date)})"
        )
    elif data.today < data.weeks[0].week.start:
        title = f"Build-up starts {_day(data.weeks[0].week.start)}"
    else:
        title = f"Race day was {_day(data.race_date)} {data.race_date.year}"
    facts = []
    if data.build_up is not None:
        facts.append(f"build-up adherence {data.build_up:.0%}")
    if week is not None and week.planned:
        facts.append(f"this week {week.done:g} of {week.planned} double days done")
    start = data.weeks[0].week.start if data.weeks else None
    recent_lifts = [p for p in strength if start is None or p.day >= start] or list(strength)
    if len(recent_lifts) >= 2:
        first, last = recent_lifts[0], recent_lifts[-1]
        facts.append(
            f"{lift or 'top set'} {first.load:g} → {last.load:g} {data.units} × {last.reps}"
        )
    recent = [w for w in data.quality if w.heavy_rests and w.week.start <= data.today][-4:]
    rests = sum(w.heavy_rests for w in recent)
    if rests:
        inside = sum((w.rests_in_window or 0) * w.heavy_rests for w in recent)
        facts.append(f"{inside / rests:.0%} of heavy rests in the window (4 weeks)")
    reports = [c for c in data.cramps if c.day <= data.today][-4:]
    if reports:
        cramped = sum(c.cramped for c in reports)
        facts.append(f"cramps in {cramped} of the last {len(reports)} long runs")
    detail = " · ".join(facts) or "Nothing logged in this build-up yet."
    return title, detail[0].upper() + detail[1:]


def _day(day: date) -> str:
    """'Sun 3 Jan': short and unambiguous in a headline."""
    return f"{day:%a} {day.day} {day:%b}"
