"""Invariants of the build-up over any race date, length, weekdays, today and gate state."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.buildup.model import BuildUp, PlanSettings, SecondDayState
from desktop.domain.buildup.plan import build_plan, replan

FAST = settings(max_examples=150, deadline=None)


@st.composite
def plan_settings(draw: st.DrawFn, race_date: date | None = None) -> PlanSettings:
    race = race_date or draw(st.dates(date(2024, 1, 1), date(2032, 12, 31)))
    long_run, speed = draw(st.permutations(range(7)))[:2]
    return PlanSettings(
        race_date=race,
        weeks=draw(st.sampled_from((14, 15, 16))),
        long_run_day=long_run,
        speed_day=speed,
    )


def days_before(race: date, most: int = 130) -> st.SearchStrategy[date]:
    """A `today` anywhere from well before week 1 of a 16-week build-up up to race day."""
    return st.integers(0, most).map(lambda n: race - timedelta(days=n))


second_day_states = st.builds(
    SecondDayState,
    gate_open_from=st.none() | st.dates(date(2023, 10, 1), date(2033, 1, 1)),
    accepted_from=st.none() | st.dates(date(2023, 10, 1), date(2033, 1, 1)),
    declined=st.booleans(),
)


@st.composite
def plans(draw: st.DrawFn) -> tuple[BuildUp, SecondDayState]:
    chosen = draw(plan_settings())
    state = draw(second_day_states)
    today = draw(days_before(chosen.race_date))
    return build_plan(chosen, today=today, second_day=state), state


@FAST
@given(plans())
def test_no_strength_day_in_the_last_three_weeks(case: tuple[BuildUp, SecondDayState]) -> None:
    plan, _ = case
    assert all(day.date < plan.race_date - timedelta(days=21) for day in plan.days)
    assert all(not week.days for week in plan.weeks if week.weeks_out <= 3)


@FAST
@given(plans())
def test_week_boundaries_are_counted_back_from_race_day(
    case: tuple[BuildUp, SecondDayState],
) -> None:
    plan, _ = case
    n = plan.weeks_total
    numbers = [week.number for week in plan.weeks]
    assert numbers == list(range(n - len(numbers) + 1, n + 1))
    for week in plan.weeks:
        k = week.number
        assert week.start == plan.race_date - timedelta(days=(n - k + 1) * 7)
        assert week.end == plan.race_date - timedelta(days=(n - k) * 7 + 1)
        assert week.weeks_out == n - k + 1
        assert week.end >= plan.today
        assert all(week.start <= day.date <= week.end for day in week.days)
    left_out = n - len(plan.weeks)
    if left_out:
        last_over = plan.race_date - timedelta(days=(n - left_out) * 7 + 1)
        assert last_over < plan.today and plan.warning is not None


@FAST
@given(plans())
def test_days_fall_on_the_chosen_weekdays_and_never_before_today(
    case: tuple[BuildUp, SecondDayState],
) -> None:
    plan, _ = case
    s = plan.settings
    for day in plan.days:
        assert day.date >= plan.today
        expected = s.long_run_day if day.after == "long_run" else s.speed_day
        assert day.date.weekday() == expected
    assert [d.date for d in plan.days] == sorted(d.date for d in plan.days)
    assert (plan.reason is None) == bool(plan.days)


@FAST
@given(plans())
def test_phase_one_has_one_double_day_a_week_and_phase_two_two(
    case: tuple[BuildUp, SecondDayState],
) -> None:
    plan, _ = case
    for week in plan.weeks:
        whole_week_ahead = week.start >= plan.today
        afters = [day.after for day in week.days]
        if week.phase == "phase1":
            allowed = (["long_run"],) if whole_week_ahead else ([], ["long_run"])
            assert afters in allowed
        elif week.phase == "phase2":
            assert sorted(afters) == ["long_run", "speed_run"] or not whole_week_ahead
        else:
            assert afters == []
        assert all(d.phase == week.phase and d.week == week.number for d in week.days)


@FAST
@given(plans())
def test_second_day_is_never_firm_before_the_gate_opened_and_was_accepted(
    case: tuple[BuildUp, SecondDayState],
) -> None:
    plan, state = case
    for day in plan.days:
        if day.after == "long_run":
            assert not day.conditional
        elif not day.conditional:
            assert not state.declined
            assert state.gate_open_from is not None and state.accepted_from is not None
            assert day.date >= state.gate_open_from and day.date >= state.accepted_from


@st.composite
def replans(draw: st.DrawFn) -> tuple[BuildUp, BuildUp, date]:
    old, state = draw(plans())
    today = old.today + timedelta(days=draw(st.integers(0, 120)))
    race = today + timedelta(days=draw(st.integers(0, 130)))
    new_settings = draw(plan_settings(race_date=race))
    return old, replan(old, new_settings, today=today, second_day=state), today


@FAST
@given(replans())
def test_replanning_never_alters_a_past_day(case: tuple[BuildUp, BuildUp, date]) -> None:
    old, new, today = case
    past = tuple(day for day in old.days if day.date < today)
    assert new.history == past
    assert tuple(day for day in new.days if day.date < today) == past
    assert all(day.date >= today for week in new.weeks for day in week.days)
    assert new.started_on == old.started_on


@FAST
@given(replans(), st.integers(0, 60))
def test_replanning_twice_still_keeps_the_first_history(
    case: tuple[BuildUp, BuildUp, date], later: int
) -> None:
    old, middle, today = case
    cutoff = min(today + timedelta(days=later), middle.race_date)
    again = replan(middle, middle.settings, today=cutoff)
    assert tuple(d for d in again.days if d.date < cutoff) == tuple(
        d for d in middle.days if d.date < cutoff
    )
    assert tuple(d for d in again.days if d.date < today) == tuple(
        d for d in old.days if d.date < today
    )
