"""Whether the heavy session's summary still asks "did anything cramp?" about today's run.

The runner may have answered already: the import offers the cramp report for the long run it
brings in, before the drive to the gym. A second question about the same run is noise, and a
second answer would be a second report for one day. Qt-free, read when the summary shows.
"""

from __future__ import annotations

from datetime import date

from db.checkins import cramp_reports
from db.errors import StoreError
from db.store import Store
from desktop.plan.run_links import session_run, spans


def run_reported(store: Store, athlete_id: int, session_id: int, today: date) -> bool:
    """A cramp report exists for today or for the day of the run the session followed."""
    try:
        reported = {report.date for report in cramp_reports(store, athlete_id)}
        if today in reported:
            return True
        link = session_run(store, athlete_id, session_id)
        if link is None:
            return False
        days = {run.run_id: run.day for run in spans(store, athlete_id)}
    except StoreError:
        return False  # the question is asked; the close says if the log cannot be written
    return days.get(link.run_id) in reported
