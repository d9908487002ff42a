"""Weekly and build-up adherence, coloured the way training platforms colour compliance.

Which logged session counts for which planned one is decided by `day_status`, the rule the plan
view and the gate use too; this module only adds it up week by week.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from desktop.domain.buildup.gate import MATCH_SLACK
from desktop.domain.buildup.model import Phase, PlanSettings
from desktop.domain.buildup.plan import phase_of, week_start
from desktop.domain.progress.day_status import (
    LoggedSession,
    PlannedSession,
    SessionStatus,
    day_credit,
    match_sessions,
    session_status,
)

Colour = Literal["green", "yellow", "red", "grey", "none"]
WeekState = Literal["past", "current", "future"]
GREEN_FROM = 0.8
YELLOW_FROM = 0.5


@dataclass(frozen=True)
class WeekSpan:
    """One week of the build-up, counted down to race day; `end` is its last day, inclusive.

    Outside a build-up (no plan yet) the charts use plain calendar weeks without a phase.
    """

    number: int
    weeks_out: int
    start: date
    end: date
    phase: Phase | None = None


@dataclass(frozen=True, kw_only=True)
class WeekAdherence:
    """A week's double days: `planned` firm ones, `done` credit (1 per double day, 0.5 for one
    session) over the `settled` ones whose time is up, and `extra` sessions that matched no
    planned session. `ratio` is done/settled; `cumulative` the build-up's ratio up to here."""

    week: WeekSpan
    state: WeekState
    planned: int
    settled: int
    done: float
    extra: int
    ratio: float | None
    cumulative: float | None
    colour: Colour


def build_up_weeks(settings: PlanSettings) -> tuple[WeekSpan, ...]:
    """All N weeks of the build-up, taper included, whatever is planned in them."""
    spans = []
    for number in range(1, settings.weeks + 1):
        start = week_start(settings.race_date, settings.weeks, number)
        weeks_out = settings.weeks - number + 1
        spans.append(
            WeekSpan(
                number, weeks_out, start, start + timedelta(days=6), phase_of(settings, weeks_out)
            )
        )
    return tuple(spans)


def calendar_weeks(last_day: date, *, count: int) -> tuple[WeekSpan, ...]:
    """`count` Monday-to-Sunday weeks ending with the one holding `last_day`."""
    first = last_day - timedelta(days=last_day.weekday(), weeks=count - 1)
    return tuple(
        WeekSpan(n + 1, count - n, first + timedelta(weeks=n), first + timedelta(weeks=n, days=6))
        for n in range(count)
    )


def colour_for(ratio: float | None, *, future: bool = False) -> Colour:
    """Green from 80 %, yellow from 50 %, red below (a missed week is 0 %); future weeks grey."""
    if future:
        return "grey"
    if ratio is None:
        return "none"
    if ratio >= GREEN_FROM:
        return "green"
    if ratio >= YELLOW_FROM:
        return "yellow"
    return "red"


def weekly_adherence(
    weeks: Sequence[WeekSpan],
    planned: Sequence[PlannedSession],
    logged: Sequence[LoggedSession],
    *,
    today: date,
) -> tuple[WeekAdherence, ...]:
    """Adherence of each week as of `today`.

    A double day is settled once both its sessions are done or its one-day slack has passed;
    until then it is neither counted nor held against the athlete. Conditional second days the
    athlete never accepted are not planned, so training on them counts as extra.
    """
    matched = match_sessions(planned, logged)
    counted = {
        id(session)
        for planned_session, sessions in zip(planned, matched, strict=True)
        if not planned_session.conditional
        for session in sessions
    }
    statuses: dict[int, dict[str, SessionStatus]] = {}
    dates: dict[int, date] = {}
    for session, sessions in zip(planned, matched, strict=True):
        if not session.conditional:
            dates[session.day_id] = session.date
            statuses.setdefault(session.day_id, {})[session.kind] = session_status(
                session, sessions, today=today
            )
    credits = {
        day_id: day_credit(kinds.get("heavy", "missed"), kinds.get("light", "missed"))
        for day_id, kinds in statuses.items()
    }
    result = []
    total_done, total_settled = 0.0, 0
    for week in weeks:
        own = [day_id for day_id, day in dates.items() if week.start <= day <= week.end]
        settled = [
            credits[day_id]
            for day_id in own
            if credits[day_id] == 1.0 or dates[day_id] + MATCH_SLACK < today
        ]
        extra = sum(
            1
            for session in logged
            if id(session) not in counted and week.start <= session.date <= week.end
        )
        state: WeekState = (
            "future" if week.start > today else "past" if week.end < today else "current"
        )
        done = sum(settled)
        ratio = done / len(settled) if settled else None
        total_done += done
        total_settled += len(settled)
        cumulative = total_done / total_settled if total_settled and state != "future" else None
        pending = state == "future" or (bool(own) and not settled)
        result.append(
            WeekAdherence(
                week=week,
                state=state,
                planned=len(own),
                settled=len(settled),
                done=done,
                extra=extra,
                ratio=ratio,
                cumulative=cumulative,
                colour=colour_for(ratio, future=pending),
            )
        )
    return tuple(result)


@dataclass(frozen=True)
class Contribution:
    """What one logged session did for adherence: the planned session it counts for (None when
    it is extra) and that session's status; `credit` is its share of a double day."""

    planned_date: date | None
    status: SessionStatus | None
    credit: float


def session_contributions(
    planned: Sequence[PlannedSession], logged: Sequence[LoggedSession], *, today: date
) -> list[Contribution]:
    """For each logged session, in the order given, what it counts for (the history list)."""
    matched = match_sessions(planned, logged)
    found: dict[int, Contribution] = {}
    for session, sessions in zip(planned, matched, strict=True):
        if session.conditional:
            continue
        status = session_status(session, sessions, today=today)
        credit = 0.5 if status == "done" else 0.0
        for number, done in enumerate(sessions):
            # A restart shares its planned session: the credit is counted once.
            found[id(done)] = Contribution(session.date, status, credit if number == 0 else 0.0)
    extra = Contribution(None, None, 0.0)
    return [found.get(id(session), extra) for session in logged]


def build_up_adherence(weeks: Sequence[WeekAdherence]) -> float | None:
    """Total done over total settled so far: the headline figure of the build-up."""
    settled = sum(week.settled for week in weeks)
    return sum(week.done for week in weeks) / settled if settled else None
