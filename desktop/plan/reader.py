"""Reading a saved build-up back: the current athlete, the plan, the log matched to it, the gate.

The read half of `desktop.plan.planning`, kept apart so that each module has one job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta

from db.athletes import list_athletes
from db.checkins import checkins_for
from db.exercises import list_exercises
from db.lean_dataclass import frozen_dataclass
from db.light_reminders import light_reminder
from db.plans import active_plan, gate_decisions, plan_exercises, planned_days
from db.records import Athlete, PlanRecord, SessionRecord
from db.session_reach import sessions_in_reach
from db.sessions import open_sessions, work_set_counts
from db.settings import get_setting
from db.store import Store
from desktop.domain.buildup.gate import CheckIn
from desktop.domain.buildup.model import BuildUp, PlanSettings
from desktop.domain.buildup.plan import phase_of, week_start
from desktop.domain.buildup.second_day import Decision, SecondDayReview, review_second_day
from desktop.domain.progress.day_status import LoggedSession, in_reach, logged_session, session_day
from desktop.plan.light_session import light_too_late
from desktop.plan.overview import PlanOverview, build_overview
from desktop.plan.rows import DayKey, settings_from, started_on, stored_build_up, week_of
from desktop.plan.run_links import day_words, run_days

LAST_ATHLETE = "last_athlete_id"
WEEK = timedelta(weeks=1)
# A session open longer is closed as abandoned when gym mode next opens, not offered again.
OPEN_SESSION_KEPT = timedelta(hours=12)


@frozen_dataclass
class CheckinQuestion:
    """The weekly check-in to ask: how the week from `week_start` to `week_end` went."""

    athlete: str
    week_start: date
    week_end: date


@frozen_dataclass
class CheckinOutlook:
    """When no check-in is due: the day the next one opens (None when none is left before the
    taper) and the week it asks about, and the question to answer now anyway, if any."""

    next_due: date | None
    next_week: tuple[date, date] | None
    anyway: CheckinQuestion | None


class PlanReader:
    """Queries the store and hands back the plan engine's objects; writes nothing."""

    def __init__(self, store: Store, *, now: Callable[[], datetime]) -> None:
        self.store = store
        self.now = now

    def today(self) -> date:
        return self.now().astimezone().date()

    def current_athlete(self) -> Athlete | None:
        """The athlete last opened on this laptop, else the first one added."""
        stored = get_setting(self.store, LAST_ATHLETE)
        everyone = list_athletes(self.store)
        by_id = {athlete.id: athlete for athlete in everyone}
        if stored is not None and stored.isdigit() and int(stored) in by_id:
            return by_id[int(stored)]
        return everyone[0] if everyone else None

    def athlete_and_plan(self) -> tuple[Athlete | None, PlanRecord | None]:
        athlete = self.current_athlete()
        return athlete, None if athlete is None else active_plan(self.store, athlete.id)

    def settings(self, plan: PlanRecord) -> PlanSettings:
        """The plan's settings with the athlete's variant swaps applied."""
        return settings_from(plan, plan_exercises(self.store, plan_id(plan)))

    def stored(self, plan: PlanRecord) -> tuple[BuildUp, dict[DayKey, int]]:
        """The saved plan as a BuildUp on today, and the row id of each of its days."""
        records = planned_days(self.store, plan_id(plan))
        return stored_build_up(
            self.settings(plan), records, started=started_on(plan), today=self.today()
        )

    def dropped_days(self, plan: PlanRecord) -> list[DayKey]:
        """Days a re-plan took out of the plan (for cancelling them in an exported calendar)."""
        every = planned_days(self.store, plan_id(plan), include_superseded=True)
        return [(day.date, day.after) for day in every if day.superseded_at is not None]

    def overview(self, athlete: Athlete, plan: PlanRecord) -> PlanOverview:
        """The plan with the log matched to it and the second day's standing."""
        build_up, ids = self.stored(plan)
        logged = self.logged(athlete.id, build_up=build_up, ids=ids)
        days = planned_runs(build_up, ids)
        plain = build_overview(
            athlete=athlete.name,
            build_up=build_up,
            ids=ids,
            logged=logged,
            run_days=run_days(self.store, athlete.id, days),
        )
        light = light_reminder(self.store, athlete.id, self.today())
        light_at = light.remind_at if light is not None else None
        too_late = light is None and light_too_late(self.store, athlete.id, self.now())
        runs = day_words(self.store, athlete.id, days)
        note = second_day_note(self.review(plan, plain))
        return replace(
            plain,
            note=note,
            light_at=light_at,
            light_too_late=too_late,
            runs=runs,
            open_session=self.open_session(athlete.id),
        )

    def open_session(self, athlete_id: int) -> SessionRecord | None:
        """The athlete's newest gym session still in progress that gym mode would offer to
        resume (one it can walk, open for less than 12 hours), else None."""
        since = self.now() - OPEN_SESSION_KEPT
        kept = [
            s for s in open_sessions(self.store, athlete_id) if s.layout and s.started_at > since
        ]
        return kept[-1] if kept else None

    def logged(
        self, athlete_id: int, *, build_up: BuildUp, ids: Mapping[DayKey, int]
    ) -> list[LoggedSession]:
        """The athlete's sessions that can count for this build-up, reduced to their local date
        and work sets per exercise.

        A session counts for the planned day it is linked to, or for one of its kind within a
        day of its date (`desktop.domain.progress.day_status.match_sessions`); the sets of every
        other session are never read (nor, mostly, the sessions themselves: `sessions_in_reach`),
        so a log of many build-ups opens as fast as a first one.
        """
        linked = set(ids.values())
        reach = in_reach(day.date for day in build_up.days)
        keys = {exercise.id: exercise.key for exercise in list_exercises(self.store)}
        counting = []
        near = sessions_in_reach(
            self.store,
            athlete_id,
            days=(min(reach), max(reach)) if reach else None,
            planned_day_ids=linked,
        )
        for session in near:
            if (
                session.planned_day_id not in linked
                and session_day(session.started_at) not in reach
            ):
                continue
            counting.append(session)
        counts = work_set_counts(self.store, (session.id for session in counting))
        logged = []
        for session in counting:
            work: Counter[str] = Counter()
            for exercise_id, count in counts.get(session.id, {}).items():
                work[keys.get(exercise_id, "")] += count
            logged.append(
                logged_session(session.started_at, session.kind, session.planned_day_id, work)
            )
        return logged

    def checkin_due(self, athlete: Athlete, plan: PlanRecord) -> CheckinQuestion | None:
        """Last week's check-in from week 2 to the taper, unless answered or before the start."""
        settings = self.settings(plan)
        number = week_of(settings, self.today())
        if number is None or number < 2:
            return None
        if phase_of(settings, settings.weeks - number + 1) == "taper":
            return None
        start = week_start(settings.race_date, settings.weeks, number - 1)
        end = start + WEEK - timedelta(days=1)
        answered = {c.week_start for c in checkins_for(self.store, athlete.id)}
        if end < started_on(plan) or start in answered:
            return None
        return CheckinQuestion(athlete.name, start, end)

    def checkin_outlook(self, athlete: Athlete, plan: PlanRecord) -> CheckinOutlook:
        """What to tell a runner who asks for the check-in when none is due.

        Each week's check-in opens the day its week ends, until the taper; this week's can be
        answered early (it then counts as that week's answer, and replaces nothing else).
        """
        settings = self.settings(plan)
        today = self.today()
        first = week_start(settings.race_date, settings.weeks, 1)
        number = week_of(settings, today)
        if number is None:
            number = 0 if today < first else settings.weeks + 1
        answered = {c.week_start for c in checkins_for(self.store, athlete.id)}

        def asks(week: int) -> bool:
            """Week `week`'s check-in can still feed the gate (its next week is not the taper)."""
            after = week + 1
            return (
                week >= 1
                and after <= settings.weeks
                and (phase_of(settings, settings.weeks - after + 1) != "taper")
            )

        def span(week: int) -> tuple[date, date]:
            start = week_start(settings.race_date, settings.weeks, week)
            return start, start + WEEK - timedelta(days=1)

        upcoming = next(
            (
                w
                for w in range(max(number, 1), settings.weeks + 1)
                if asks(w) and span(w)[0] not in answered
            ),
            None,
        )
        anyway = None
        if asks(number) and span(number)[0] not in answered:
            anyway = CheckinQuestion(athlete.name, *span(number))
        if upcoming is None:
            return CheckinOutlook(None, None, anyway)
        return CheckinOutlook(span(upcoming)[1] + timedelta(days=1), span(upcoming), anyway)

    def review(self, plan: PlanRecord, overview: PlanOverview) -> SecondDayReview:
        """Judge the gate for this week from the days done and the weekly check-ins."""
        checkins = [
            CheckIn(c.week_start, c.pain, c.recovered)
            for c in checkins_for(self.store, plan.athlete_id)
        ]
        decisions = [
            Decision(d.week_start, d.decision == "accepted")
            for d in gate_decisions(self.store, plan_id(plan))
        ]
        return review_second_day(
            phase2_weeks=[w.start for w in overview.weeks if w.phase == "phase2"],
            this_week=this_week(overview) or date.min,
            planned_heavy=[e.day.date for e in overview.days if not e.day.conditional],
            done_heavy=[e.day.date for e in overview.days if e.heavy == "done"],
            checkins=checkins,
            decisions=decisions,
        )


def this_week(overview: PlanOverview) -> date | None:
    """The start of the build-up week holding today, or None outside the build-up."""
    return next((week.start for week in overview.weeks if week.current), None)


def second_day_note(review: SecondDayReview) -> str | None:
    """Where the second double day stands this week, in one line for the plan view."""
    if review.gate is None:
        return None
    state = review.state
    if state.accepted_from is not None:
        return "Second double day: on, after the speed run."
    if review.gate.open:
        if state.declined:
            return "Second double day: declined this week; it will be offered again next week."
        return "Second double day: the gate is open - you can add it."
    reason = review.gate.reasons[0] if review.gate.reasons else ""
    return f"Second double day: not yet. {reason}".strip()


def plan_id(plan: PlanRecord) -> int:
    """A stored plan's id; plans read from the store always have one."""
    if plan.id is None:
        raise ValueError("the plan has not been saved")
    return plan.id


def planned_runs(build_up: BuildUp, ids: Mapping[DayKey, int]) -> list[tuple[int, date, str]]:
    """Each planned double day as the run anchoring sees it: (id, date, the run it follows)."""
    return [(ids[(day.date, day.after)], day.date, day.after) for day in build_up.days]
