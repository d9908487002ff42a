"""The build-up use case: athletes, setup, re-planning, the weekly check-in, the gate, variants.

Qt-free. With `plan_rows` (the mapping) and `plan_reader` (the queries) it is the only place where
stored plan rows meet the plan engine's objects; the screens call these methods and render what
they return.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from db.athletes import create_athlete, get_athlete, list_athletes
from db.checkins import record_checkin as store_checkin
from db.light_reminders import light_reminder
from db.plans import (
    record_gate_decision,
    replace_future_days,
    replan_plan,
    save_plan,
    set_plan_exercise,
)
from db.records import Athlete, PlanRecord
from db.settings import set_setting
from db.store import Store
from desktop.domain.buildup.exercises import with_variant
from desktop.domain.buildup.model import (
    BuildUp,
    ExerciseSelection,
    PlanInputError,
    PlanSettings,
    SecondDayState,
)
from desktop.domain.buildup.plan import replan
from desktop.plan.overview import PlanOverview
from desktop.plan.reader import (
    LAST_ATHLETE,
    CheckinOutlook,
    CheckinQuestion,
    PlanReader,
    plan_id,
    this_week,
)
from desktop.plan.rows import day_records, plan_record, settings_from, swap_slot
from desktop.plan.setup_form import SetupForm, SetupPreview, check_setup, form_for, settings_for
from desktop.runtime.changes import LogChanges

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SecondDayOffer:
    """The gate is open: offer a second double day after the speed run, from `first_day` on."""

    week_start: date
    first_day: date | None


class Planning:
    """One open training log's build-ups, for the athlete currently at the laptop."""

    def __init__(
        self, store: Store, *, now: Callable[[], datetime], changes: LogChanges | None = None
    ) -> None:
        self._store = store
        self._now = now
        self._told = changes or LogChanges()  # every screen redraws after a plan change
        self._read = PlanReader(store, now=now)

    def today(self) -> date:
        return self._read.today()

    def athletes(self) -> list[Athlete]:
        return list_athletes(self._store)

    def current_athlete(self) -> Athlete | None:
        """The athlete last opened on this laptop (app-wide setting), else the first one."""
        return self._read.current_athlete()

    def switch_athlete(self, athlete_id: int) -> Athlete:
        """Open another athlete's plan; they open by default next time."""
        athlete = get_athlete(self._store, athlete_id)
        set_setting(self._store, LAST_ATHLETE, str(athlete.id))
        log.info("Switched to athlete %s", athlete.id)
        self._told.report("athlete")
        return athlete

    def add_athlete(self, name: str) -> Athlete:
        """A new runner on this laptop, made the current one."""
        try:
            athlete = create_athlete(self._store, name, created_at=self._now())
        except ValueError as error:
            raise PlanInputError(str(error)) from None
        return self.switch_athlete(athlete.id)

    def preview_setup(self, form: SetupForm) -> SetupPreview:
        """Validate a setup form without saving anything (the dialog calls this as you type)."""
        return check_setup(form, today=self.today())

    def set_up(self, form: SetupForm) -> PlanOverview:
        """Save a new build-up for the named athlete (added if new) and make them current."""
        preview = self.preview_setup(form)
        existing = {athlete.name: athlete for athlete in self.athletes()}
        athlete = existing.get(preview.name) or self.add_athlete(preview.name)
        self.switch_athlete(athlete.id)
        record = plan_record(
            preview.settings, athlete_id=athlete.id, created_at=self._now(), started_on=self.today()
        )
        plan = save_plan(self._store, record, day_records(preview.build_up.days))
        log.info("Saved plan %s for athlete %s", plan.id, athlete.id)
        self.refresh()
        self._told.report("plan")
        return self._require_overview()

    def current_form(self) -> SetupForm | None:
        """The current plan as a filled-in form, for changing its race date or weekdays."""
        athlete, plan = self._read.athlete_and_plan()
        if athlete is None or plan is None:
            return None
        return form_for(athlete.name, settings_from(plan))

    def change_plan(self, form: SetupForm) -> PlanOverview:
        """New race date, length or weekdays: re-plan from today on, keep the past as it was."""
        athlete, plan = self._require_plan()
        today = self.today()
        race = check_setup(replace(form, name=athlete.name), today=today).settings.race_date
        new_settings = settings_for(form, race_date=race, base=settings_from(plan))
        old, _ids = self._read.stored(plan)
        new = replan(old, new_settings, today=today)
        record = plan_record(
            new_settings,
            athlete_id=athlete.id,
            created_at=plan.created_at,
            started_on=old.started_on,
        )
        future = day_records(day for day in new.days if day.date >= today)
        replan_plan(
            self._store, replace(record, id=plan.id), future, from_date=today, now=self._now()
        )
        log.info("Re-planned plan %s from %s", plan.id, today)
        self.refresh()
        self._told.report("plan")
        return self._require_overview()

    def has_plan(self) -> bool:
        return self._read.athlete_and_plan()[1] is not None

    def saved_build_up(self) -> BuildUp | None:
        """The current athlete's saved plan as the engine's BuildUp on today."""
        _athlete, plan = self._read.athlete_and_plan()
        return None if plan is None else self._read.stored(plan)[0]

    def settings(self) -> PlanSettings | None:
        _athlete, plan = self._read.athlete_and_plan()
        return None if plan is None else self._read.settings(plan)

    def overview(self) -> PlanOverview | None:
        """Everything the plan view shows, or None while the athlete has no plan."""
        athlete, plan = self._read.athlete_and_plan()
        return None if athlete is None or plan is None else self._read.overview(athlete, plan)

    def light_at(self) -> datetime | None:
        """Today's light session time for the current athlete, planned or not (the welcome page
        shows it to a runner who lifted without a plan)."""
        athlete = self.current_athlete()
        light = None if athlete is None else light_reminder(self._store, athlete.id, self.today())
        return None if light is None else light.remind_at

    def swap_variant(self, movement: str, variant_key: str | None) -> ExerciseSelection:
        """Use another variant of a movement in this plan (None drops the hip thrust or the
        accessory); every day of the plan shows the new choice."""
        _athlete, plan = self._require_plan()
        selection = with_variant(self._read.settings(plan).selection, movement, variant_key)
        slot, key = swap_slot(movement, variant_key)
        set_plan_exercise(
            self._store, plan_id=plan_id(plan), session_kind="heavy", slot=slot, exercise_key=key
        )
        self._told.report("plan")
        return selection

    def checkin_due(self) -> CheckinQuestion | None:
        """Last week's check-in, while it is unanswered and the gate can still use it."""
        athlete, plan = self._read.athlete_and_plan()
        return None if athlete is None or plan is None else self._read.checkin_due(athlete, plan)

    def checkin_outlook(self) -> CheckinOutlook | None:
        """When the next check-in opens, and this week's to answer early; None without a plan."""
        athlete, plan = self._read.athlete_and_plan()
        return (
            None if athlete is None or plan is None else self._read.checkin_outlook(athlete, plan)
        )

    def record_checkin(self, week_start: date, *, pain: bool, recovered: bool) -> None:
        """Keep the week's answer; answering again for the same week replaces it."""
        athlete, _plan = self._require_plan()
        store_checkin(
            self._store,
            athlete_id=athlete.id,
            week_start=week_start,
            pain=pain,
            recovered=recovered,
            created_at=self._now(),
        )
        self._told.report("checkin")

    def refresh(self) -> SecondDayOffer | None:
        """Re-judge the gate for this week, mark future second days to match, and return the
        offer to make now (None when there is nothing to ask)."""
        athlete, plan = self._read.athlete_and_plan()
        if athlete is None or plan is None:
            return None
        overview = self._read.overview(athlete, plan)
        review = self._read.review(plan, overview)
        self._sync_second_days(plan, overview, review.state)
        week = this_week(overview)
        if not review.offer or week is None:
            return None
        speed_days = (e.day.date for e in overview.days if e.day.after == "speed_run")
        return SecondDayOffer(week, next((d for d in speed_days if d >= overview.today), None))

    def decide_second_day(self, *, accept: bool) -> None:
        """Store the athlete's answer to this week's offer, then re-plan to match it."""
        _athlete, plan = self._require_plan()
        week = this_week(self._require_overview())
        if week is None:
            raise PlanInputError("There is no second double day to decide on this week.")
        decision = "accepted" if accept else "declined"
        record_gate_decision(
            self._store,
            plan_id=plan_id(plan),
            week_start=week,
            decision=decision,
            decided_at=self._now(),
        )
        log.info("Second double day %s in the week of %s", decision, week)
        self.refresh()
        self._told.report("plan")

    def export_calendar(self, path: Path) -> int:
        """Write the plan's double days to an iCalendar file; returns how many were written."""
        from desktop.plan.calendar_export import export_plan_calendar

        athlete, _plan = self._require_plan()
        return export_plan_calendar(self._store, athlete, path, now=self._now()) or 0

    def _require_plan(self) -> tuple[Athlete, PlanRecord]:
        athlete, plan = self._read.athlete_and_plan()
        if athlete is None or plan is None:
            raise PlanInputError("Set up a build-up first.")
        return athlete, plan

    def _require_overview(self) -> PlanOverview:
        overview = self.overview()
        if overview is None:
            raise PlanInputError("Set up a build-up first.")
        return overview

    def _sync_second_days(
        self, plan: PlanRecord, overview: PlanOverview, state: SecondDayState
    ) -> None:
        """Write the future days again only when their firm/conditional marks must change.

        Days that already have a logged session keep their row (and their link) either way.
        """
        today = overview.today
        old, _ids = self._read.stored(plan)
        new = replan(old, overview.settings, today=today, second_day=state)
        begun = {
            e.day.date
            for e in overview.days
            if e.day.date >= today and {e.heavy, e.light} & {"done", "partly"}
        }
        wanted = {(d.date, d.after, d.conditional) for d in new.days if d.date >= today}
        stored = {(d.date, d.after, d.conditional) for d in old.days if d.date >= today}
        if {k for k in wanted if k[0] not in begun} == {k for k in stored if k[0] not in begun}:
            return
        future = day_records(d for d in new.days if d.date >= today)
        replace_future_days(self._store, plan_id(plan), future, from_date=today, now=self._now())
        log.info("Second double days re-planned from %s", today)
        self._told.report("plan")
