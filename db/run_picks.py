"""The runner's own pick of the run a planned long-run or speed-run day hangs on, as stored.

No row is the automatic rule (the longest run within a day: domain/runs/run_anchor.py). The plan
reads the picks on every redraw from start-up on, so reads go through the plain connection.
A pick and the session links it changes are written in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from db.connection import StoreLike, as_database, read
from db.errors import translates_errors
from db.lean_dataclass import frozen_dataclass
from db.records import from_utc_text


@frozen_dataclass
class HeavyStart:
    """A heavy session's first set, and the run it is linked to now (None: no link)."""

    session_id: int
    first_set: datetime
    run_id: int | None


def _current_picks(target: StoreLike, athlete_id: int) -> list[tuple[int, int, str]]:
    """(planned day id, run id, the day's date) of each pick on the athlete's current plan."""
    cursor = read(
        target,
        """SELECT p.planned_day_id, p.run_id, d.date FROM run_picks p
        JOIN planned_days d ON d.id = p.planned_day_id JOIN plans pl ON pl.id = d.plan_id
        WHERE pl.athlete_id = ? AND pl.active = 1 AND d.superseded_at IS NULL""",
        [athlete_id],
    )
    return cursor.fetchall()


@translates_errors
def picks_for(target: StoreLike, athlete_id: int) -> dict[int, int]:
    """The picks on the athlete's current plan: run id by planned day id."""
    return {day_id: run_id for day_id, run_id, _day in _current_picks(target, athlete_id)}


@translates_errors
def picked_dates(target: StoreLike, athlete_id: int) -> dict[int, str]:
    """The planned day ('YYYY-MM-DD') each picked run was picked for, by run id: what the
    exports and `cramproof runs list` show beside the run."""
    return {run_id: day for _day_id, run_id, day in _current_picks(target, athlete_id)}


@translates_errors
def moving_times(target: StoreLike, athlete_id: int) -> dict[int, float]:
    """Each of the athlete's runs' moving time in seconds, by run id (what a pick lists)."""
    rows = read(target, "SELECT id, moving_s FROM runs WHERE athlete_id = ?", [athlete_id])
    return {run_id: moving for run_id, moving in rows}


@translates_errors
def heavy_starts(target: StoreLike, athlete_id: int) -> list[HeavyStart]:
    """The athlete's heavy sessions with a set, oldest first, with their current link."""
    rows = read(
        target,
        """SELECT s.id, min(st.started_at), l.run_id FROM sessions s
        JOIN sets st ON st.session_id = s.id LEFT JOIN session_runs l ON l.session_id = s.id
        WHERE s.athlete_id = ? AND s.kind = 'heavy'
        GROUP BY s.id ORDER BY min(st.started_at)""",
        [athlete_id],
    )
    return [HeavyStart(session, from_utc_text(first), run) for session, first, run in rows]


@translates_errors
def set_pick(
    target: StoreLike,
    planned_day_id: int,
    run_id: int | None,
    relinks: Sequence[tuple[int, int, int]] = (),
) -> None:
    """Store the run picked for a planned day (taking it from any other day: a run anchors one
    day), or with None go back to the automatic rule; with it, the (session id, run id,
    minutes after) links the pick changes."""
    db = as_database(target)
    with db.atomic():
        db.execute("DELETE FROM run_picks WHERE planned_day_id = ?", [planned_day_id])
        if run_id is not None:
            db.execute("DELETE FROM run_picks WHERE run_id = ?", [run_id])
            db.execute(
                "INSERT INTO run_picks (planned_day_id, run_id) VALUES (?, ?)",
                [planned_day_id, run_id],
            )
        db.conn.executemany(
            """INSERT OR REPLACE INTO session_runs (session_id, run_id, minutes_after)
            VALUES (?, ?, ?)""",
            relinks,
        )
