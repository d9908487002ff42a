"""Rows as frozen dataclasses, and the text forms they take in SQLite (UTC ISO-8601, YYYY-MM-DD).

Records that the app builds before they are stored (plans, planned days, sets) take `id=None`;
the store returns a copy carrying the new id. Every field is keyword-only so that call sites read
like the table they fill. `PlanRecord.options` keeps the plan settings that have no column of
their own (sets, rest windows, variants) as JSON, so a new protocol default needs no migration.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from db.lean_dataclass import frozen_dataclass

SessionKind = Literal["heavy", "light"]
SessionState = Literal["in_progress", "finished", "abandoned"]


@frozen_dataclass(kw_only=True)
class Athlete:
    id: int
    name: str
    created_at: datetime


@frozen_dataclass(kw_only=True)
class PlanRecord:
    athlete_id: int
    race_date: date
    weeks: int
    long_run_day: int
    speed_day: int
    cramp_sites: tuple[str, ...]
    units: Literal["kg", "lb"]
    created_at: datetime
    active: bool = True
    options: Mapping[str, Any] = field(default_factory=dict)
    id: int | None = None


@frozen_dataclass(kw_only=True)
class PlannedDayRecord:
    date: date
    after: Literal["long_run", "speed_run"]
    conditional: bool
    week: int
    weeks_out: int
    phase: str
    plan_id: int | None = None
    superseded_at: datetime | None = None
    id: int | None = None


@frozen_dataclass(kw_only=True)
class PlanExercise:
    plan_id: int
    session_kind: SessionKind
    slot: int
    exercise_key: str


@frozen_dataclass(kw_only=True)
class GateDecision:
    id: int
    plan_id: int
    week_start: date
    decision: Literal["accepted", "declined"]
    decided_at: datetime


@frozen_dataclass(kw_only=True)
class ExerciseRecord:
    id: int
    key: str
    name: str
    movement: str
    barbell: bool
    bodyweight: bool


@frozen_dataclass(kw_only=True)
class SessionRecord:
    id: int
    athlete_id: int
    planned_day_id: int | None
    kind: SessionKind
    started_at: datetime
    ended_at: datetime | None
    state: SessionState
    notes: str
    rest_started_at: datetime | None
    rest_paused_s: float
    rest_paused_since: datetime | None = None
    rest_extended_s: float = 0.0
    layout: Mapping[str, Any] = field(default_factory=dict)


@frozen_dataclass(kw_only=True)
class SetRecord:
    session_id: int
    exercise_id: int
    set_index: int
    warmup: bool
    target_reps_min: int
    target_reps_max: int
    reps: int
    load_kg: float
    form_held: bool
    started_at: datetime
    ended_at: datetime
    rest_before_s: float | None = None
    rest_paused_s: float | None = None
    rest_extended_s: float | None = None
    over_rest_s: float | None = None
    hold_s: float | None = None
    id: int | None = None


@frozen_dataclass(kw_only=True)
class CheckIn:
    id: int
    athlete_id: int
    week_start: date
    pain: bool
    recovered: bool
    created_at: datetime


@frozen_dataclass(kw_only=True)
class CrampReport:
    id: int
    athlete_id: int
    session_id: int | None
    date: date
    cramped: bool
    sites: tuple[str, ...]
    distance_km: float | None
    severity: int
    created_at: datetime


def now_utc() -> datetime:
    """The default for a created_at the caller did not give."""
    return datetime.now(UTC)


def require_aware(moment: datetime, *, what: str = "time") -> datetime:
    """Refuse naive datetimes: stored times are UTC, and a naive one has no known offset."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware (for example datetime.now(UTC))")
    return moment


def utc_text(moment: datetime) -> str:
    """One fixed-width UTC form, so that text order is time order in SQL."""
    require_aware(moment)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def optional_utc_text(moment: datetime | None) -> str | None:
    return None if moment is None else utc_text(moment)


def from_utc_text(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def optional_from_utc_text(text: str | None) -> datetime | None:
    return None if text is None else from_utc_text(text)


def local_days_in_utc(first: date, last: date) -> tuple[str, str]:
    """Bounds on stored UTC times (`utc_text`) that hold everything begun on the local days
    `first` to `last` anywhere on Earth (up to 14 hours from UTC), and perhaps a day more each
    side: `low <= started_at < high` in SQL, with the exact day checked after reading."""
    return str(first - timedelta(days=1)), str(last + timedelta(days=2))


def date_text(day: date) -> str:
    if isinstance(day, datetime):
        raise ValueError("expected a calendar date, got a datetime")
    return day.isoformat()


def from_date_text(text: str) -> date:
    return date.fromisoformat(text)


def sites_text(sites: tuple[str, ...] | list[str]) -> str:
    return json.dumps(list(sites))


def from_sites_text(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


@frozen_dataclass
class BackupInfo:
    """One backup file; `taken_at` (UTC) and `reason` are read from its name (see db.backup)."""

    path: Path
    taken_at: datetime
    reason: str | None
