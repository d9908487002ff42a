"""Weekly check-ins (one per week, latest wins) and cramp reports with their checks."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from db.checkins import checkins_for, cramp_reports, record_checkin, record_cramp_report
from db.records import Athlete, SessionRecord
from db.store import Store
from tests.db.helpers import NOW


def test_one_checkin_per_week_latest_wins(store: Store, athlete: Athlete) -> None:
    week = date(2025, 3, 3)
    record_checkin(
        store, athlete_id=athlete.id, week_start=week, pain=True, recovered=False, created_at=NOW
    )
    again = record_checkin(
        store,
        athlete_id=athlete.id,
        week_start=week,
        pain=False,
        recovered=True,
        created_at=NOW + timedelta(hours=1),
    )
    following = record_checkin(
        store,
        athlete_id=athlete.id,
        week_start=week + timedelta(weeks=1),
        pain=False,
        recovered=True,
        created_at=NOW + timedelta(weeks=1),
    )
    assert checkins_for(store, athlete.id) == [again, following]
    assert (again.pain, again.recovered) == (False, True)


def test_cramp_reports_read_back(store: Store, athlete: Athlete, session: SessionRecord) -> None:
    report = record_cramp_report(
        store,
        athlete_id=athlete.id,
        session_id=session.id,
        date=date(2025, 3, 2),
        cramped=True,
        sites=["calf", "hamstring"],
        distance_km=28.5,
        severity=2,
        created_at=NOW,
    )
    quiet = record_cramp_report(
        store,
        athlete_id=athlete.id,
        date=date(2025, 3, 1),
        cramped=False,
        sites=[],
        severity=0,
        created_at=NOW,
    )
    assert report.sites == ("calf", "hamstring") and report.distance_km == 28.5
    assert cramp_reports(store, athlete.id) == [quiet, report]


@pytest.mark.parametrize(
    ("severity", "distance"), [(4, None), (-1, None), (True, None), (1, -3.0), (1, math.inf)]
)
def test_impossible_cramp_reports_are_refused(
    store: Store, athlete: Athlete, severity: int, distance: float | None
) -> None:
    with pytest.raises(ValueError):
        record_cramp_report(
            store,
            athlete_id=athlete.id,
            date=date(2025, 3, 2),
            cramped=True,
            sites=["calf"],
            severity=severity,
            distance_km=distance,
            created_at=NOW,
        )
    assert cramp_reports(store, athlete.id) == []
