"""Weekly check-ins (pain, recovery: they open the gate) and cramp reports after runs."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime

from db.connection import StoreLike, as_database, read_rows
from db.errors import translates_errors
from db.records import (
    CheckIn,
    CrampReport,
    date_text,
    from_date_text,
    from_sites_text,
    from_utc_text,
    sites_text,
    utc_text,
)

MAX_DISTANCE_KM = 500.0


def _checkin(row: dict) -> CheckIn:
    return CheckIn(
        id=row["id"],
        athlete_id=row["athlete_id"],
        week_start=from_date_text(row["week_start"]),
        pain=bool(row["pain"]),
        recovered=bool(row["recovered"]),
        created_at=from_utc_text(row["created_at"]),
    )


def _cramp_report(row: dict) -> CrampReport:
    return CrampReport(
        id=row["id"],
        athlete_id=row["athlete_id"],
        session_id=row["session_id"],
        date=from_date_text(row["date"]),
        cramped=bool(row["cramped"]),
        sites=from_sites_text(row["sites"]),
        distance_km=row["distance_km"],
        severity=row["severity"],
        created_at=from_utc_text(row["created_at"]),
    )


@translates_errors
def record_checkin(
    target: StoreLike,
    *,
    athlete_id: int,
    week_start: date,
    pain: bool,
    recovered: bool,
    created_at: datetime,
) -> CheckIn:
    """Save the week's check-in; answering again in the same week replaces the answer."""
    db = as_database(target)
    with db.atomic():
        db.execute(
            """INSERT INTO checkins (athlete_id, week_start, pain, recovered, created_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (athlete_id, week_start) DO UPDATE SET pain = excluded.pain,
                recovered = excluded.recovered, created_at = excluded.created_at""",
            [athlete_id, date_text(week_start), int(pain), int(recovered), utc_text(created_at)],
        )
        rows = db.query(
            "SELECT * FROM checkins WHERE athlete_id = ? AND week_start = ?",
            [athlete_id, date_text(week_start)],
        )
        return _checkin(next(rows))


@translates_errors
def checkins_for(target: StoreLike, athlete_id: int) -> list[CheckIn]:
    """An athlete's check-ins, by week."""
    rows = read_rows(
        target, "SELECT * FROM checkins WHERE athlete_id = ? ORDER BY week_start", [athlete_id]
    )
    return [_checkin(row) for row in rows]


@translates_errors
def record_cramp_report(
    target: StoreLike,
    *,
    athlete_id: int,
    date: date,
    cramped: bool,
    sites: Sequence[str],
    severity: int,
    created_at: datetime,
    distance_km: float | None = None,
    session_id: int | None = None,
) -> CrampReport:
    """Log whether a long run or race ended in cramps, where, at what distance and how badly."""
    if isinstance(severity, bool) or not isinstance(severity, int) or not 0 <= severity <= 3:
        raise ValueError("Severity is a whole number from 0 (none) to 3 (had to stop).")
    if distance_km is not None and not (
        math.isfinite(distance_km) and 0 <= distance_km <= MAX_DISTANCE_KM
    ):
        raise ValueError(f"The distance must be from 0 to {MAX_DISTANCE_KM:g} km.")
    db = as_database(target)
    report_id = db.execute(
        """INSERT INTO cramp_reports
        (athlete_id, session_id, date, cramped, sites, distance_km, severity, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            athlete_id,
            session_id,
            date_text(date),
            int(cramped),
            sites_text(list(sites)),
            distance_km,
            severity,
            utc_text(created_at),
        ],
    ).lastrowid
    rows = db.query("SELECT * FROM cramp_reports WHERE id = ?", [report_id])
    return _cramp_report(next(rows))


@translates_errors
def cramp_reports(target: StoreLike, athlete_id: int) -> list[CrampReport]:
    """An athlete's cramp reports, by date."""
    rows = as_database(target).query(
        "SELECT * FROM cramp_reports WHERE athlete_id = ? ORDER BY date, id", [athlete_id]
    )
    return [_cramp_report(row) for row in rows]
