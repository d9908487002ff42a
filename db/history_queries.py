"""The log as tables: sessions page by page, correcting or deleting a set, rows for export.

A deleted set comes back as the exact row it was (same id, every column), so undo leaves the
store as if nothing happened. Export reads whole tables with `SELECT *`, so a column added by a
later migration is exported without anyone remembering to add it here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from db.connection import StoreLike, as_database
from db.errors import store_errors, translates_errors
from db.records import SessionKind, SetRecord, from_date_text, from_utc_text, utc_text
from db.sessions import _set as set_from_row
from db.sessions import validate_set

# Runs export their totals, figures and splits: the store holds no positions to leak.
EXPORT_TABLES = ("sessions", "sets", "cramp_reports", "runs", "run_splits")
_EXPORT_SQL = {
    "sessions": "SELECT * FROM sessions WHERE athlete_id = ? ORDER BY started_at, id",
    "sets": """SELECT st.* FROM sessions s JOIN sets st ON st.session_id = s.id
        WHERE s.athlete_id = ? ORDER BY s.started_at, s.id, st.id""",
    "cramp_reports": "SELECT * FROM cramp_reports WHERE athlete_id = ? ORDER BY date, id",
    "runs": "SELECT * FROM runs WHERE athlete_id = ? ORDER BY started_at, id",
    "run_splits": """SELECT s.* FROM runs r JOIN run_splits s ON s.run_id = r.id
        WHERE r.athlete_id = ? ORDER BY r.started_at, r.id, s.km""",
}


@dataclass(frozen=True, kw_only=True)
class Column:
    name: str
    type: str
    not_null: bool


@dataclass(frozen=True, kw_only=True)
class SessionListRow:
    """One line of the sessions list; `planned_date` is the day it was linked to, if any."""

    id: int
    kind: SessionKind
    state: str
    started_at: datetime
    ended_at: datetime | None
    planned_day_id: int | None
    planned_date: date | None
    sets: int
    work_sets: int
    notes: str


@translates_errors
def session_page(
    target: StoreLike,
    athlete_id: int,
    *,
    before: tuple[datetime, int] | None = None,
    limit: int = 200,
) -> list[SessionListRow]:
    """The newest `limit` sessions started before `before` (start, id): a page of the list."""
    where, params = "s.athlete_id = ?", [athlete_id]
    if before is not None:
        where += " AND (s.started_at < ? OR (s.started_at = ? AND s.id < ?))"
        params += [utc_text(before[0]), utc_text(before[0]), before[1]]
    rows = as_database(target).query(
        f"""SELECT s.id, s.kind, s.state, s.started_at, s.ended_at, s.planned_day_id, s.notes,
            pd.date AS planned_date,
            (SELECT count(*) FROM sets st WHERE st.session_id = s.id) AS set_count,
            (SELECT count(*) FROM sets st WHERE st.session_id = s.id AND st.warmup = 0)
                AS work_count
        FROM sessions s LEFT JOIN planned_days pd ON pd.id = s.planned_day_id
        WHERE {where} ORDER BY s.started_at DESC, s.id DESC LIMIT ?""",
        [*params, limit],
    )
    return [
        SessionListRow(
            id=row["id"],
            kind=row["kind"],
            state=row["state"],
            started_at=from_utc_text(row["started_at"]),
            ended_at=from_utc_text(row["ended_at"]) if row["ended_at"] else None,
            planned_day_id=row["planned_day_id"],
            planned_date=from_date_text(row["planned_date"]) if row["planned_date"] else None,
            sets=row["set_count"],
            work_sets=row["work_count"],
            notes=row["notes"],
        )
        for row in rows
    ]


@translates_errors
def get_set(target: StoreLike, set_id: int) -> SetRecord:
    """One set by id, or a LookupError (it may have been deleted meanwhile)."""
    return set_from_row(_raw_set(target, set_id))


@translates_errors
def update_set(
    target: StoreLike,
    set_id: int,
    *,
    reps: int,
    load_kg: float,
    form_held: bool,
    hold_s: float | None = None,
) -> SetRecord:
    """Correct a logged set's reps, load, form or seconds held; validated like a new set and
    committed at once. `hold_s` None leaves a held set's seconds as they are (a hold stays one)."""
    db = as_database(target)
    before = get_set(db, set_id)
    held = before.hold_s if hold_s is None else hold_s
    corrected = replace(before, reps=reps, load_kg=load_kg, form_held=form_held, hold_s=held)
    validate_set(corrected)
    with db.atomic():
        db.execute(
            "UPDATE sets SET reps = ?, load_kg = ?, form_held = ?, hold_s = ? WHERE id = ?",
            [reps, float(load_kg), int(form_held), held, set_id],
        )
    return get_set(db, set_id)


@translates_errors
def delete_set(target: StoreLike, set_id: int) -> dict[str, Any]:
    """Delete a set and return its whole row, which `restore_set` puts back unchanged."""
    db = as_database(target)
    with db.atomic():
        row = _raw_set(db, set_id)
        db.execute("DELETE FROM sets WHERE id = ?", [set_id])
    return row


@translates_errors
def restore_set(target: StoreLike, row: Mapping[str, Any]) -> SetRecord:
    """Put a deleted set back as it was; its id too, unless a newer set has taken that id.

    Set ids are reused after the newest set is deleted, so a set logged in the gym meanwhile
    may hold it: the deleted set then comes back under a new id rather than not at all.
    """
    db = as_database(target)
    names = [column.name for column in table_columns(db, "sets")]
    taken = db.execute("SELECT 1 FROM sets WHERE id = ?", [row["id"]]).fetchone() is not None
    if taken:
        names = [name for name in names if name != "id"]
    with db.atomic():
        cursor = db.execute(
            f"INSERT INTO sets ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [row[name] for name in names],
        )
    return get_set(db, int(cursor.lastrowid if taken else row["id"]))


def _raw_set(target: StoreLike, set_id: int) -> dict[str, Any]:
    rows = list(as_database(target).query("SELECT * FROM sets WHERE id = ?", [set_id]))
    if not rows:
        raise LookupError(f"no set with id {set_id}")
    return rows[0]


@translates_errors
def table_columns(target: StoreLike, table: str) -> list[Column]:
    """The columns of an exported table, in table order, with their declared type."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"{table!r} is not an exported table")
    rows = as_database(target).execute(f"PRAGMA table_info([{table}])").fetchall()
    return [Column(name=r[1], type=r[2].upper(), not_null=bool(r[3] or r[5])) for r in rows]


def export_rows(target: StoreLike, table: str, athlete_id: int) -> Iterator[dict[str, Any]]:
    """Every row of one table belonging to the athlete, streamed in time order."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"{table!r} is not an exported table")
    with store_errors():
        yield from as_database(target).query(_EXPORT_SQL[table], [athlete_id])


@translates_errors
def exercise_names(target: StoreLike) -> dict[int, tuple[str, str]]:
    """(key, name) of every exercise by id, for labelling sets in lists and exports."""
    rows = as_database(target).execute("SELECT id, key, name FROM exercises")
    return {exercise_id: (key, name) for exercise_id, key, name in rows}


@translates_errors
def build_up_weeks_by_day(target: StoreLike, athlete_id: int) -> dict[int, tuple[int, int]]:
    """(week, weeks out) of every planned day of the athlete's plans, by planned-day id."""
    rows = as_database(target).execute(
        """SELECT pd.id, pd.week, pd.weeks_out FROM planned_days pd
        JOIN plans p ON p.id = pd.plan_id WHERE p.athlete_id = ?""",
        [athlete_id],
    )
    return {day_id: (week, weeks_out) for day_id, week, weeks_out in rows}
