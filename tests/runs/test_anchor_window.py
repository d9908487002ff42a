"""A planned day's run is found among the runs near the build-up's days only: the same answer as
over every run ever imported, whatever the watch's time zone, for a log of many years."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.athletes import create_athlete
from db.run_links import run_times
from db.runs import RunRecord, add_run
from db.store import Store
from desktop.domain.runs.run_anchor import anchor_days
from desktop.plan.run_links import anchored, spans

FIRST_DAY = date(2022, 1, 3)
IMPORTED = datetime(2027, 1, 1, tzinfo=UTC)


def _run(athlete_id: int, day: date, *, hour: int, offset_h: int, km: int) -> RunRecord:
    zone = timezone(timedelta(hours=offset_h))
    start = datetime(day.year, day.month, day.day, hour, tzinfo=zone)
    return RunRecord(
        athlete_id=athlete_id,
        started_at=start,
        ended_at=start + timedelta(minutes=6 * km),
        sport="running",
        distance_m=km * 1000.0,
        moving_s=360.0 * km,
        source=f"run-{day}-{hour}-{offset_h}.fit",
        splits_s=(),
    )


runs_strategy = st.lists(
    st.tuples(
        st.integers(0, 5 * 365),  # days after FIRST_DAY: five years of running
        st.sampled_from([0, 1, 6, 12, 23]),  # the local hour it started
        st.sampled_from([-12, -5, 0, 1, 9, 14]),  # the watch's offset from UTC
        st.integers(3, 35),
    ),
    min_size=1,
    max_size=60,
)


NAMES = count()


# Each example empties the runs and adds its own athlete: the shared log is safe to reuse.
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(runs=runs_strategy, first=st.integers(0, 5 * 365), weeks=st.integers(1, 16))
def test_the_runs_near_the_days_anchor_them_as_every_run_would(
    store: Store, runs: list[tuple[int, int, int, int]], first: int, weeks: int
) -> None:
    store.db.execute("DELETE FROM runs")
    athlete = create_athlete(store, f"Runner {next(NAMES)}").id
    for offset_days, hour, offset_h, km in runs:
        day = FIRST_DAY + timedelta(days=offset_days)
        add_run(
            store, _run(athlete, day, hour=hour, offset_h=offset_h, km=km), imported_at=IMPORTED
        )
    start = FIRST_DAY + timedelta(days=first)
    days = [
        (index, start + timedelta(weeks=week, days=shift), after)
        for index, (week, shift, after) in enumerate(
            (week, shift, after)
            for week in range(weeks)
            for shift, after in ((0, "long_run"), (3, "speed_run"))
        )
    ]
    assert anchored(store, athlete, days) == anchor_days(spans(store, athlete), days)


def test_a_window_reads_the_runs_of_its_days_not_of_every_year(store: Store) -> None:
    athlete = create_athlete(store, "Ana").id
    for year in range(5):
        for week in range(52):
            day = FIRST_DAY + timedelta(days=364 * year + 7 * week)
            add_run(store, _run(athlete, day, hour=9, offset_h=1, km=30), imported_at=IMPORTED)
    build_up = (date(2026, 9, 1), date(2026, 12, 20))
    near = run_times(store, athlete, days=build_up)
    assert len(run_times(store, athlete)) == 260
    assert 15 <= len(near) <= 18
    assert all(
        build_up[0] - timedelta(days=1) <= run.started_at.date() <= build_up[1] + timedelta(days=1)
        for run in near
    )


def test_runs_at_the_ends_of_the_days_in_the_farthest_zones_are_read(store: Store) -> None:
    """A watch at UTC+14 starting at 00:30 and one at UTC-12 starting at 23:00: their local days
    are in the window though their UTC dates are a day outside it."""
    athlete = create_athlete(store, "Ana").id
    first, last = date(2026, 11, 28), date(2026, 11, 30)
    earliest = _run(athlete, first, hour=0, offset_h=14, km=30)
    latest = _run(athlete, last, hour=23, offset_h=-12, km=12)
    for run in (earliest, latest):
        add_run(store, run, imported_at=IMPORTED)
    read = run_times(store, athlete, days=(first, last))
    assert [run.started_at for run in read] == [earliest.started_at, latest.started_at]
