"""The setup form's values and their validation: one plain message per problem, nothing saved."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from db.athletes import clean_name
from desktop.domain.buildup.model import WEEKDAY_NAMES, BuildUp, PlanInputError, PlanSettings, Units
from desktop.domain.buildup.plan import build_plan, check_race_date, parse_date


@dataclass(frozen=True, kw_only=True)
class SetupForm:
    """What the athlete typed and picked; `race_date` is raw text so typos get a clear message."""

    name: str
    race_date: str
    weeks: int = 14
    long_run_day: int = 6
    speed_day: int = 2
    cramp_sites: tuple[str, ...] = ()
    units: Units = "kg"


@dataclass(frozen=True)
class SetupPreview:
    """A form that passed: the cleaned name, the settings and the build-up it would save."""

    name: str
    settings: PlanSettings
    build_up: BuildUp

    def summary(self) -> str:
        """One line that tells the athlete what they are about to get."""
        days = self.build_up.days
        first = days[0].date
        week_count = sum(1 for week in self.build_up.weeks if week.phase != "taper")
        text = (
            f"{week_count} weeks of strength work: first double day "
            f"{_long_date(first)}; race day {_long_date(self.settings.race_date)}."
        )
        return f"{text} {self.build_up.warning}" if self.build_up.warning else text


def check_setup(form: SetupForm, *, today: date) -> SetupPreview:
    """Validate the form as the engine would plan it; PlanInputError says what to fix."""
    try:
        name = clean_name(form.name)
    except ValueError as error:
        raise PlanInputError(str(error)) from None
    if not form.race_date.strip():
        raise PlanInputError("Enter your race date as YYYY-MM-DD, e.g. 2027-04-18.")
    race_date = parse_date(form.race_date)
    check_race_date(race_date, today=today)
    settings = settings_for(form, race_date=race_date)
    build_up = build_plan(settings, today=today)
    if build_up.reason:
        raise PlanInputError(build_up.reason)
    return SetupPreview(name, settings, build_up)


def settings_for(
    form: SetupForm, *, race_date: date, base: PlanSettings | None = None
) -> PlanSettings:
    """The form's choices on top of `base` (an existing plan's other settings) or the defaults."""
    values = {
        "race_date": race_date,
        "weeks": form.weeks,
        "long_run_day": form.long_run_day,
        "speed_day": form.speed_day,
        "cramp_sites": form.cramp_sites or ("none",),
        "units": form.units,
    }
    if base is None:
        return PlanSettings(**values)  # type: ignore[arg-type]
    return replace(base, **values)  # type: ignore[arg-type]


def form_for(name: str, settings: PlanSettings) -> SetupForm:
    """The form filled in from a saved plan, for changing its race date or weekdays."""
    sites = tuple(site for site in settings.cramp_sites if site != "none")
    return SetupForm(
        name=name,
        race_date=settings.race_date.isoformat(),
        weeks=settings.weeks,
        long_run_day=settings.long_run_day,
        speed_day=settings.speed_day,
        cramp_sites=sites,
        units=settings.units,
    )


def _long_date(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()][:3]} {day.day} {day:%b %Y}"
