"""Bad input fuzz: every user-facing parser either accepts or refuses cleanly, never a traceback.

Hypothesis feeds arbitrary text and numbers to the command line, the plan parsers and the setup
form; the only acceptable failures are the clean ones each edge promises (exit 2 with one line,
PlanInputError with one line), and a refused setup never writes to the log.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from db.store import Store, open_store
from desktop.cli import main as cli
from desktop.domain.buildup.model import PlanInputError
from desktop.domain.buildup.plan import latest_race_date, parse_date, parse_weekday
from desktop.history.history import HistoryLog
from desktop.plan.planning import Planning
from desktop.plan.setup_form import SetupForm, SetupPreview, check_setup
from tests.table_rows import Change, all_rows, change, value

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = datetime(2027, 1, 4, 12, tzinfo=UTC)

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
plan_words = st.sampled_from(
    ["plan", "--race-date", "--weeks", "--long-run-day", "--speed-day", "--today", "--json"]
)
date_like = st.one_of(
    text,
    st.dates().map(date.isoformat),
    st.builds("{}-{}-{}".format, st.integers(), st.integers(), st.integers()),
)


def _one_line(message: str) -> bool:
    return len(message.strip().splitlines()) == 1


@FUZZ
@given(st.lists(st.one_of(plan_words, date_like, text), max_size=8))
def test_plan_command_line_refuses_cleanly(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            args = cli.parse(["plan", *argv])
            code = cli.run_command(args, paths=None)  # type: ignore[arg-type]
        except SystemExit as leaving:
            code = leaving.code
    if code == 2:
        assert out.getvalue() == "", "a refused plan prints nothing on stdout"
        assert _one_line(err.getvalue()), err.getvalue()
    else:
        assert code == 0, (argv, err.getvalue())
        assert out.getvalue()


@FUZZ
@given(date_like)
def test_parse_date_accepts_or_explains(raw: str) -> None:
    try:
        parsed = parse_date(raw)
    except PlanInputError as error:
        assert _one_line(str(error))
    else:
        assert parsed.isoformat() == raw.strip()


@FUZZ
@given(text)
def test_parse_weekday_accepts_or_explains(raw: str) -> None:
    try:
        day = parse_weekday(raw)
    except PlanInputError as error:
        assert _one_line(str(error))
    else:
        assert 0 <= day <= 6


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder: Path = tmp_path_factory.mktemp("fuzz-log")
    opened = open_store(folder / "cramproof.db", backups_dir=folder / "backups", now=TODAY)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def planning(store: Store) -> Planning:
    return Planning(store, now=lambda: TODAY)


@FUZZ
@given(
    name=text,
    race_date=st.one_of(date_like, st.dates(date(2027, 4, 12), date(2027, 6, 30)).map(str)),
    weeks=st.integers(-5, 40),
    long_run=st.integers(-2, 9),
    speed=st.integers(-2, 9),
    sites=st.lists(st.sampled_from(["calf", "hamstring", "quad", "foot", "other", "none", "knee"])),
    units=st.sampled_from(["kg", "lb", "stone", ""]),
)
@example(name="Ana", race_date="2027-05-02", weeks=14, long_run=6, speed=2, sites=[], units="kg")
@example(name="Ana", race_date="2027-05-09", weeks=16, long_run=5, speed=1, sites=[], units="lb")
@example(name="Ana", race_date="2027-05-09", weeks=16, long_run=5, speed=5, sites=[], units="lb")
def test_refused_setup_never_writes(
    planning: Planning, name, race_date, weeks, long_run, speed, sites, units
) -> None:
    """Every table is compared: a refusal writes nothing, an accepted setup exactly its rows."""
    form = SetupForm(
        name=name,
        race_date=race_date,
        weeks=weeks,
        long_run_day=long_run,
        speed_day=speed,
        cramp_sites=tuple(sites),
        units=units,
    )
    before = all_rows(planning_store(planning))
    try:
        preview = planning.preview_setup(form)
        planning.set_up(form)
    except PlanInputError as error:
        assert _one_line(str(error)), str(error)
        after = all_rows(planning_store(planning))
        assert change(before, after).tables == set(), "a refused setup must not write anything"
        return
    _check_setup_wrote_exactly(change(before, all_rows(planning_store(planning))), preview)


def planning_store(planning: Planning) -> Store:
    return planning._store  # the log the planning use case writes to


def _check_setup_wrote_exactly(made: Change, preview: SetupPreview) -> None:
    """An accepted setup: the athlete if new, one active plan, its days, the current athlete."""
    assert made.tables <= {"athletes", "plans", "planned_days", "settings"}, made.tables
    assert made.removed["athletes"] == [] and made.removed["planned_days"] == []
    assert [value(row, "name") for row in made.added["athletes"]] in ([], [preview.name])
    [plan] = [row for row in made.added["plans"] if value(row, "active") == 1]
    settings = preview.settings
    assert (value(plan, "race_date"), value(plan, "weeks")) == (
        settings.race_date.isoformat(),
        settings.weeks,
    )
    retired = made.removed["plans"]  # the athlete's previous plan, now inactive
    assert len(retired) <= 1 and len(made.added["plans"]) == 1 + len(retired)
    days = made.added["planned_days"]
    assert len(days) == len(preview.build_up.days) and {value(day, "plan_id") for day in days} == {
        value(plan, "id")
    }
    # The athlete becomes the current one (already so when they set up again).
    assert [value(row, "key") for row in made.added["settings"]] in ([], ["last_athlete_id"])
    assert [value(row, "key") for row in made.removed["settings"]] in ([], ["last_athlete_id"])
    current = [value(row, "value") for row in made.added["settings"]]
    assert current in ([], [str(value(plan, "athlete_id"))])
    assert current or not made.added["athletes"], "a new athlete is made the current one"


# Race dates over the whole calendar, year 1 to 9999: planned, or refused in one line.
any_date = st.one_of(st.dates(), st.dates(date(2026, 1, 1), date(2030, 12, 31)))


@FUZZ
@given(race=any_date, today=any_date, weeks=st.sampled_from([14, 15, 16]))
@example(race=date(1, 2, 1), today=date(1, 1, 1), weeks=14)
@example(race=date.max, today=date.max, weeks=16)
@example(race=date.max, today=date(2027, 1, 4), weeks=14)
def test_plan_command_over_every_date_plans_or_refuses(race: date, today: date, weeks: int) -> None:
    dates = ["--race-date", race.isoformat(), "--today", today.isoformat()]
    args = cli.parse(["plan", *dates, "--weeks", str(weeks), "--json"])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.run_command(args, paths=None)  # type: ignore[arg-type]
    if code == 2:
        assert out.getvalue() == "" and _one_line(err.getvalue()), err.getvalue()
    else:
        assert code == 0 and today <= race <= latest_race_date(today)
        assert json.loads(out.getvalue())["race_date"] == race.isoformat()


@FUZZ
@given(race=any_date, today=any_date)
@example(race=date(1, 2, 1), today=date(1, 1, 1))
@example(race=date.max, today=date(2027, 1, 4))
def test_setup_over_every_date_plans_or_refuses(race: date, today: date) -> None:
    try:
        preview = check_setup(SetupForm(name="Ana", race_date=race.isoformat()), today=today)
    except PlanInputError as error:
        assert _one_line(str(error)), str(error)
    else:
        assert today <= race <= latest_race_date(today)
        assert preview.summary()


@FUZZ
@given(race=any_date)
@example(race=date.max)
@example(race=date(2029, 1, 4))
def test_a_saved_build_up_of_any_accepted_date_reads_back_everywhere(
    planning: Planning, store: Store, race: date
) -> None:
    """Whatever setup accepts, the plan, History and Progress can read afterwards."""
    try:
        planning.set_up(SetupForm(name="Ana", race_date=race.isoformat()))
    except PlanInputError:
        return
    athlete, plan = planning.current_athlete(), planning.saved_build_up()
    assert athlete is not None and plan is not None and planning.overview() is not None
    assert HistoryLog(store, now=lambda: TODAY).sessions() == []


# The gym screen's readers: reps, holds, loads in kg and lb, notes, cramp distance.
from desktop.domain.gym.workout_input import (  # noqa: E402
    InputError,
    bump_load,
    bump_reps,
    check_notes,
    parse_distance,
    parse_hold,
    parse_load,
    parse_reps,
)

numberish = st.one_of(
    text,
    st.integers(-(10**6), 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(alphabet="0123456789.,:- kglb", max_size=12),
    st.just("9" * 5000),
)


@FUZZ
@given(numberish, st.sampled_from(["kg", "lb"]))
def test_gym_readers_accept_in_range_or_explain(raw: str, units: str) -> None:
    readers = (
        (parse_reps, lambda v: 0 <= v <= 100),
        (parse_hold, lambda v: v >= 0),
        (lambda t: parse_load(t, units), lambda v: 0 <= v <= 1000.0 + 1e-9),
        (parse_distance, lambda v: v is None or v >= 0),
        (lambda t: bump_reps(t, 1, hold=False), lambda v: 0 <= int(v) <= 100),
        (lambda t: bump_load(t, -1, units), lambda v: float(v) >= 0),
    )
    for reader, in_range in readers:
        try:
            value = reader(raw)
        except InputError as error:
            assert _one_line(str(error))
        else:
            assert in_range(value), (raw, value)


NOTE_LIMIT = 2000
# Lengths drawn on purpose near the limit and past it: plain st.text() stays under ~100.
note_lengths = st.one_of(
    st.integers(0, 60), st.integers(NOTE_LIMIT - 3, NOTE_LIMIT + 3), st.integers(0, 2 * NOTE_LIMIT)
)
notes = note_lengths.flatmap(
    lambda size: st.text(
        alphabet=st.characters(blacklist_categories=("Cs",)), min_size=size, max_size=size
    )
)


@FUZZ
@given(notes)
@example("x" * NOTE_LIMIT)
@example("x" * (NOTE_LIMIT + 1))
@example("\n" * NOTE_LIMIT)
def test_notes_up_to_2000_characters(raw: str) -> None:
    try:
        assert check_notes(raw) == raw
    except InputError as error:
        assert len(raw) > NOTE_LIMIT and _one_line(str(error)), (len(raw), str(error))
    else:
        assert len(raw) <= NOTE_LIMIT
