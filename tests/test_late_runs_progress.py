"""Do my legs hold late? The long runs Progress charts, on the adherence and cramp weeks, and
the headline that says how the late-run figures moved, without a display."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from db.checkins import record_cramp_report
from db.runs import RunRecord, add_run
from desktop.domain.progress.chart_series import noon_seconds
from desktop.progress.late_run_words import NO_FIGURES, headline
from desktop.progress.late_runs import LongRunMark, long_run_marks
from desktop.progress.series import ProgressSource
from tests.planning_support import FORM, WEEK1, Harness, at_noon, open_harness

PARIS = timezone(timedelta(hours=1))
NOON = at_noon(WEEK1)


@pytest.fixture
def harness(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir, day=WEEK1) as opened:
        opened.planning.set_up(FORM)
        yield opened


def run_on(
    day: date,
    *,
    minutes: float = 150,
    cadence: float | None = None,
    fade: float | None = None,
    decoupling: float | None = None,
    ascent: float | None = None,
    km: float = 30.0,
) -> RunRecord:
    """A run started at 07:00 in Paris on `day`, with the figures the watch's file gave."""
    start = datetime.combine(day, time(7), tzinfo=PARIS)
    return RunRecord(
        athlete_id=0,
        started_at=start,
        ended_at=start + timedelta(minutes=minutes + 5),
        sport="running",
        distance_m=km * 1000,
        moving_s=minutes * 60,
        source=f"{day}.fit",
        splits_s=(),
        pace_fade_pct=fade,
        cadence_drop_spm=cadence,
        decoupling_pct=decoupling,
        ascent_m=ascent,
    )


def _store_runs(harness: Harness, *runs: RunRecord) -> None:
    athlete = harness.athlete_id()
    for run in runs:
        stored = add_run(harness.store, replace(run, athlete_id=athlete), imported_at=NOON)
        assert stored is not None


def test_long_runs_sit_on_the_weeks_of_the_adherence_bars_and_cramp_reports(
    harness: Harness,
) -> None:
    sunday2 = WEEK1 + timedelta(weeks=1)
    _store_runs(
        harness,
        run_on(WEEK1 - timedelta(days=400), cadence=9.0),  # long before the build-up
        run_on(WEEK1, cadence=6.0, fade=8.0, decoupling=7.5),
        run_on(WEEK1 + timedelta(days=3), minutes=59, km=11.0),  # under an hour: no late
        run_on(sunday2, cadence=5.0, ascent=450.0),  # 15 m a km: hilly
    )
    record_cramp_report(
        harness.store,
        athlete_id=harness.athlete_id(),
        date=sunday2,
        cramped=True,
        sites=("calf",),
        severity=1,
        distance_km=30.0,
        created_at=at_noon(sunday2),
    )
    harness.clock.set_day(sunday2 + timedelta(days=1))
    data = ProgressSource(harness.store, now=harness.clock).load()
    first, second = data.late_runs.marks
    assert [(m.day, m.week) for m in (first, second)] == [(WEEK1, 1), (sunday2, 2)]
    assert [w.week.number for w in data.weeks if w.week.start <= sunday2 <= w.week.end] == [2]
    (cramp,) = data.cramps
    assert second.x == cramp.x == noon_seconds(sunday2), "under the same week as its report"
    assert (first.cadence_drop_spm, first.pace_fade_pct, first.decoupling_pct) == (6.0, 8.0, 7.5)
    assert (first.hilly, first.climb_m_per_km) == (False, None)
    assert (second.hilly, second.climb_m_per_km) == (True, 15.0)
    assert data.late_runs.any_runs
    assert data.late_runs.headline == (
        "Last-quarter cadence drop: 6 spm on Sun 10 Jan; one long run so far, "
        "the next one starts the comparison (hilly runs left out)"
    )


def test_no_runs_and_only_short_runs_are_told_apart(harness: Harness) -> None:
    source = ProgressSource(harness.store, now=harness.clock)
    assert (source.load().late_runs.marks, source.load().late_runs.any_runs) == ((), False)
    _store_runs(harness, run_on(WEEK1, minutes=45, km=9.0))
    late = source.load().late_runs
    assert (late.marks, late.any_runs, late.headline) == ((), True, "")


def _marks(*runs: RunRecord) -> tuple[LongRunMark, ...]:
    return long_run_marks([], runs)


SUNDAYS = [date(2026, 10, 4) + timedelta(weeks=n) for n in range(8)]


def test_the_first_two_long_runs_against_the_last_two() -> None:
    marks = _marks(
        *[
            run_on(day, cadence=c)
            for day, c in zip(SUNDAYS[:6], [7.0, 5.0, 4.0, 3.5, 2.5, 1.5], strict=True)
        ]
    )
    today = SUNDAYS[5] + timedelta(days=3)
    assert headline(marks, today=today) == (
        "Last-quarter cadence drop: 6 spm in October, 2 spm now"
    )


def test_an_old_last_run_is_named_by_its_month_not_now() -> None:
    marks = _marks(
        *[
            run_on(day, fade=f)
            for day, f in zip(SUNDAYS[:5], [9.0, 8.0, 4.0, 2.0, 1.0], strict=True)
        ]
    )
    # Oct 4, 11 | Oct 25, Nov 1: months differ, the last run is weeks old.
    today = date(2026, 12, 20)
    assert headline(marks, today=today) == (
        "Last-quarter pace fade: 8.5 % in October, 1.5 % in Oct–Nov"
    )


def test_all_in_one_month_and_long_ago_gives_the_days() -> None:
    marks = _marks(
        *[
            run_on(day, decoupling=d)
            for day, d in zip(SUNDAYS[:4], [8.0, 6.0, 4.0, 2.0], strict=True)
        ]
    )
    assert headline(marks, today=date(2027, 3, 1)) == (
        "Aerobic decoupling: 7.0 % on 4 and 11 Oct, 3.0 % on 18 and 25 Oct"
    )


def test_too_few_runs_say_so_instead_of_a_trend() -> None:
    marks = _marks(run_on(SUNDAYS[0], cadence=6.4), run_on(SUNDAYS[2], cadence=-0.2))
    assert headline(marks, today=SUNDAYS[3]) == (
        "Last-quarter cadence drop: 6 spm on Sun 4 Oct, 0 spm on Sun 18 Oct; "
        "too few long runs yet to call it a trend"
    )


def test_the_figure_with_the_most_runs_is_the_one_told() -> None:
    runs = [run_on(day, fade=5.0, cadence=4.0 if i == 0 else None) for i, day in enumerate(SUNDAYS)]
    assert headline(_marks(*runs), today=SUNDAYS[-1]).startswith("Last-quarter pace fade: 5.0 %")


def test_hilly_runs_count_only_when_no_flat_run_has_figures() -> None:
    hilly = run_on(SUNDAYS[0], cadence=3.0, ascent=600.0)
    assert headline(_marks(hilly), today=SUNDAYS[1]).startswith("Last-quarter cadence drop: 3 spm")
    assert "(hilly runs left out)" not in headline(_marks(hilly), today=SUNDAYS[1])


def test_long_runs_without_any_figure_say_so_and_none_say_nothing() -> None:
    assert headline(_marks(run_on(SUNDAYS[0])), today=SUNDAYS[1]) == NO_FIGURES
    assert headline((), today=SUNDAYS[1]) == ""
