"""The gate for phase 2's second double day: "if all goes well" over the last three weeks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.buildup.model import WEEKDAY_NAMES

GATE_WEEKS = 3
MATCH_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class CheckIn:
    """The athlete's weekly answer for the week starting `week_start`."""

    week_start: date
    pain: bool
    recovered: bool


@dataclass(frozen=True)
class GateStatus:
    """Whether the second double day may be offered; `reasons` says why not when closed."""

    open: bool
    reasons: list[str]


def evaluate_gate(
    *,
    week_start: date,
    planned_heavy: Sequence[date],
    done_heavy: Iterable[date],
    checkins: Sequence[CheckIn],
    weeks: int = GATE_WEEKS,
) -> GateStatus:
    """Judge the gate at the start of a week from the `weeks` weeks before it.

    `planned_heavy` holds the heavy sessions the athlete was asked to do (a conditional day that
    was never accepted is not one of them). A session done within one day of its planned date
    counts for it, and each done session counts for one planned session only. When several
    check-ins cover the same week the last one stands, so the athlete can correct an answer.
    """
    window = [week_start - (weeks - i) * timedelta(days=7) for i in range(weeks)]
    reasons: list[str] = []
    for start in window:
        end = start + timedelta(days=6)
        if not any(start <= day <= end for day in planned_heavy):
            reasons.append(
                f"No heavy session was planned in the week of {_day(start)}; "
                f"the gate needs {weeks} weeks of training to judge."
            )
    in_window = sorted(d for d in planned_heavy if window[0] <= d < week_start)
    for missed in _unmatched(in_window, sorted(set(done_heavy))):
        reasons.append(f"The heavy session planned for {_day(missed)} was not done.")
    latest = {checkin.week_start: checkin for checkin in checkins}
    for start in window:
        checkin = latest.get(start)
        if checkin is None:
            reasons.append(f"No weekly check-in for the week of {_day(start)}.")
        elif checkin.pain:
            reasons.append(f"Pain or injury reported in the week of {_day(start)}.")
        elif not checkin.recovered:
            reasons.append(f"Recovery was not normal in the week of {_day(start)}.")
    return GateStatus(open=not reasons, reasons=reasons)


def _day(day: date) -> str:
    """A date as the runner says it ("Sunday 14 February"): the gate looks back three weeks,
    so the weekday and the month place it without the year an ISO date would add."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {day:%B}"


def _unmatched(planned: list[date], done: list[date]) -> list[date]:
    """Planned dates left without a done session within a day, matching one to one.

    Taking the earliest free done date for each planned date in order gives the largest
    possible matching, because every planned date accepts the same width of window.
    """
    used = [False] * len(done)
    missed: list[date] = []
    for day in planned:
        for index, candidate in enumerate(done):
            if not used[index] and abs(candidate - day) <= MATCH_SLACK:
                used[index] = True
                break
        else:
            missed.append(day)
    return missed
