"""Bad input fuzz: every user-facing parser either accepts or refuses cleanly, never a traceback.

Hypothesis feeds arbitrary text and numbers to the command line, the plan parsers and the setup
form; the only acceptable failures are the clean ones each edge promises (exit 2 with one line,
PlanInputError with one line), and a refused setup never writes to the log.
"""

from __future__ import annotations

import contextlib
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.store import open_store
from desktop import cli
from desktop.domain.model import PlanInputError
from desktop.domain.plan import parse_date, parse_weekday
from desktop.plan_setup import SetupForm
from desktop.planning import Planning

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
def planning(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("fuzz-log")
    store = open_store(folder / "cramproof.db", backups_dir=folder / "backups", now=TODAY)
    yield Planning(store, now=lambda: TODAY)
    store.close()


@FUZZ
@given(
    name=text,
    race_date=date_like,
    weeks=st.integers(-5, 40),
    long_run=st.integers(-2, 9),
    speed=st.integers(-2, 9),
    sites=st.lists(st.sampled_from(["calf", "hamstring", "quad", "foot", "other", "none", "knee"])),
    units=st.sampled_from(["kg", "lb", "stone", ""]),
)
def test_refused_setup_never_writes(
    planning: Planning, name, race_date, weeks, long_run, speed, sites, units
) -> None:
    form = SetupForm(
        name=name,
        race_date=race_date,
        weeks=weeks,
        long_run_day=long_run,
        speed_day=speed,
        cramp_sites=tuple(sites),
        units=units,
    )
    athletes_before = planning.athletes()
    try:
        planning.preview_setup(form)
        planning.set_up(form)
    except PlanInputError as error:
        assert _one_line(str(error)), str(error)
        assert planning.athletes() == athletes_before, "a refused setup must not save anything"


# The gym screen's readers: reps, holds, loads in kg and lb, notes, cramp distance.
from desktop.domain.workout_input import (  # noqa: E402
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


@FUZZ
@given(st.text(max_size=2100))
def test_notes_up_to_2000_characters(raw: str) -> None:
    try:
        assert check_notes(raw) == raw
    except InputError:
        assert len(raw) > 2000
