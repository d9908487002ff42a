"""Deleting a whole session from the log, and putting it back exactly for undo.

A session's sets go with it; a cramp report filed with it stays in the log (the runner's
report of a run is not part of the gym session) and only loses its link, which undo restores,
as it restores the session's link to the run it followed.
Rows come back with their ids unless a newer row has taken one meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db.connection import StoreLike, as_database
from db.errors import translates_errors
from db.run_links import add_links, unlink_session


@dataclass(frozen=True)
class RemovedSession:
    """Everything `delete_session` took out, as `restore_session` needs it."""

    session: dict[str, Any]
    sets: list[dict[str, Any]]
    cramp_report_ids: list[int]
    run_link: tuple[int, int] | None = None  # (run id, minutes after) when it followed a run


@translates_errors
def delete_session(target: StoreLike, session_id: int) -> RemovedSession:
    """Delete a session and its sets in one transaction; LookupError when it is not there."""
    db = as_database(target)
    with db.atomic():
        rows = list(db.query("SELECT * FROM sessions WHERE id = ?", [session_id]))
        if not rows:
            raise LookupError(f"no session with id {session_id}")
        sets = list(db.query("SELECT * FROM sets WHERE session_id = ? ORDER BY id", [session_id]))
        reports = [
            row[0]
            for row in db.execute(
                "SELECT id FROM cramp_reports WHERE session_id = ? ORDER BY id", [session_id]
            )
        ]
        db.execute("UPDATE cramp_reports SET session_id = NULL WHERE session_id = ?", [session_id])
        run_link = unlink_session(db, session_id)
        db.execute("DELETE FROM sets WHERE session_id = ?", [session_id])
        db.execute("DELETE FROM sessions WHERE id = ?", [session_id])
    return RemovedSession(rows[0], sets, reports, run_link)


@translates_errors
def restore_session(target: StoreLike, removed: RemovedSession) -> int:
    """Put a deleted session back with its sets and its cramp reports' link; returns its id."""
    db = as_database(target)
    with db.atomic():
        session_id = _insert(db, "sessions", removed.session)
        for row in removed.sets:
            _insert(db, "sets", {**row, "session_id": session_id})
        for report_id in removed.cramp_report_ids:
            db.execute(
                "UPDATE cramp_reports SET session_id = ? WHERE id = ? AND session_id IS NULL",
                [session_id, report_id],
            )
        if removed.run_link is not None:
            add_links(db, [(session_id, *removed.run_link)])
    return session_id


def _insert(db: Any, table: str, row: dict[str, Any]) -> int:
    """Insert `row` under its old id, or a new one when that id is taken."""
    taken = db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row["id"]]).fetchone() is not None
    names = [name for name in row if not (taken and name == "id")]
    cursor = db.execute(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [row[name] for name in names],
    )
    return int(cursor.lastrowid if taken else row["id"])
