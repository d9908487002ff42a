"""Heavy sessions done right after a run, as stored: the run and the minutes in between.

The plan reads these on every redraw from start-up on, so the reads go through the plain
connection (`read`): sqlite-utils is loaded only by the first write.

A link is written once, whichever came into the log last (the runs imported after the
session, or the session logged after the import), and read by the plan, the session summary
and History alike.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from db.connection import StoreLike, as_database, read
from db.errors import translates_errors
from db.lean_dataclass import frozen_dataclass
from db.records import from_utc_text, local_days_in_utc


@frozen_dataclass
class RunLink:
    """A session's run: how long after its end the first set came, and which run it was.
    `after` is the planned day the session was started for ('long_run', 'speed_run'), if any."""

    session_id: int
    run_id: int
    minutes_after: int
    distance_m: float
    after: str | None
    planned_day_id: int | None = None


@frozen_dataclass
class Unlinked:
    """A heavy session with no run linked yet, and when its first set started."""

    session_id: int
    first_set: datetime


@frozen_dataclass
class RunTimes:
    """A stored run's times (with the watch's offset) and length, without its splits."""

    run_id: int
    started_at: datetime
    ended_at: datetime
    distance_m: float


@translates_errors
def run_times(
    target: StoreLike, athlete_id: int, *, days: tuple[date, date] | None = None
) -> list[RunTimes]:
    """The athlete's running runs, oldest first: what the plan reads on every redraw, so no
    splits and no figures. With `days` (first, last), only runs started on or near those local
    days (and perhaps a few more a day beyond): a build-up's plan reads its own weeks' runs,
    not every year's."""
    where, bounds = "", []
    if days is not None:
        where, bounds = "AND started_at >= ? AND started_at < ?", [*local_days_in_utc(*days)]
    rows = read(
        target,
        f"""SELECT id, started_at, ended_at, utc_offset_min, distance_m FROM runs
        WHERE athlete_id = ? AND sport = 'running' {where} ORDER BY started_at, id""",
        [athlete_id, *bounds],
    )
    found = []
    for run_id, started, ended, offset, distance in rows:
        zone = timezone(timedelta(minutes=offset))
        start, end = from_utc_text(started).astimezone(zone), from_utc_text(ended).astimezone(zone)
        found.append(RunTimes(run_id, start, end, distance))
    return found


@translates_errors
def unlinked_heavy(target: StoreLike, athlete_id: int) -> list[Unlinked]:
    """The athlete's heavy sessions with at least one set and no link yet, oldest first."""
    rows = read(
        target,
        """SELECT s.id, min(st.started_at) FROM sessions s JOIN sets st ON st.session_id = s.id
        WHERE s.athlete_id = ? AND s.kind = 'heavy'
            AND s.id NOT IN (SELECT session_id FROM session_runs)
        GROUP BY s.id ORDER BY min(st.started_at)""",
        [athlete_id],
    )
    return [Unlinked(session_id, from_utc_text(first)) for session_id, first in rows]


@translates_errors
def planned_after(target: StoreLike, session_id: int) -> str | None:
    """What the session's planned day follows ('long_run', 'speed_run'); None when unplanned."""
    row = read(
        target,
        """SELECT pd.after FROM sessions s JOIN planned_days pd ON pd.id = s.planned_day_id
        WHERE s.id = ?""",
        [session_id],
    ).fetchone()
    return None if row is None else row[0]


@translates_errors
def add_links(target: StoreLike, links: list[tuple[int, int, int]]) -> None:
    """Store (session id, run id, minutes after) rows in one transaction; a session already
    linked keeps its link."""
    db = as_database(target)
    with db.atomic():
        db.conn.executemany(
            """INSERT OR IGNORE INTO session_runs (session_id, run_id, minutes_after)
            VALUES (?, ?, ?)""",
            links,
        )


@translates_errors
def links_for(target: StoreLike, athlete_id: int) -> dict[int, RunLink]:
    """Every stored link of the athlete's sessions, by session id."""
    rows = read(
        target,
        """SELECT l.session_id, l.run_id, l.minutes_after, r.distance_m, pd.after, pd.id
        FROM session_runs l JOIN runs r ON r.id = l.run_id
        JOIN sessions s ON s.id = l.session_id
        LEFT JOIN planned_days pd ON pd.id = s.planned_day_id
        WHERE s.athlete_id = ?""",
        [athlete_id],
    )
    return {row[0]: RunLink(*row) for row in rows}


def unlink_session(target: StoreLike, session_id: int) -> tuple[int, int] | None:
    """Remove a session's link (the session is being deleted); (run id, minutes) to put back."""
    db = as_database(target)
    row = db.execute(
        "SELECT run_id, minutes_after FROM session_runs WHERE session_id = ?", [session_id]
    ).fetchone()
    db.execute("DELETE FROM session_runs WHERE session_id = ?", [session_id])
    return None if row is None else (row[0], row[1])
