"""What the plan view shows: every week of the build-up and each double day with its status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from datetime import date, datetime

from db.lean_dataclass import frozen_dataclass
from db.records import SessionRecord
from desktop.domain.buildup.gate import MATCH_SLACK
from desktop.domain.buildup.model import BuildUp, Phase, PlannedDay, PlanSettings, SessionKind
from desktop.domain.buildup.plan import phase_of, week_start
from desktop.domain.progress.day_status import (
    LoggedSession,
    PlannedSession,
    SessionStatus,
    day_status,
    moved,
    session_statuses,
)
from desktop.plan.rows import DayKey

_STILL_DUE = ("today", "partly")


@frozen_dataclass
class DayEntry:
    """One planned double day with the status of its heavy and light session."""

    day_id: int
    day: PlannedDay
    heavy: SessionStatus
    light: SessionStatus
    is_today: bool
    moved_to: date | None = None  # the day its run was really run, when the runner moved it

    @property
    def status(self) -> SessionStatus:
        return day_status(self.heavy, self.light)


@frozen_dataclass
class WeekEntry:
    """A week row, counted down to race day; `current` marks the week holding today."""

    number: int
    weeks_out: int
    start: date
    end: date
    phase: Phase
    days: tuple[DayEntry, ...]
    current: bool


@frozen_dataclass
class PlanOverview:
    """The whole build-up of one athlete as seen on `today`.

    `earlier` holds days done for an earlier race date that now fall before week 1; `note`
    says where the second double day stands.
    """

    athlete: str
    settings: PlanSettings
    today: date
    weeks: tuple[WeekEntry, ...]
    earlier: tuple[DayEntry, ...]
    warning: str | None
    note: str | None
    light_at: datetime | None = None  # today's light session, as the heavy session's end set it
    # No time was proposed and none is left today (`plan.light_session`).
    light_too_late: bool = False
    # By planned day id: the run the day hangs on, or how long after it the heavy session began.
    runs: Mapping[int, str] = field(default_factory=dict)
    # A gym session still in progress (left mid-rest, a crash): F5 resumes it.
    open_session: SessionRecord | None = None

    @property
    def days(self) -> tuple[DayEntry, ...]:
        return self.earlier + tuple(entry for week in self.weeks for entry in week.days)

    def due(self) -> DayEntry | None:
        """The double day to train now: today's, else yesterday's if it is still open."""
        open_days = [
            entry
            for entry in self.days
            if not entry.day.conditional
            and min(entry.day.date, entry.moved_to or entry.day.date) <= self.today
            and self.today - max(entry.day.date, entry.moved_to or entry.day.date) <= MATCH_SLACK
            and (entry.heavy in _STILL_DUE or entry.light in _STILL_DUE)
        ]
        return max(open_days, key=lambda entry: entry.day.date, default=None)

    def next_kind(self) -> SessionKind | None:
        """The session "Start" opens: the heavy one until it is done, then the light one."""
        entry = self.due()
        if entry is None:
            return None
        return "light" if entry.heavy == "done" else "heavy"

    def next_day(self) -> DayEntry | None:
        """The first double day after today, for "next up" when nothing is due."""
        return next((e for e in self.days if e.day.date > self.today), None)


def build_overview(
    *,
    athlete: str,
    build_up: BuildUp,
    ids: Mapping[DayKey, int],
    logged: Sequence[LoggedSession],
    note: str | None = None,
    run_days: Mapping[int, date] | None = None,
) -> PlanOverview:
    """Match the log against the plan and lay the days out in the build-up's weeks; a day
    whose run was run on another day (`run_days`, by day id) is due on that day."""
    settings, today = build_up.settings, build_up.today
    days = in_date_order(build_up)
    planned = planned_sessions(build_up, ids, run_days)
    statuses = session_statuses(planned, logged, today=today)
    entries = [
        DayEntry(
            ids[(day.date, day.after)],
            day,
            heavy,
            light,
            today in (day.date, p.moved_to),
            p.moved_to,
        )
        for day, heavy, light, p in zip(
            days, statuses[::2], statuses[1::2], planned[::2], strict=True
        )
    ]
    weeks = []
    for number in range(1, settings.weeks + 1):
        start = week_start(settings.race_date, settings.weeks, number)
        end = date.fromordinal(start.toordinal() + 6)
        weeks_out = settings.weeks - number + 1
        weeks.append(
            WeekEntry(
                number,
                weeks_out,
                start,
                end,
                phase_of(settings, weeks_out),
                tuple(e for e in entries if start <= e.day.date <= end),
                start <= today <= end,
            )
        )
    first = weeks[0].start
    earlier = tuple(e for e in entries if e.day.date < first)
    return PlanOverview(
        athlete, settings, today, tuple(weeks), earlier, build_up.warning or build_up.reason, note
    )


def in_date_order(build_up: BuildUp) -> list[PlannedDay]:
    """The build-up's double days by date, the long-run day before a speed-run day."""
    return sorted(build_up.days, key=lambda d: (d.date, d.after))


def planned_sessions(
    build_up: BuildUp, ids: Mapping[DayKey, int], run_days: Mapping[int, date] | None = None
) -> list[PlannedSession]:
    """Both halves of every double day, heavy then light, in date order, each moved to the
    day its run was really run (`run_days`): the one list the plan view, Progress and History
    all match the log against."""
    plain = [
        PlannedSession(
            ids[(day.date, day.after)],
            day.date,
            session.kind,
            session.exercises,
            session.sets,
            day.conditional,
        )
        for day in in_date_order(build_up)
        for session in day.sessions
    ]
    return moved(plain, run_days or {})
