"""Whether each planned session was done: logged sessions matched to planned ones, one day slack.

The plan view, the gate, the Progress charts and the History list all read adherence through
these functions, so "done" means the same thing on every screen: `logged_session` decides the
day a stored session was done on, `in_reach` which days can count for a plan at all, and
`match_sessions` which planned session each one counts for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Literal

from desktop.domain.buildup.exercises import EXERCISES
from desktop.domain.buildup.gate import MATCH_SLACK
from desktop.domain.buildup.model import SessionKind

SessionStatus = Literal["done", "partly", "missed", "today", "upcoming", "conditional"]
DONE_SETS = 3
DONE_EXERCISES = 2
_MOVEMENT = {item.key: item.movement for item in EXERCISES}


@dataclass(frozen=True)
class PlannedSession:
    """One half of a planned double day, as far as adherence cares."""

    day_id: int
    date: date
    kind: SessionKind
    exercises: tuple[str, ...]
    sets: int
    conditional: bool = False
    # The day the run it hangs on was really run, when the runner moved it (see `moved`).
    moved_to: date | None = None

    @property
    def when(self) -> date:
        """The day the session is due on: the run's day when the run moved, else the plan's."""
        return self.moved_to or self.date


def moved(planned: Sequence[PlannedSession], run_days: Mapping[int, date]) -> list[PlannedSession]:
    """The plan with each double day moved to the day its run was really run (`run_days`, by
    planned day id, from domain/runs/run_anchor.py): a long run moved from Sunday to Saturday takes
    its double day along, so sessions done on Saturday count for it, not for Friday's speed
    day, and it is done, not missed. The planned date stays what the weeks are counted by."""
    return [
        replace(p, moved_to=run_days[p.day_id]) if run_days.get(p.day_id, p.date) != p.date else p
        for p in planned
    ]


@dataclass(frozen=True)
class LoggedSession:
    """A session from the log: its local date, kind, planned-day link and work sets per exercise."""

    date: date
    kind: SessionKind
    planned_day_id: int | None = None
    work_sets: Mapping[str, int] = field(default_factory=dict)


def session_day(started_at: datetime) -> date:
    """The day a session was done on: the local date it started (a session begun at 23:50
    after a late long run belongs to that day, not to the day it ended on)."""
    return started_at.astimezone().date()


def logged_session(
    started_at: datetime,
    kind: SessionKind,
    planned_day_id: int | None,
    work_sets: Mapping[str, int],
) -> LoggedSession:
    """A stored session as the matching sees it, on its `session_day`."""
    return LoggedSession(session_day(started_at), kind, planned_day_id, dict(work_sets))


def in_reach(planned_dates: Iterable[date]) -> frozenset[date]:
    """Every day an unlinked session can count for one of `planned_dates` (one day either side);
    a session on any other day is extra, so its sets need not be read."""
    slack = range(-MATCH_SLACK.days, MATCH_SLACK.days + 1)
    return frozenset(day + timedelta(days=shift) for day in planned_dates for shift in slack)


def counts_as_done(planned: PlannedSession, work_sets: Mapping[str, int]) -> bool:
    """Done means at least 3 work sets (fewer if fewer are prescribed) of each of the first two
    exercises: the compound lifts carry the protocol, the accessories and finisher do not.

    Sets count by movement, not by variant: a front squat swapped in for the back squat, in the
    gym or later in the plan (past days are shown with today's variants), still squats.
    """
    needed = min(DONE_SETS, planned.sets)
    movements = [movement_of(key) for key in planned.exercises[:DONE_EXERCISES]]
    done: Counter[str] = Counter()
    for key, count in work_sets.items():
        done[movement_of(key)] += count
    return bool(movements) and all(done[movement] >= needed for movement in movements)


def movement_of(key: str) -> str:
    """The movement an exercise trains; a key outside the library stands for itself."""
    return _MOVEMENT.get(key, key)


def match_sessions(
    planned: Sequence[PlannedSession], logged: Sequence[LoggedSession]
) -> list[list[LoggedSession]]:
    """For each planned session, the logged sessions that count for it.

    A session linked to a planned day counts for that day's session of its kind. An unlinked one
    counts for the nearest planned session of its kind within one day of the day it is due
    (`PlannedSession.when`: moved with its run), preferring one that has no session yet; a
    second attempt at the same session (a restart) adds its sets to the first.
    """
    matched: list[list[LoggedSession]] = [[] for _ in planned]
    index = {(p.day_id, p.kind): i for i, p in enumerate(planned)}
    loose: list[LoggedSession] = []
    for session in logged:
        slot = index.get((session.planned_day_id, session.kind))
        if slot is None:
            loose.append(session)
        else:
            matched[slot].append(session)
    for session in sorted(loose, key=lambda s: s.date):
        near = [
            i
            for i, p in enumerate(planned)
            if p.kind == session.kind and abs(p.when - session.date) <= MATCH_SLACK
        ]
        if not near:
            continue
        near.sort(key=lambda i: (bool(matched[i]), abs(planned[i].when - session.date)))
        matched[near[0]].append(session)
    return matched


def session_status(
    planned: PlannedSession, sessions: Sequence[LoggedSession], *, today: date
) -> SessionStatus:
    """One planned session's status on `today`, from the logged sessions that count for it.

    Nothing logged yet is not "missed" while the one-day slack lasts: yesterday's session can
    still be done today, so it is shown as due today.
    """
    if sessions:
        total: dict[str, int] = {}
        for session in sessions:
            for key, count in session.work_sets.items():
                total[key] = total.get(key, 0) + count
        return "done" if counts_as_done(planned, total) else "partly"
    if planned.conditional:
        return "conditional"
    if min(planned.date, planned.when) > today:
        return "upcoming"
    if today - max(planned.date, planned.when) <= MATCH_SLACK:
        return "today"
    return "missed"


def session_statuses(
    planned: Sequence[PlannedSession], logged: Sequence[LoggedSession], *, today: date
) -> list[SessionStatus]:
    """The status of every planned session, in the order given."""
    return [
        session_status(p, sessions, today=today)
        for p, sessions in zip(planned, match_sessions(planned, logged), strict=True)
    ]


def day_status(heavy: SessionStatus, light: SessionStatus) -> SessionStatus:
    """A double day as a whole: done when both halves are, partly when either was started."""
    if heavy == light:
        return heavy
    if "done" in (heavy, light) or "partly" in (heavy, light):
        return "partly"
    for status in ("missed", "today", "upcoming"):
        if status in (heavy, light):
            return status
    return "conditional"


def day_credit(heavy: SessionStatus, light: SessionStatus) -> float:
    """Adherence credit of a planned double day: 1.0 with both sessions done, 0.5 with one."""
    return (heavy == "done") * 0.5 + (light == "done") * 0.5
