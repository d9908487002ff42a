"""The run a double day hangs on, and "right after" it: examples, then properties over any runs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.runs.run_anchor import (
    PICK_REACH,
    RIGHT_AFTER,
    RunSpan,
    minutes_after,
    pick_run,
    run_before,
)

PARIS = timezone(timedelta(hours=1))
SUNDAY = date(2027, 3, 14)


def _run(run_id: int, day: date, hour: int, km: float, minutes: int = 60) -> RunSpan:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=PARIS)
    return RunSpan(run_id, start, start + timedelta(minutes=minutes), km * 1000)


def test_the_long_run_moved_to_saturday_is_the_week_s_long_run() -> None:
    saturday = _run(1, SUNDAY - timedelta(days=1), 8, 30.2, 170)
    sunday_jog = _run(2, SUNDAY, 9, 6.0)
    wednesday = _run(3, SUNDAY - timedelta(days=4), 7, 32.0)
    assert pick_run([wednesday, sunday_jog, saturday], SUNDAY) == saturday


def test_the_runner_s_pick_wins_over_the_longest() -> None:
    runs = [_run(1, SUNDAY, 8, 30.2), _run(2, SUNDAY, 17, 8.0)]
    assert pick_run(runs, SUNDAY, chosen=2) == runs[1]
    assert pick_run(runs, SUNDAY, chosen=99) == runs[0]


def test_a_session_25_minutes_after_the_run_is_right_after_it() -> None:
    run = _run(1, SUNDAY, 8, 30.2, 170)
    assert minutes_after(run, run.end + timedelta(minutes=25, seconds=40)) == 25
    assert minutes_after(run, run.end + RIGHT_AFTER + timedelta(seconds=1)) is None
    assert minutes_after(run, run.end - timedelta(minutes=1)) is None


def test_a_cool_down_jog_does_not_hide_the_long_run() -> None:
    long = _run(1, SUNDAY, 8, 30.2, 170)
    jog = RunSpan(2, long.end, long.end + timedelta(minutes=10), 1500)
    assert run_before([jog, long], jog.end + timedelta(minutes=20)) == long


offsets = st.sampled_from([UTC, PARIS, timezone(timedelta(hours=-5))])
spans = st.builds(
    lambda run_id, day, minute, length, km, zone: RunSpan(
        run_id,
        datetime(2027, 3, 1, tzinfo=zone) + timedelta(days=day, minutes=minute),
        datetime(2027, 3, 1, tzinfo=zone) + timedelta(days=day, minutes=minute + length),
        km * 1000,
    ),
    st.integers(0, 1000),
    st.integers(0, 27),
    st.integers(0, 24 * 60 - 1),
    st.integers(10, 300),
    st.floats(0.5, 50.0),
    offsets,
)
planned_days = st.integers(0, 27).map(lambda d: date(2027, 3, 1) + timedelta(days=d))


@given(st.lists(spans, max_size=8, unique_by=lambda r: r.run_id), planned_days)
def test_the_pick_is_the_longest_run_within_a_day(runs: list[RunSpan], planned: date) -> None:
    picked = pick_run(runs, planned)
    near = [run for run in runs if abs(run.day - planned) <= PICK_REACH]
    if not near:
        assert picked is None
        return
    assert picked in near
    assert picked is not None and picked.distance_m == max(run.distance_m for run in near)


@given(st.lists(spans, max_size=8, unique_by=lambda r: r.run_id), planned_days, st.data())
def test_a_pick_within_reach_is_kept_and_one_beyond_it_is_not(
    runs: list[RunSpan], planned: date, data: st.DataObject
) -> None:
    if not runs:
        return
    chosen = data.draw(st.sampled_from(runs))
    picked = pick_run(runs, planned, chosen=chosen.run_id)
    if abs(chosen.day - planned) <= PICK_REACH:
        assert picked is not None and picked.run_id == chosen.run_id
    else:
        assert picked == pick_run([r for r in runs if r.run_id != chosen.run_id], planned)


@given(spans, st.integers(-600, 600 * 60))
def test_right_after_is_exactly_the_window(run: RunSpan, gap_s: int) -> None:
    minutes = minutes_after(run, run.end + timedelta(seconds=gap_s))
    if 0 <= gap_s <= RIGHT_AFTER.total_seconds():
        assert minutes == gap_s // 60
    else:
        assert minutes is None


@given(st.lists(spans, max_size=8, unique_by=lambda r: r.run_id), st.integers(0, 28 * 24 * 60))
def test_the_run_before_a_session_ended_right_before_it(runs: list[RunSpan], at: int) -> None:
    first_set = datetime(2027, 3, 1, tzinfo=UTC) + timedelta(minutes=at)
    found = run_before(runs, first_set)
    close = [run for run in runs if minutes_after(run, first_set) is not None]
    assert (found is None) == (not close)
    if found is not None:
        assert found.distance_m == max(run.distance_m for run in close)
