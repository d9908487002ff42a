"""The build-up: weeks counted back from race day, phases, double days, late starts, re-planning."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from desktop.domain.buildup.exercises import heavy_exercises, light_exercises
from desktop.domain.buildup.model import (
    HEAVY_CUE,
    LIGHT_CUE,
    WEEKDAY_NAMES,
    After,
    BuildUp,
    Phase,
    PlanInputError,
    PlannedDay,
    PlanSettings,
    PlanWeek,
    SecondDayState,
    SessionPrescription,
)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WEEK = timedelta(days=7)
YEARS_AHEAD = 2


def parse_date(text: str) -> date:
    """Read a YYYY-MM-DD date typed by the athlete."""
    cleaned = text.strip()
    if not _ISO_DATE.fullmatch(cleaned):
        raise PlanInputError(f"Cannot read the date {text!r}: use YYYY-MM-DD, e.g. 2027-04-18.")
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise PlanInputError(f"{text!r} is not a real calendar date.") from None


def parse_weekday(text: str) -> int:
    """Read a weekday (mon..sun, or the full name, any case) as 0=Monday..6=Sunday."""
    cleaned = text.strip().lower()
    if len(cleaned) >= 3:
        for number, name in enumerate(WEEKDAY_NAMES):
            if name.lower().startswith(cleaned):
                return number
    raise PlanInputError(f"Cannot read the weekday {text!r}: use mon, tue, ... sun or a full name.")


def check_race_date(race_date: date, *, today: date) -> None:
    """Refuse a race more than two years ahead: a build-up is 14-16 weeks, so such a date is
    almost always a typo, and one far enough out would overflow the calendar."""
    latest = latest_race_date(today)
    if race_date > latest:
        raise PlanInputError(
            f"The race date {race_date.isoformat()} is more than {YEARS_AHEAD} years away "
            f"(latest {latest.isoformat()}): set up the build-up nearer the race."
        )


def latest_race_date(today: date) -> date:
    """The same day `YEARS_AHEAD` years on (28 February for a 29th), or the calendar's end."""
    year = today.year + YEARS_AHEAD
    if year > date.max.year:
        return date.max
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


def week_start(race_date: date, weeks: int, number: int) -> date:
    """First day of week `number` (1..weeks) of a build-up ending on race day."""
    return race_date - (weeks - number + 1) * WEEK


def phase_of(settings: PlanSettings, weeks_out: int) -> Phase:
    if weeks_out <= settings.taper_weeks:
        return "taper"
    if weeks_out > settings.weeks - settings.phase1_weeks:
        return "phase1"
    return "phase2"


def in_taper(settings: PlanSettings, day: date) -> bool:
    """Whether `day` falls in the taper, from `taper_weeks` before race day to race day itself:
    the protocol does no strength work then, so gym mode asks before starting a session."""
    return settings.race_date - settings.taper_weeks * WEEK <= day <= settings.race_date


def build_plan(
    settings: PlanSettings, *, today: date, second_day: SecondDayState | None = None
) -> BuildUp:
    """Plan the build-up as seen on `today`: nothing before today, weeks already over left out."""
    return _plan(settings, today=today, started_on=today, second_day=second_day)


def replan(
    old: BuildUp,
    new_settings: PlanSettings,
    *,
    today: date,
    second_day: SecondDayState | None = None,
) -> BuildUp:
    """Re-plan from `today` on; every day of `old` before today is kept exactly as it was.

    The late-start warning still refers to when the athlete first started, not to this change.
    """
    new = _plan(new_settings, today=today, started_on=old.started_on, second_day=second_day)
    kept = tuple(day for day in old.days if day.date < today)
    return replace(new, history=kept)


def _plan(
    settings: PlanSettings,
    *,
    today: date,
    started_on: date,
    second_day: SecondDayState | None,
) -> BuildUp:
    if settings.race_date < today:
        raise PlanInputError(
            f"The race date {settings.race_date.isoformat()} is in the past "
            f"(today is {today.isoformat()})."
        )
    state = second_day or SecondDayState()
    weeks = tuple(
        _week(settings, number, today, state)
        for number in range(1, settings.weeks + 1)
        if week_start(settings.race_date, settings.weeks, number) + WEEK > today
    )
    warning = late_start_warning(settings, started_on, today=today)
    has_days = any(week.days for week in weeks)
    reason = None if has_days else _no_plan_reason(settings, today)
    return BuildUp(settings, today, started_on, weeks, warning, reason)


def _week(settings: PlanSettings, number: int, today: date, state: SecondDayState) -> PlanWeek:
    start = week_start(settings.race_date, settings.weeks, number)
    weeks_out = settings.weeks - number + 1
    phase = phase_of(settings, weeks_out)
    candidates: list[tuple[date, After, bool]] = []
    if phase != "taper":
        candidates.append((_weekday_in(start, settings.long_run_day), "long_run", False))
    if phase == "phase2":
        speed_date = _weekday_in(start, settings.speed_day)
        candidates.append((speed_date, "speed_run", not state.confirms(speed_date)))
    days = tuple(
        _double_day(settings, when, after, conditional, number, weeks_out, phase)
        for when, after, conditional in sorted(candidates)
        if when >= today
    )
    return PlanWeek(number, weeks_out, start, start + WEEK - timedelta(days=1), phase, days)


def _weekday_in(start: date, weekday: int) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _double_day(
    settings: PlanSettings,
    when: date,
    after: After,
    conditional: bool,
    number: int,
    weeks_out: int,
    phase: Phase,
) -> PlannedDay:
    heavy_sets = settings.heavy_sets_phase1 if phase == "phase1" else settings.heavy_sets_later
    heavy = SessionPrescription(
        "heavy",
        heavy_sets,
        settings.heavy_reps,
        settings.heavy_rest_s,
        heavy_exercises(settings.selection, settings.cramp_sites),
        HEAVY_CUE,
    )
    light = SessionPrescription(
        "light",
        settings.light_sets,
        settings.light_reps,
        settings.light_rest_s,
        light_exercises(settings.selection),
        LIGHT_CUE,
    )
    return PlannedDay(when, after, conditional, heavy, light, number, weeks_out, phase)


def late_start_warning(settings: PlanSettings, started_on: date, *, today: date) -> str | None:
    """Why the plan begins past its week 1, said while it matters; None otherwise.

    Nothing when no whole week was over at the start (a start within week 1 loses only the
    days before it, which the plan shows plainly). Once the week the plan started in is over,
    the weeks before it are history like any other past week, so the note goes: it kept the
    Plan screen's banner up for the whole build-up. Re-plans keep `started_on`, so the note
    still refers to the first start while it shows.
    """
    first = week_start(settings.race_date, settings.weeks, 1)
    over = min(settings.weeks, (started_on - first).days // 7)
    if over < 1 or (today - first).days >= (over + 1) * 7:  # no date past 9999-12-31 needed
        return None
    weeks = "the week already over is" if over == 1 else f"the {over} weeks already over are"
    return (
        f"Late start: this {settings.weeks}-week build-up began on "
        f"{first:%a} {first.day} {first:%b %Y}; {weeks} left out and no day before "
        f"{started_on:%a} {started_on.day} {started_on:%b} is planned."
    )


def _no_plan_reason(settings: PlanSettings, today: date) -> str:
    taper_from = settings.race_date - settings.taper_weeks * WEEK
    if today >= taper_from:
        return (
            f"No strength plan: the race is {(settings.race_date - today).days} days away and "
            f"strength double days stop {settings.taper_weeks} weeks before it "
            f"(from {taper_from.isoformat()})."
        )
    return (
        f"No strength plan: no long-run or speed-run day is left between "
        f"{today.isoformat()} and the taper on {taper_from.isoformat()}."
    )
