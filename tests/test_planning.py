"""Planning over a real log: setup, validation that saves nothing, athletes, the CLI's plan."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from db.athletes import list_athletes
from db.plans import active_plan, planned_days
from db.settings import get_setting
from db.store import Store
from desktop.cli import main as cli
from desktop.cli import plan as cli_plan
from desktop.domain.buildup.model import PlanInputError
from desktop.plan.planning import Planning
from desktop.plan.preview_format import plan_to_dict
from tests.planning_support import (
    BEFORE_START,
    FORM,
    RACE,
    WEEK1,
    SettableClock,
    open_test_store,
)


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(BEFORE_START)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_test_store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def planning(store: Store, clock: SettableClock) -> Planning:
    return Planning(store, now=clock)


def test_a_new_log_has_no_athlete_and_no_plan(planning: Planning) -> None:
    assert planning.current_athlete() is None
    assert not planning.has_plan()
    assert planning.overview() is None
    assert planning.checkin_due() is None
    assert planning.refresh() is None


def test_setup_saves_the_athlete_the_plan_and_its_days(planning: Planning, store: Store) -> None:
    overview = planning.set_up(replace(FORM, cramp_sites=("calf",), units="lb"))
    (athlete,) = list_athletes(store)
    assert athlete.name == "Ana"
    assert get_setting(store, "last_athlete_id") == str(athlete.id)
    plan = active_plan(store, athlete.id)
    assert plan is not None
    assert (plan.race_date, plan.weeks, plan.units, plan.cramp_sites) == (RACE, 14, "lb", ("calf",))
    days = planned_days(store, plan.id)
    assert len(days) == 3 + 2 * 8
    assert days[0].date == WEEK1 and days[0].after == "long_run"
    assert [w.weeks_out for w in overview.weeks] == list(range(14, 0, -1))
    assert "calf_raise" in overview.days[0].day.heavy.exercises


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"race_date": "2026-12-31"}, "in the past"),
        ({"race_date": "2027-02-30"}, "not a real calendar date"),
        ({"race_date": "18/04/2027"}, "YYYY-MM-DD"),
        ({"race_date": " "}, "Enter your race date"),
        ({"long_run_day": 2, "speed_day": 2}, "different days"),
        ({"name": "  "}, "enter a name"),
        ({"race_date": "2027-01-20"}, "No strength plan"),
        ({"race_date": "9999-12-31"}, "more than 2 years away"),
        ({"race_date": "2029-01-06"}, r"\(latest 2029-01-05\)"),
        ({"race_date": "0001-02-01"}, "before the year 1"),
    ],
)
def test_bad_setup_is_a_clear_error_and_saves_nothing(
    planning: Planning, store: Store, changes: dict[str, object], message: str
) -> None:
    form = replace(FORM, **changes)  # type: ignore[arg-type]
    with pytest.raises(PlanInputError, match=message):
        planning.preview_setup(form)
    with pytest.raises(PlanInputError, match=message):
        planning.set_up(form)
    assert list_athletes(store) == []
    assert store.db.execute("SELECT count(*) FROM plans").fetchone()[0] == 0


def test_the_app_saves_the_plan_the_preview_command_prints(
    planning: Planning, capsys: pytest.CaptureFixture[str]
) -> None:
    planning.set_up(replace(FORM, long_run_day=5, speed_day=1, weeks=16))
    argv = ["--race-date", "2027-04-18", "--weeks", "16", "--long-run-day", "sat"]
    argv += ["--speed-day", "tue", "--today", BEFORE_START.isoformat(), "--json"]
    assert cli_plan.run(cli.parse(["plan", *argv])) == 0
    printed = json.loads(capsys.readouterr().out)
    saved = planning.saved_build_up()
    assert saved is not None
    assert plan_to_dict(saved) == printed


def test_a_late_start_plans_the_weeks_left_and_keeps_its_warning(
    planning: Planning, clock: SettableClock, capsys: pytest.CaptureFixture[str]
) -> None:
    late = WEEK1 + timedelta(weeks=5, days=2)
    clock.set_day(late)
    overview = planning.set_up(FORM)
    assert overview.warning is not None and "Late start" in overview.warning
    assert all(entry.day.date >= late for entry in overview.days)
    argv = ["plan", "--race-date", "2027-04-18", "--today", late.isoformat(), "--json"]
    assert cli_plan.run(cli.parse(argv)) == 0
    saved = planning.saved_build_up()
    assert saved is not None
    assert plan_to_dict(saved) == json.loads(capsys.readouterr().out)
    clock.set_day(late + timedelta(weeks=2))
    later = planning.overview()
    assert later is not None and later.warning == overview.warning


def test_several_athletes_each_with_a_plan_and_the_last_one_opens_by_default(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    planning.set_up(FORM)
    planning.set_up(replace(FORM, name="Bo", race_date="2027-05-02"))
    ana, bo = planning.athletes()
    assert planning.current_athlete() == bo
    overview = planning.overview()
    assert overview is not None and overview.settings.race_date == date(2027, 5, 2)
    planning.switch_athlete(ana.id)
    reopened = Planning(store, now=clock)
    assert reopened.current_athlete() == ana
    reopened_overview = reopened.overview()
    assert reopened_overview is not None and reopened_overview.athlete == "Ana"
    assert reopened_overview.settings.race_date == RACE


def test_a_new_build_up_for_the_same_name_replaces_the_active_plan(
    planning: Planning, store: Store
) -> None:
    planning.set_up(FORM)
    planning.set_up(replace(FORM, race_date="2027-05-09"))
    (athlete,) = list_athletes(store)
    plan = active_plan(store, athlete.id)
    assert plan is not None and plan.race_date == date(2027, 5, 9)
    assert store.db.execute("SELECT count(*) FROM plans").fetchone()[0] == 2


def test_adding_an_athlete_twice_is_a_clear_error(planning: Planning) -> None:
    planning.add_athlete("Cy")
    with pytest.raises(PlanInputError, match="already an athlete"):
        planning.add_athlete(" Cy ")


def test_the_setup_summary_names_the_first_day_and_the_race(planning: Planning) -> None:
    summary = planning.preview_setup(FORM).summary()
    assert summary.startswith("11 weeks of strength work")
    assert "Sun 10 Jan 2027" in summary and "Sun 18 Apr 2027" in summary


def test_variant_swaps_are_kept_per_plan(
    planning: Planning, store: Store, clock: SettableClock
) -> None:
    planning.set_up(replace(FORM, cramp_sites=("calf",)))
    planning.swap_variant("squat", "front_squat")
    planning.swap_variant("accessory", None)
    reopened = Planning(store, now=clock)
    saved = reopened.saved_build_up()
    assert saved is not None
    assert saved.days[0].heavy.exercises == (
        "front_squat",
        "conventional_deadlift",
        "reverse_lunge",
    )
    with pytest.raises(PlanInputError, match="not a squat variant"):
        planning.swap_variant("squat", "nordic_curl")
    planning.set_up(FORM)
    fresh = planning.saved_build_up()
    assert fresh is not None and fresh.days[0].heavy.exercises[0] == "back_squat"
