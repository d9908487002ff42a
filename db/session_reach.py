"""The sessions a build-up's plan can count, read without reading every year's.

The plan screen matches the log to its planned days from start-up on: a session counts for the
day it is linked to, or for a day of its kind within a day of its date
(`desktop.domain.progress.day_status`). Reading only those keeps a five-year log opening as
fast as a first build-up; the exact days are still checked after reading.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from db.connection import StoreLike, read_rows
from db.errors import translates_errors
from db.records import SessionRecord, local_days_in_utc
from db.sessions import session_record


@translates_errors
def sessions_in_reach(
    target: StoreLike,
    athlete_id: int,
    *,
    days: tuple[date, date] | None,
    planned_day_ids: Iterable[int],
) -> list[SessionRecord]:
    """The athlete's sessions begun on the local days `days` (first, last; and perhaps a few a
    day beyond), and those linked to `planned_day_ids` wherever they fell, oldest first."""
    low, high = local_days_in_utc(*days) if days is not None else ("", "")
    rows = read_rows(
        target,
        """SELECT * FROM sessions WHERE athlete_id = ?
        AND ((started_at >= ? AND started_at < ?)
            OR planned_day_id IN (SELECT value FROM json_each(?)))
        ORDER BY started_at, id""",
        [athlete_id, low, high, json.dumps(sorted(set(planned_day_ids)))],
    )
    return [session_record(row) for row in rows]
