"""Which session gym mode opens: the athlete, today's planned day and its prescription, the bar.

Gym mode must never wait for a form: with no athlete a default one is created, with no plan (or
nothing planned today) an unplanned session with the protocol's default exercises starts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from db.athletes import create_athlete
from db.plans import active_plan, planned_days
from db.records import PlanRecord
from db.sessions import sessions_for_athlete
from db.settings import set_setting
from db.store import Store
from desktop.domain.buildup.model import (
    After,
    PlanSettings,
    SessionKind,
    SessionPrescription,
    Units,
)
from desktop.domain.buildup.plan import build_plan, in_taper
from desktop.gym.opening.equipment import Equipment, equipment
from desktop.plan.reader import LAST_ATHLETE, PlanReader

log = logging.getLogger(__name__)

DEFAULT_ATHLETE = "Runner"
TAPER_HEADLINE = "Taper: no strength work — arrive fresh"


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
    """The athlete last opened on this laptop (as the plan screens pick it), else a new one."""
    athlete = PlanReader(store, now=lambda: now).current_athlete()
    if athlete is not None:
        return athlete.id
    created = create_athlete(store, DEFAULT_ATHLETE, created_at=now)
    set_setting(store, LAST_ATHLETE, str(created.id))
    log.info("No athlete yet: created %r so the session can start", DEFAULT_ATHLETE)
    return created.id


def taper_words(store: Store, *, now: datetime) -> str | None:
    """What gym mode says before starting a session in the current runner's taper, else None.

    The protocol stops strength work three weeks before race day: a session started then is
    asked about first, never opened as if it were planned."""
    athlete = PlanReader(store, now=lambda: now).current_athlete()
    plan = active_plan(store, athlete.id) if athlete is not None else None
    settings = _settings(store, plan) if plan is not None else None
    today = now.astimezone().date()
    if settings is None or not in_taper(settings, today):
        return None
    days = (settings.race_date - today).days
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    return f"{TAPER_HEADLINE}.\n\nRace day is {when}: the plan has no session until then."


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
    """The plan's settings with its variant swaps, read as the plan screens read them."""
    try:
        return PlanReader(store, now=lambda: plan.created_at).settings(plan)  # reads no clock
    except (TypeError, ValueError) as error:
        log.warning("Plan %s unreadable for gym mode (%s); using the defaults", plan.id, error)
        return None
