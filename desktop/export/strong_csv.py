"""Rows of a Strong-compatible CSV, so lifters can take their log to the tools they already use.

Strong's own columns come first, in Strong's order, with warm-up sets numbered `W`; Cramproof's
extras (session part, rest target and actual rest, build-up week) follow at the end, where
importers that only know Strong's columns ignore them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from db.history_queries import build_up_weeks_by_day, exercise_names, export_rows
from db.plans import active_plan
from db.records import from_utc_text
from db.store import Store
from desktop.domain.buildup.model import PlanSettings, Units
from desktop.domain.gym.plates import kg_to_lb
from desktop.plan.reader import PlanReader
from desktop.plan.rows import week_of

STRONG_HEADER = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Weight Unit",
    "Reps",
    "Distance",
    "Distance Unit",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
    "Session Part",
    "Rest Target (s)",
    "Rest Actual (s)",
    "Build-up Week",
)
WORKOUT_NAMES = {"heavy": "Cramproof heavy", "light": "Cramproof light"}
STRONG_UNITS = {"kg": "kg", "lb": "lbs"}


def strong_rows(store: Store, *, athlete_id: int, units: Units) -> Iterator[list[Any]]:
    """One row per set, in the order the sets were done."""
    plan = active_plan(store, athlete_id)
    settings = PlanReader(store, now=lambda: datetime.now(UTC)).settings(plan) if plan else None
    targets = _rest_targets(settings)
    sessions = {row["id"]: row for row in export_rows(store, "sessions", athlete_id)}
    weeks = build_up_weeks_by_day(store, athlete_id)
    names = exercise_names(store)
    order: Counter[tuple[int, int]] = Counter()
    for st in export_rows(store, "sets", athlete_id):
        session = sessions[st["session_id"]]
        started = from_utc_text(session["started_at"]).astimezone()
        if st["warmup"]:
            set_order: Any = "W"
        else:
            order[(st["session_id"], st["exercise_id"])] += 1
            set_order = order[(st["session_id"], st["exercise_id"])]
        linked = weeks.get(session["planned_day_id"])
        week = linked[0] if linked else _week_of(settings, started.date())
        load = st["load_kg"] if units == "kg" else kg_to_lb(st["load_kg"])
        yield [
            started.strftime("%Y-%m-%d %H:%M:%S"),
            WORKOUT_NAMES.get(session["kind"], session["kind"]),
            _duration(session["started_at"], session["ended_at"]),
            names.get(st["exercise_id"], ("", "?"))[1],
            set_order,
            f"{round(load, 2):g}",
            STRONG_UNITS[units],
            st["reps"],
            "",
            "",
            _seconds(st.get("hold_s")),
            "" if st["form_held"] else "form broke",
            session["notes"],
            "",
            session["kind"],
            targets.get(session["kind"], ""),
            _seconds(st["rest_before_s"]),
            week if week is not None else "",
        ]


def _rest_targets(settings: PlanSettings | None) -> dict[str, str]:
    heavy = settings.heavy_rest_s if settings else (180, 300)
    light = settings.light_rest_s if settings else (60, 90)
    return {"heavy": f"{heavy[0]}-{heavy[1]}", "light": f"{light[0]}-{light[1]}"}


def _week_of(settings: PlanSettings | None, day: date) -> int | None:
    """The active build-up's week holding `day`, for sessions not linked to a planned day."""
    return None if settings is None else week_of(settings, day)


def _duration(started: str, ended: str | None) -> str:
    """Strong's duration form: '1h 5m', '48m'."""
    if not ended:
        return ""
    minutes = max(0, round((from_utc_text(ended) - from_utc_text(started)).total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{round(value, 1):g}"
