"""Closing a session: the cramp report and the close are written together or not at all."""

from __future__ import annotations

from db.checkins import cramp_reports
from db.sessions import get_session
from db.store import Store
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import CrampAnswer
from tests.fake_clock import FakeClock
from tests.gym_support import lift_set


def test_a_close_that_fails_after_the_cramp_report_leaves_one_report_after_the_retry(
    store: Store, clock: FakeClock
) -> None:
    """The disk fills at the moment the session is closed: a temporary trigger makes closing
    write a large row into a size-capped temporary table, so SQLite reports SQLITE_FULL there
    and only there."""
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    session.end_early()
    session.confirm()
    db = store.db
    db.execute("CREATE TEMP TABLE ballast (b BLOB)")
    pages = db.execute("PRAGMA temp.page_count").fetchone()[0]
    db.execute(f"PRAGMA temp.max_page_count = {pages}")
    db.execute(
        """CREATE TEMP TRIGGER disk_full AFTER UPDATE OF state ON main.sessions
        BEGIN INSERT INTO ballast VALUES (zeroblob(100000)); END"""
    )
    cramp = CrampAnswer(cramped=True, sites=("calf",), distance="35", severity=2)
    assert not session.finish(notes="Heavy legs", cramp=cramp)
    assert session.message is not None and "cannot save" in session.message
    athlete = session.book.record.athlete_id
    assert cramp_reports(store, athlete) == [], "nothing of a failed finish is kept"
    assert get_session(store, session.session_id).state == "in_progress"
    db.execute("DROP TRIGGER temp.disk_full")
    assert session.finish(notes="Heavy legs", cramp=cramp)
    [report] = cramp_reports(store, athlete)
    assert (report.session_id, report.sites, report.severity) == (session.session_id, ("calf",), 2)
    assert get_session(store, session.session_id).state == "finished"
