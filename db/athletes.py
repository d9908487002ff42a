"""Athletes: the people whose training this app logs (a shared gym laptop may have several)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from db.connection import StoreLike, as_database, read_rows
from db.errors import translates_errors
from db.records import Athlete, from_utc_text, now_utc, utc_text

MAX_NAME_LENGTH = 60


def _athlete(row: dict) -> Athlete:
    return Athlete(id=row["id"], name=row["name"], created_at=from_utc_text(row["created_at"]))


def clean_name(name: str) -> str:
    """The name as stored: stripped, 1 to 60 characters, or a ValueError that says why not."""
    cleaned = name.strip()
    if not cleaned:
        raise ValueError("Please enter a name.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValueError(f"A name can have at most {MAX_NAME_LENGTH} characters.")
    return cleaned


@translates_errors
def create_athlete(target: StoreLike, name: str, *, created_at: datetime | None = None) -> Athlete:
    """Add an athlete; names are unique (exactly as typed, after stripping spaces)."""
    db = as_database(target)
    cleaned = clean_name(name)
    moment = created_at or now_utc()
    try:
        cursor = db.execute(
            "INSERT INTO athletes (name, created_at) VALUES (?, ?)", [cleaned, utc_text(moment)]
        )
    except sqlite3.IntegrityError as error:
        raise ValueError(f"There is already an athlete called {cleaned!r}.") from error
    return get_athlete(db, cursor.lastrowid)


@translates_errors
def list_athletes(target: StoreLike) -> list[Athlete]:
    """All athletes, in the order they were added."""
    return [_athlete(row) for row in read_rows(target, "SELECT * FROM athletes ORDER BY id")]


@translates_errors
def get_athlete(target: StoreLike, athlete_id: int) -> Athlete:
    """The athlete with this id, or a LookupError."""
    rows = list(as_database(target).query("SELECT * FROM athletes WHERE id = ?", [athlete_id]))
    if not rows:
        raise LookupError(f"no athlete with id {athlete_id}")
    return _athlete(rows[0])
