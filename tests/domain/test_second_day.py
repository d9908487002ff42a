"""The second double day week by week: offered when the gate opens, accepted, declined, re-asked."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.domain.buildup.gate import CheckIn
from desktop.domain.buildup.second_day import Decision, review_second_day

WEEK1 = date(2027, 1, 10)  # a Sunday: the race on 2027-04-18 is a Sunday, 14 weeks
STARTS = [WEEK1 + timedelta(weeks=k) for k in range(14)]
PHASE2 = STARTS[3:11]
SUNDAYS = STARTS[:11]
CLEAN = [CheckIn(start, pain=False, recovered=True) for start in STARTS]


def review(
    this_week: date,
    *,
    done: list[date] = SUNDAYS,
    checkins: list[CheckIn] = CLEAN,
    decisions: tuple[Decision, ...] = (),
):
    return review_second_day(
        phase2_weeks=PHASE2,
        this_week=this_week,
        planned_heavy=SUNDAYS,
        done_heavy=done,
        checkins=checkins,
        decisions=decisions,
    )


def test_nothing_to_offer_in_phase_one_or_the_taper() -> None:
    for week in (STARTS[0], STARTS[2], STARTS[11]):
        result = review(week)
        assert not result.offer and result.gate is None
        assert result.state.gate_open_from is None


def test_three_good_weeks_open_the_gate_and_the_second_day_is_offered() -> None:
    result = review(STARTS[3])
    assert result.gate is not None and result.gate.open
    assert result.offer
    assert result.state.gate_open_from == STARTS[3]
    assert not result.state.confirms(STARTS[3] + timedelta(days=3))


def test_an_accepted_offer_confirms_the_second_day_and_is_not_asked_again() -> None:
    accepted = (Decision(STARTS[3], accepted=True),)
    for week in (STARTS[3], STARTS[5]):
        result = review(week, decisions=accepted)
        assert not result.offer
        assert result.state.confirms(week + timedelta(days=3))


def test_a_decline_holds_for_its_week_only() -> None:
    declined = (Decision(STARTS[3], accepted=False),)
    assert not review(STARTS[3], decisions=declined).offer
    assert not review(STARTS[3], decisions=declined).state.confirms(STARTS[3])
    assert review(STARTS[4], decisions=declined).offer


def test_pain_closes_the_gate_and_an_old_acceptance_does_not_reopen_the_second_day() -> None:
    accepted = (Decision(STARTS[3], accepted=True),)
    sore = [c if c.week_start != STARTS[4] else CheckIn(STARTS[4], True, True) for c in CLEAN]
    closed = review(STARTS[5], checkins=sore, decisions=accepted)
    assert closed.gate is not None and not closed.gate.open
    assert not closed.offer and closed.state.gate_open_from is None
    assert any("Pain" in reason for reason in closed.gate.reasons)
    reopened = review(STARTS[8], checkins=sore, decisions=accepted)
    assert reopened.state.gate_open_from == STARTS[8]
    assert reopened.offer and not reopened.state.confirms(STARTS[8])


def test_a_missed_heavy_session_keeps_the_gate_closed() -> None:
    done = [day for day in SUNDAYS if day != STARTS[2]]
    result = review(STARTS[3], done=done)
    assert not result.offer
    assert result.gate is not None and "was not done" in result.gate.reasons[0]
