"""A build-up as the `plan` command shows it: a JSON-ready dict, or a plain-text table."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.domain.buildup.exercises import dosed_name, session_name
from desktop.domain.buildup.model import (
    WEEKDAY_NAMES,
    BuildUp,
    PlannedDay,
    PlanWeek,
    SessionPrescription,
)

PHASE_LABELS = {"phase1": "phase 1", "phase2": "phase 2", "taper": "taper"}
AFTER_LABELS = {"long_run": "long run", "speed_run": "speed run"}


def plan_to_dict(build_up: BuildUp) -> dict[str, Any]:
    """The stable JSON shape other tools read; dates are ISO strings, ranges are [lo, hi]."""
    return {
        "race_date": build_up.race_date.isoformat(),
        "weeks_total": build_up.weeks_total,
        "weeks": [_week_dict(week) for week in build_up.weeks],
    }


def _week_dict(week: PlanWeek) -> dict[str, Any]:
    return {
        "week": week.number,
        "weeks_out": week.weeks_out,
        "start": week.start.isoformat(),
        "end": week.end.isoformat(),
        "phase": week.phase,
        "days": [_day_dict(day) for day in week.days],
    }


def _day_dict(day: PlannedDay) -> dict[str, Any]:
    return {
        "date": day.date.isoformat(),
        "after": day.after,
        "conditional": day.conditional,
        "sessions": [_session_dict(session) for session in day.sessions],
    }


def _session_dict(session: SessionPrescription) -> dict[str, Any]:
    return {
        "kind": session.kind,
        "sets": session.sets,
        "reps": list(session.reps),
        "rest_s": list(session.rest_s),
        "exercises": list(session.exercises),
        "names": [session_name(key, session.kind) for key in session.exercises],
    }


def plan_to_text(build_up: BuildUp) -> str:
    """A table a person reads in a terminal: one row per double day, taper weeks marked."""
    s = build_up.settings
    lines = [
        f"Cramproof build-up for the race on {_day_name(build_up.race_date)} "
        f"{build_up.race_date.isoformat()}: {s.weeks} weeks, long run on "
        f"{WEEKDAY_NAMES[s.long_run_day]}, speed run on {WEEKDAY_NAMES[s.speed_day]}."
    ]
    if build_up.warning:
        lines.append(f"Warning: {build_up.warning}")
    if build_up.reason:
        lines.append(build_up.reason)
    first = next(iter(build_up.days), None)
    if first is not None:
        lines += ["", _session_line(first.heavy), _session_line(first.light)]
    lines += ["", f"{'Week':>4}  {'Out':>3}  {'Dates':<24}  {'Phase':<7}  Double days"]
    for week in build_up.weeks:
        dates = f"{week.start.isoformat()} .. {week.end.isoformat()}"
        lead = f"{week.number:>4}  {week.weeks_out:>3}  {dates:<24}  {PHASE_LABELS[week.phase]:<7}"
        rows = [_day_row(day) for day in week.days] or [_empty_week(week)]
        lines.append(f"{lead}  {rows[0]}")
        lines += [f"{'':<{len(lead)}}  {row}" for row in rows[1:]]
    return "\n".join(lines)


def _session_line(session: SessionPrescription) -> str:
    when = "Heavy, right after the run" if session.kind == "heavy" else "Light, later the same day"
    names = [dosed_name(key, session.kind) for key in session.exercises]
    lo, hi = session.rest_s
    return (
        f"{when}: {', '.join(names)}; {session.reps[0]}-{session.reps[1]} reps, "
        f"rest {_clock(lo)}-{_clock(hi)}. Cue: {session.cue}."
    )


def _day_row(day: PlannedDay) -> str:
    condition = " (if the gate opens and you accept)" if day.conditional else ""
    return (
        f"{_day_name(day.date)} {day.date.isoformat()} after the {AFTER_LABELS[day.after]}"
        f"{condition}: heavy {day.heavy.sets} sets, light {day.light.sets} sets"
    )


def _empty_week(week: PlanWeek) -> str:
    return "no strength work (taper)" if week.phase == "taper" else "no day left this week"


def _day_name(day: date) -> str:
    return WEEKDAY_NAMES[day.weekday()][:3]


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
