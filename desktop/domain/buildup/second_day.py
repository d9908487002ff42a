"""Phase 2's second double day, week by week: since when the gate is open, the athlete's answer,
and whether to offer it this week."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.buildup.gate import CheckIn, GateStatus, evaluate_gate
from desktop.domain.buildup.model import SecondDayState


@dataclass(frozen=True)
class Decision:
    """The athlete's answer to the offer made in the week starting `week_start`."""

    week_start: date
    accepted: bool


@dataclass(frozen=True)
class SecondDayReview:
    """This week's verdict: the state to plan with, the gate itself, and whether to ask."""

    state: SecondDayState
    gate: GateStatus | None
    offer: bool


def review_second_day(
    *,
    phase2_weeks: Sequence[date],
    this_week: date,
    planned_heavy: Sequence[date],
    done_heavy: Iterable[date],
    checkins: Sequence[CheckIn],
    decisions: Sequence[Decision],
) -> SecondDayReview:
    """Judge the gate at the start of every phase-2 week up to `this_week`.

    The gate must have stayed open every week since it last opened; an acceptance counts only
    if it was given since then, so after pain or a missed session the athlete is asked again
    rather than having the second day come back on its own. A decline holds for its week only.
    """
    if this_week not in phase2_weeks:
        return SecondDayReview(SecondDayState(), None, offer=False)
    done = sorted(set(done_heavy))
    opened: date | None = None
    gate = GateStatus(open=False, reasons=[])
    for start in (week for week in phase2_weeks if week <= this_week):
        gate = evaluate_gate(
            week_start=start, planned_heavy=planned_heavy, done_heavy=done, checkins=checkins
        )
        opened = (opened or start) if gate.open else None
    if opened is None:
        return SecondDayReview(SecondDayState(), gate, offer=False)
    answers = {d.week_start: d for d in decisions if opened <= d.week_start <= this_week}
    latest = answers[max(answers)] if answers else None
    accepted_from = latest.week_start if latest is not None and latest.accepted else None
    declined = latest is not None and not latest.accepted
    state = SecondDayState(gate_open_from=opened, accepted_from=accepted_from, declined=declined)
    offer = accepted_from is None and this_week not in answers
    return SecondDayReview(state, gate, offer=offer)
