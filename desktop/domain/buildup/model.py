"""Value types of a build-up: the athlete's plan settings and the days the plan prescribes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

Units = Literal["kg", "lb"]
Phase = Literal["phase1", "phase2", "taper"]
After = Literal["long_run", "speed_run"]
SessionKind = Literal["heavy", "light"]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
BUILD_UP_WEEKS = (14, 15, 16)
CRAMP_SITES = ("calf", "hamstring", "quad", "foot", "other", "none")
DEFAULT_FINISHER = ("plank", "side_plank", "dead_bug", "single_leg_glute_bridge")

HEAVY_CUE = "tired legs: form first"
LIGHT_CUE = "reinforce the movement"


class PlanInputError(ValueError):
    """A plan input the athlete has to correct; the message is one line meant for them."""


@dataclass(frozen=True)
class ExerciseSelection:
    """Which variant of each movement this plan uses; the athlete can swap any of them."""

    squat: str = "back_squat"
    deadlift: str = "conventional_deadlift"
    lunge: str = "reverse_lunge"
    hip_thrust: str | None = None
    accessory: str | None = None
    finisher: tuple[str, ...] = DEFAULT_FINISHER
    include_accessory: bool = True
    include_finisher: bool = True


@dataclass(frozen=True)
class PlanSettings:
    """Everything the athlete chooses for a build-up; every protocol default is a field here."""

    race_date: date
    weeks: int = 14
    long_run_day: int = 6
    speed_day: int = 2
    cramp_sites: tuple[str, ...] = ("none",)
    units: Units = "kg"
    phase1_weeks: int = 3
    heavy_sets_phase1: int = 3
    heavy_sets_later: int = 4
    light_sets: int = 2
    heavy_reps: tuple[int, int] = (4, 5)
    light_reps: tuple[int, int] = (10, 20)
    heavy_rest_s: tuple[int, int] = (180, 300)
    light_rest_s: tuple[int, int] = (60, 90)
    taper_weeks: int = 3
    selection: ExerciseSelection = field(default_factory=ExerciseSelection)

    def __post_init__(self) -> None:
        _check_settings(self)


def _check_settings(s: PlanSettings) -> None:
    """Reject settings the protocol cannot plan, so an invalid PlanSettings never exists."""
    if s.weeks not in BUILD_UP_WEEKS:
        raise PlanInputError(f"The build-up must be 14, 15 or 16 weeks, not {s.weeks}.")
    # A week to spare before the build-up: sessions done a day off their date are looked for.
    if s.race_date < date.min + timedelta(weeks=s.weeks + 1):
        raise PlanInputError(
            f"The race date {s.race_date.isoformat()} is too early: its {s.weeks}-week "
            "build-up would begin before the year 1."
        )
    for label, day in (("long-run", s.long_run_day), ("speed-run", s.speed_day)):
        if not 0 <= day <= 6:
            raise PlanInputError(
                f"The {label} weekday must be 0 (Monday) to 6 (Sunday), not {day}."
            )
    if s.long_run_day == s.speed_day:
        raise PlanInputError(
            "The long run and the speed run must be on different days "
            f"(both are on {WEEKDAY_NAMES[s.long_run_day]})."
        )
    unknown = [site for site in s.cramp_sites if site not in CRAMP_SITES]
    if unknown:
        raise PlanInputError(
            f"Unknown cramp site {unknown[0]!r}; choose from {', '.join(CRAMP_SITES)}."
        )
    if "none" in s.cramp_sites and len(s.cramp_sites) > 1:
        raise PlanInputError("Cramp site 'none' cannot be combined with other sites.")
    if s.units not in ("kg", "lb"):
        raise PlanInputError(f"Units must be kg or lb, not {s.units!r}.")
    _check_range("heavy sets in phase 1", s.heavy_sets_phase1, 3, 6)
    _check_range("heavy sets after phase 1", s.heavy_sets_later, 3, 6)
    _check_range("light sets", s.light_sets, 1, 4)
    if s.phase1_weeks < 1 or s.taper_weeks < 0 or s.phase1_weeks + s.taper_weeks > s.weeks:
        raise PlanInputError(
            f"Phase 1 ({s.phase1_weeks} weeks) and taper ({s.taper_weeks} weeks) "
            f"do not fit in a {s.weeks}-week build-up."
        )
    for label, (lo, hi) in (
        ("heavy reps", s.heavy_reps),
        ("light reps", s.light_reps),
        ("heavy rest", s.heavy_rest_s),
        ("light rest", s.light_rest_s),
    ):
        if not 0 < lo <= hi:
            raise PlanInputError(f"The {label} range {lo}-{hi} must be positive and low to high.")


def _check_range(label: str, value: int, lo: int, hi: int) -> None:
    if not lo <= value <= hi:
        raise PlanInputError(f"The number of {label} must be {lo} to {hi}, not {value}.")


@dataclass(frozen=True)
class SecondDayState:
    """What the athlete's history says about phase 2's second double day.

    The gate opening alone never adds a session: the athlete has to accept it. The session layer
    re-checks the gate every week and re-plans with a fresh state when it closes again.
    """

    gate_open_from: date | None = None
    accepted_from: date | None = None
    declined: bool = False

    def confirms(self, day: date) -> bool:
        """True when the second double day on `day` is a firm part of the plan."""
        if self.declined or self.gate_open_from is None or self.accepted_from is None:
            return False
        return day >= max(self.gate_open_from, self.accepted_from)


@dataclass(frozen=True)
class SessionPrescription:
    """One half of a double day: what to lift, how many sets and reps, how long to rest."""

    kind: SessionKind
    sets: int
    reps: tuple[int, int]
    rest_s: tuple[int, int]
    exercises: tuple[str, ...]
    cue: str


@dataclass(frozen=True)
class PlannedDay:
    """A double day: heavy right after the run, light later the same day."""

    date: date
    after: After
    conditional: bool
    heavy: SessionPrescription
    light: SessionPrescription
    week: int
    weeks_out: int
    phase: Phase

    @property
    def sessions(self) -> tuple[SessionPrescription, SessionPrescription]:
        return (self.heavy, self.light)


@dataclass(frozen=True)
class PlanWeek:
    """One of the N weeks counted back from race day; `end` is its last day, inclusive."""

    number: int
    weeks_out: int
    start: date
    end: date
    phase: Phase
    days: tuple[PlannedDay, ...]


@dataclass(frozen=True)
class BuildUp:
    """A whole build-up as planned on `today`.

    `history` holds days kept unchanged from an earlier plan when re-planning; `weeks` never
    holds a day before `today`. `warning` flags a late start, `reason` says why nothing is planned.
    """

    settings: PlanSettings
    today: date
    started_on: date
    weeks: tuple[PlanWeek, ...]
    warning: str | None = None
    reason: str | None = None
    history: tuple[PlannedDay, ...] = ()

    @property
    def race_date(self) -> date:
        return self.settings.race_date

    @property
    def weeks_total(self) -> int:
        return self.settings.weeks

    @property
    def days(self) -> tuple[PlannedDay, ...]:
        """Every day of the build-up, kept history first, in date order."""
        return self.history + tuple(day for week in self.weeks for day in week.days)
