"""Plan rows ⇄ plan domain objects: settings in columns and options JSON, days, variant swaps.

Only `desktop.plan.planning` imports this module; together they are the one place where stored plans
turn into the engine's objects and back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, replace
from datetime import date, datetime, timedelta
from typing import Any

from db.records import PlanExercise, PlannedDayRecord, PlanRecord
from desktop.domain.buildup.exercises import SWAPPABLE, with_variant
from desktop.domain.buildup.model import (
    After,
    BuildUp,
    ExerciseSelection,
    PlannedDay,
    PlanSettings,
    SessionPrescription,
)
from desktop.domain.buildup.plan import build_plan, week_start

# Settings without a column of their own; ranges are stored as [low, high].
OPTION_FIELDS = (
    "phase1_weeks",
    "heavy_sets_phase1",
    "heavy_sets_later",
    "light_sets",
    "heavy_reps",
    "light_reps",
    "heavy_rest_s",
    "light_rest_s",
    "taper_weeks",
)
# A variant swap is stored as one plan_exercises row: the heavy session's slot of the movement.
SWAP_KIND = "heavy"
NO_EXERCISE = "none"

DayKey = tuple[date, After]


def plan_record(
    settings: PlanSettings, *, athlete_id: int, created_at: datetime, started_on: date
) -> PlanRecord:
    """The row for a new plan; `started_on` keeps a late start's warning after re-planning."""
    options: dict[str, Any] = {name: getattr(settings, name) for name in OPTION_FIELDS}
    options = {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()}
    selection = asdict(settings.selection)
    selection["finisher"] = list(settings.selection.finisher)
    options.update(selection=selection, started_on=started_on.isoformat())
    return PlanRecord(
        athlete_id=athlete_id,
        race_date=settings.race_date,
        weeks=settings.weeks,
        long_run_day=settings.long_run_day,
        speed_day=settings.speed_day,
        cramp_sites=settings.cramp_sites,
        units=settings.units,
        created_at=created_at,
        options=options,
    )


def settings_from(plan: PlanRecord, swaps: Sequence[PlanExercise] = ()) -> PlanSettings:
    """The plan's settings as the engine takes them, with the athlete's variant swaps applied."""
    options = dict(plan.options)
    values = {
        name: tuple(options[name]) if isinstance(options[name], list) else options[name]
        for name in OPTION_FIELDS
        if name in options
    }
    stored = dict(options.get("selection", {}))
    if "finisher" in stored:
        stored["finisher"] = tuple(stored["finisher"])
    selection = ExerciseSelection(**stored)
    for swap in sorted(swaps, key=lambda s: s.slot):
        if swap.session_kind == SWAP_KIND and swap.slot < len(SWAPPABLE):
            key = None if swap.exercise_key == NO_EXERCISE else swap.exercise_key
            selection = with_variant(selection, SWAPPABLE[swap.slot], key)
    return PlanSettings(
        race_date=plan.race_date,
        weeks=plan.weeks,
        long_run_day=plan.long_run_day,
        speed_day=plan.speed_day,
        cramp_sites=tuple(plan.cramp_sites) or ("none",),
        units=plan.units,
        selection=selection,
        **values,
    )


def swap_slot(movement: str, variant_key: str | None) -> tuple[int, str]:
    """Where a swap of `movement` is stored, and the key stored for it (None drops it)."""
    return SWAPPABLE.index(movement), NO_EXERCISE if variant_key is None else variant_key


def started_on(plan: PlanRecord) -> date:
    text = plan.options.get("started_on")
    return date.fromisoformat(text) if text else plan.created_at.date()


def day_records(days: Iterable[PlannedDay]) -> list[PlannedDayRecord]:
    """Rows for planned days; the prescriptions are derived from the settings, not stored."""
    return [
        PlannedDayRecord(
            date=day.date,
            after=day.after,
            conditional=day.conditional,
            week=day.week,
            weeks_out=day.weeks_out,
            phase=day.phase,
        )
        for day in days
    ]


def stored_build_up(
    settings: PlanSettings,
    records: Sequence[PlannedDayRecord],
    *,
    started: date,
    today: date,
) -> tuple[BuildUp, dict[DayKey, int]]:
    """The saved plan as the engine would show it on `today`, and each day's row id.

    Weeks already over and days before today become history, exactly as `replan` keeps them,
    so a plan saved today reads back equal to the one the engine built.
    """
    first = week_start(settings.race_date, settings.weeks, 1)
    template = build_plan(settings, today=first)
    sessions = _sessions_by_phase(template.days)
    days = [_planned_day(record, sessions) for record in records]
    weeks = []
    placed: set[DayKey] = set()
    for week in template.weeks:
        if week.end < today:
            continue
        own = tuple(d for d in days if week.start <= d.date <= week.end and d.date >= today)
        placed.update((d.date, d.after) for d in own)
        weeks.append(replace(week, days=own))
    history = tuple(d for d in days if (d.date, d.after) not in placed)
    late = build_plan(settings, today=started).warning if first < started else None
    ids = {(r.date, r.after): r.id for r in records if r.id is not None}
    build_up = BuildUp(settings, today, started, tuple(weeks), late, None, history)
    return build_up, ids


def _sessions_by_phase(
    days: Sequence[PlannedDay],
) -> dict[str, tuple[SessionPrescription, SessionPrescription]]:
    """The prescription of each phase: every day of a phase prescribes the same two sessions."""
    return {day.phase: (day.heavy, day.light) for day in reversed(days)}


def _planned_day(
    record: PlannedDayRecord,
    sessions: dict[str, tuple[SessionPrescription, SessionPrescription]],
) -> PlannedDay:
    heavy, light = sessions.get(record.phase) or next(iter(sessions.values()))
    return PlannedDay(
        record.date,
        record.after,
        record.conditional,
        heavy,
        light,
        record.week,
        record.weeks_out,
        record.phase,  # type: ignore[arg-type]
    )


def week_of(settings: PlanSettings, day: date) -> int | None:
    """The build-up week (1..N) holding `day`, or None outside the build-up."""
    first = week_start(settings.race_date, settings.weeks, 1)
    number = (day - first) // timedelta(weeks=1) + 1
    return number if 1 <= number <= settings.weeks else None
