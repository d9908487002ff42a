"""The numbers behind the strength, rest, quality and cramp charts, against hand-made fixtures."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desktop.domain.buildup.model import PlanSettings
from desktop.domain.progress.adherence import build_up_weeks
from desktop.domain.progress.chart_series import (
    CrampReportDay,
    SessionQuality,
    TopSetDay,
    cramp_label,
    cramp_series,
    epley,
    noon_seconds,
    quality_by_week,
    rest_series,
    strength_series,
    week_middle_seconds,
)

WEEKS = build_up_weeks(PlanSettings(race_date=date(2027, 4, 18), weeks=14))
TAPER_DAY = date(2027, 4, 4)  # weeks out 2


@pytest.mark.parametrize(
    ("load", "reps", "expected"),
    [(100.0, 5, 100 * (1 + 5 / 30)), (90.0, 4, 102.0), (120.0, 1, 120.0), (100.0, 0, None)],
)
def test_epley(load: float, reps: int, expected: float | None) -> None:
    assert epley(load, reps) == (pytest.approx(expected) if expected is not None else None)


def test_noon_is_the_middle_of_the_day_in_the_given_zone() -> None:
    assert noon_seconds(date(2027, 1, 10), UTC) == datetime(2027, 1, 10, 12, tzinfo=UTC).timestamp()
    plus_two = timezone(timedelta(hours=2))
    assert (
        noon_seconds(date(2027, 1, 10), plus_two)
        == datetime(2027, 1, 10, 10, tzinfo=UTC).timestamp()
    )
    assert week_middle_seconds(WEEKS[0], UTC) == noon_seconds(date(2027, 1, 13), UTC)


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe"])
def test_noon_is_local_noon_on_both_sides_of_a_clock_change(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        for day in (date(2027, 3, 1) + timedelta(days=n) for n in range(260)):
            local_noon = datetime.combine(day, datetime.min.time().replace(hour=12))
            assert noon_seconds(day) == local_noon.astimezone().timestamp(), day
            assert datetime.fromtimestamp(noon_seconds(day)).hour == 12
    finally:
        monkeypatch.undo()
        time.tzset()


def test_strength_series_sorted_in_the_athletes_units_without_zero_rep_sets() -> None:
    tops = [
        TopSetDay(day=date(2027, 1, 17), load_kg=105.0, reps=4),
        TopSetDay(day=date(2027, 1, 10), load_kg=100.0, reps=5),
        TopSetDay(day=date(2027, 1, 24), load_kg=110.0, reps=0),
    ]
    kg = strength_series(tops, units="kg", tz=UTC)
    assert [p.day for p in kg] == [date(2027, 1, 10), date(2027, 1, 17)]
    assert [p.load for p in kg] == [100.0, 105.0]
    assert [p.e1rm for p in kg] == pytest.approx([116.6667, 119.0], abs=1e-3)
    assert kg[0].x == noon_seconds(date(2027, 1, 10), UTC)
    lb = strength_series(tops, units="lb", tz=UTC)
    assert [p.load for p in lb] == pytest.approx([220.462, 231.485], abs=1e-3)
    assert lb[0].reps == 5


def test_rests_are_minutes_flagged_inside_the_window_inclusive() -> None:
    at = datetime(2027, 1, 10, 9, tzinfo=UTC)
    points = rest_series([(at, 179.9), (at, 180.0), (at, 300.0), (at, 300.1), (at, 240.0)])
    assert [p.inside for p in points] == [False, True, True, False, True]
    assert points[4].minutes == 4.0
    assert points[0].x == at.timestamp()
    assert len(points) == 5 and points.minutes[:2] == (179.9 / 60, 3.0)
    assert not rest_series([])
    custom = rest_series([(at, 200.0)], window_s=(210.0, 270.0))
    assert custom[0].inside is False


def test_quality_shares_per_week() -> None:
    week1, week2 = WEEKS[0].start, WEEKS[1].start
    sessions = [
        SessionQuality(
            day=week1, kind="heavy", work_sets=12, in_target=9, timed_rests=11, rests_in_window=8
        ),
        SessionQuality(
            day=week1, kind="light", work_sets=10, in_target=10, timed_rests=9, rests_in_window=2
        ),
        SessionQuality(
            day=week2 + timedelta(days=3),
            kind="heavy",
            work_sets=4,
            in_target=1,
            timed_rests=4,
            rests_in_window=4,
        ),
        SessionQuality(
            day=week2 + timedelta(days=6),
            kind="heavy",
            work_sets=4,
            in_target=4,
            timed_rests=0,
            rests_in_window=0,
        ),
    ]
    weeks = quality_by_week(WEEKS, sessions, tz=UTC)
    first, second, third = weeks[0], weeks[1], weeks[2]
    assert (first.heavy_in_range, first.light_in_range) == (0.75, 1.0)
    assert first.rests_in_window == pytest.approx(8 / 11)  # light rests do not count here
    assert (second.heavy_in_range, second.light_in_range, second.rests_in_window) == (
        5 / 8,
        None,
        1.0,
    )
    assert (second.heavy_sets, second.heavy_rests) == (8, 4)
    assert (third.heavy_in_range, third.light_in_range, third.rests_in_window) == (None,) * 3
    assert first.x == week_middle_seconds(WEEKS[0], UTC)


def test_cramps_on_the_week_axis_with_labels() -> None:
    reports = [
        CrampReportDay(
            day=TAPER_DAY, cramped=True, sites=("calf", "hamstring"), distance_km=32.0, severity=2
        ),
        CrampReportDay(day=WEEKS[0].start, cramped=False, sites=(), distance_km=28.5, severity=0),
        CrampReportDay(day=date(2027, 4, 18), cramped=True, sites=(), distance_km=None, severity=3),
    ]
    marks = cramp_series(WEEKS, reports, tz=UTC)
    assert [m.week for m in marks] == [1, 13, None]  # race day is after the last week
    assert [m.severity for m in marks] == [0, 2, 3]
    assert marks[0].label == "No cramp (28.5 km)"
    assert marks[1].label == "Cramp: calf, hamstring at 32 km, severity 2/3"
    assert marks[2].label == "Cramp: unspecified, severity 3/3"
    assert [m.short for m in marks] == ["", "32 km", ""]  # no distance, nothing to write
    assert marks[1].x == noon_seconds(TAPER_DAY, UTC)


def test_a_no_cramp_report_has_severity_zero_even_if_stored_otherwise() -> None:
    report = CrampReportDay(day=TAPER_DAY, cramped=False, sites=(), distance_km=None, severity=2)
    assert cramp_series(WEEKS, [report])[0].severity == 0
    assert cramp_label(report) == "No cramp"
