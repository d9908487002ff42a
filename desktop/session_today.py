"""Which session gym mode opens: the athlete, today's planned day and its prescription, the bar.

Gym mode must never wait for a form: with no athlete a default one is created, with no plan (or
nothing planned today) an unplanned session with the protocol's default exercises starts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta

from db.athletes import create_athlete, list_athletes
from db.plans import active_plan, plan_exercises, planned_days
from db.records import PlanRecord
from db.sessions import sessions_for_athlete
from db.settings import get_setting, set_setting
from db.store import Store
from desktop.domain.exercises import SWAPPABLE, with_variant
from desktop.domain.model import (
    After,
    ExerciseSelection,
    PlanSettings,
    SessionKind,
    SessionPrescription,
    Units,
)
from desktop.domain.plan import build_plan
from desktop.domain.plates import standard_bar, standard_plates

log = logging.getLogger(__name__)

DEFAULT_ATHLETE = "Runner"
LAST_ATHLETE = "last_athlete_id"
BAR_SETTING = "bar"  # per athlete, in the plan's units
PLATES_SETTING = "plates"  # per athlete, comma-separated, in the plan's units
_SWAP_KIND, _NO_EXERCISE = "heavy", "none"  # how the planning screens store a variant swap


@dataclass(frozen=True)
class Equipment:
    """The athlete's bar and plates, in their units, for warm-ups and the plate breakdown."""

    units: Units
    bar: float
    plates: tuple[float, ...]


@dataclass(frozen=True)
class GymDay:
    """What to start: `after` is the run the planned day follows (None when unplanned)."""

    athlete_id: int
    kind: SessionKind
    planned_day_id: int | None
    after: After | None
    prescription: SessionPrescription
    equipment: Equipment


def current_athlete(store: Store, *, now: datetime) -> int:
    """The athlete last opened on this laptop, else the first, else a new default one."""
    everyone = {athlete.id: athlete for athlete in list_athletes(store)}
    stored = get_setting(store, LAST_ATHLETE)
    if stored is not None and stored.isdigit() and int(stored) in everyone:
        return int(stored)
    if everyone:
        return min(everyone)
    athlete = create_athlete(store, DEFAULT_ATHLETE, created_at=now)
    set_setting(store, LAST_ATHLETE, str(athlete.id))
    log.info("No athlete yet: created %r so the session can start", DEFAULT_ATHLETE)
    return athlete.id


def default_kind(store: Store, athlete_id: int, today: date) -> SessionKind:
    """Heavy, unless today's heavy session is already done."""
    done_today = any(
        s.kind == "heavy" and s.state == "finished" and s.started_at.astimezone().date() == today
        for s in sessions_for_athlete(store, athlete_id)
    )
    return "light" if done_today else "heavy"


def todays_session(
    store: Store, *, athlete_id: int, today: date, kind: SessionKind | None = None
) -> GymDay:
    """Today's planned session of this kind, or an unplanned one with the default exercises."""
    chosen = kind or default_kind(store, athlete_id, today)
    plan = active_plan(store, athlete_id)
    settings = _settings(store, plan) if plan is not None else None
    planned_id, after, prescription = None, None, None
    if plan is not None and settings is not None and plan.id is not None:
        for record in planned_days(store, plan.id):
            if record.date == today:
                planned_id, after = record.id, record.after
                prescription = _prescription(settings, chosen, today=today, on=today)
    if prescription is None:
        prescription = _prescription(settings, chosen, today=today, on=None)
    units: Units = plan.units if plan is not None else "kg"
    gear = equipment(store, athlete_id, units)
    return GymDay(athlete_id, chosen, planned_id, after, prescription, gear)


def equipment(store: Store, athlete_id: int, units: Units) -> Equipment:
    """The bar and plates from the athlete's settings, or the standard ones for the units."""
    bar, plates = standard_bar(units), standard_plates(units)
    try:
        text = get_setting(store, BAR_SETTING, athlete_id=athlete_id)
        bar = float(text) if text else bar
        text = get_setting(store, PLATES_SETTING, athlete_id=athlete_id)
        plates = tuple(float(p) for p in text.split(",")) if text else plates
    except ValueError:
        log.warning("Unreadable bar or plate setting; using the standard %s set", units)
    return Equipment(units, bar, plates)


def _prescription(
    settings: PlanSettings | None, kind: SessionKind, *, today: date, on: date | None
) -> SessionPrescription:
    """The engine's prescription for the planned day `on`, else its next planned day's, else
    the protocol defaults (phase 1: three heavy sets)."""
    for source in (settings, PlanSettings(race_date=today + timedelta(weeks=14))):
        if source is None or source.race_date < today:
            continue
        days = build_plan(source, today=today).days
        for day in days:
            if on is None or day.date == on:
                return day.heavy if kind == "heavy" else day.light
    raise RuntimeError("the default build-up has no double day")  # its week 1 always has one


def _settings(store: Store, plan: PlanRecord) -> PlanSettings | None:
    """The plan's settings and variant swaps, read the way the planning screens store them."""
    try:
        known = {f.name for f in fields(PlanSettings)} - {"selection"}
        values = {
            name: tuple(value) if isinstance(value, list) else value
            for name, value in plan.options.items()
            if name in known
        }
        stored = dict(plan.options.get("selection", {}))
        if "finisher" in stored:
            stored["finisher"] = tuple(stored["finisher"])
        selection = ExerciseSelection(**stored)
        swaps = plan_exercises(store, plan.id or 0, session_kind=_SWAP_KIND)
        for swap in sorted(swaps, key=lambda s: s.slot):
            if swap.slot < len(SWAPPABLE):
                key = None if swap.exercise_key == _NO_EXERCISE else swap.exercise_key
                selection = with_variant(selection, SWAPPABLE[swap.slot], key)
        return PlanSettings(
            race_date=plan.race_date,
            weeks=plan.weeks,
            long_run_day=plan.long_run_day,
            speed_day=plan.speed_day,
            cramp_sites=tuple(plan.cramp_sites) or ("none",),
            units=plan.units,
            selection=selection,
            **{k: v for k, v in values.items() if k not in {"race_date", "weeks", "units"}},
        )
    except (TypeError, ValueError) as error:
        log.warning("Plan %s unreadable for gym mode (%s); using the defaults", plan.id, error)
        return None
