"""A double day's prescription in words, shared by the plan view and the calendar export."""

from __future__ import annotations

from datetime import date

from desktop.domain.buildup.exercises import dosed_name
from desktop.domain.buildup.model import WEEKDAY_NAMES, After, PlannedDay, SessionPrescription

AFTER_WORDS = {"long_run": "the long run", "speed_run": "the speed run"}
PHASE_WORDS = {"phase1": "Phase 1", "phase2": "Phase 2", "taper": "Taper"}


def when(session: SessionPrescription, after: After) -> str:
    """When in the day this session happens, as the protocol puts it."""
    if session.kind == "heavy":
        return f"Heavy, right after {AFTER_WORDS[after]}"
    return "Light, later the same day"


def dose(session: SessionPrescription) -> str:
    """Sets, reps and the rest window, e.g. "4 sets × 4–5 reps · rest 3:00–5:00"."""
    lo, hi = session.reps
    rest_lo, rest_hi = session.rest_s
    rest = f"{_clock(rest_lo)}–{_clock(rest_hi)}" if rest_hi >= 120 else f"{rest_lo}–{rest_hi} s"
    return f"{session.sets} sets × {lo}–{hi} reps · rest {rest}"


def exercise_names(session: SessionPrescription) -> list[str]:
    """Exercise names as the athlete does them: loaded lifts heavy, bodyweight forms light."""
    return [dosed_name(key, session.kind) for key in session.exercises]


def day_heading(day: PlannedDay) -> str:
    """E.g. "Sunday 31 January 2027 — after the long run"."""
    return f"{long_date(day.date)} — after {AFTER_WORDS[day.after]}"


def day_context(day: PlannedDay) -> str:
    """Where the day sits in the build-up, e.g. "Week 4 · 11 weeks out · Phase 2"."""
    return f"Week {day.week} · {day.weeks_out} weeks out · {PHASE_WORDS[day.phase]}"


def session_text(session: SessionPrescription, after: After) -> str:
    """One paragraph for a calendar: when, dose, exercises and the cue."""
    return (
        f"{when(session, after)}: {dose(session)}.\n"
        f"{', '.join(exercise_names(session))}.\n"
        f"Cue: {session.cue}."
    )


def long_date(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()][:3]} {day.day} {day:%b}"


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
