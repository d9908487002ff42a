"""Workout sessions and their sets: every set is committed, on its own, the moment it is logged."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from db.connection import StoreLike, as_database, read, read_rows
from db.errors import translates_errors
from db.records import (
    SessionKind,
    SessionRecord,
    SessionState,
    SetRecord,
    from_utc_text,
    optional_from_utc_text,
    optional_utc_text,
    utc_text,
)

MAX_REPS = 100
MAX_LOAD_KG = 1000.0
MAX_HOLD_S = 3600.0


def session_record(row: dict) -> SessionRecord:
    """A `sessions` row (as a dict) as the record the app reads."""
    return SessionRecord(
        id=row["id"],
        athlete_id=row["athlete_id"],
        planned_day_id=row["planned_day_id"],
        kind=row["kind"],
        started_at=from_utc_text(row["started_at"]),
        ended_at=optional_from_utc_text(row["ended_at"]),
        state=row["state"],
        notes=row["notes"],
        rest_started_at=optional_from_utc_text(row["rest_started_at"]),
        rest_paused_s=row["rest_paused_s"],
        rest_paused_since=optional_from_utc_text(row["rest_paused_since"]),
        rest_extended_s=row["rest_extended_s"],
        layout=json.loads(row["layout"]),
    )


def _set(row: dict) -> SetRecord:
    return SetRecord(
        id=row["id"],
        session_id=row["session_id"],
        exercise_id=row["exercise_id"],
        set_index=row["set_index"],
        warmup=bool(row["warmup"]),
        target_reps_min=row["target_reps_min"],
        target_reps_max=row["target_reps_max"],
        reps=row["reps"],
        load_kg=row["load_kg"],
        form_held=bool(row["form_held"]),
        started_at=from_utc_text(row["started_at"]),
        ended_at=from_utc_text(row["ended_at"]),
        rest_before_s=row["rest_before_s"],
        rest_paused_s=row["rest_paused_s"],
        rest_extended_s=row["rest_extended_s"],
        over_rest_s=row["over_rest_s"],
        hold_s=row["hold_s"],
    )


def _whole(value: object, low: int, high: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{what} must be a whole number from {low} to {high}, got {value!r}.")


def validate_set(new: SetRecord) -> None:
    """Refuse values no real set has, before they reach the table's CHECK constraints."""
    _whole(new.reps, 0, MAX_REPS, "Reps")
    _whole(new.target_reps_min, 0, MAX_REPS, "The lowest target reps")
    _whole(new.target_reps_max, new.target_reps_min, MAX_REPS, "The highest target reps")
    _whole(new.set_index, 0, 10_000, "The set number")
    load = new.load_kg
    if isinstance(load, bool) or not isinstance(load, int | float) or not math.isfinite(load):
        raise ValueError(f"The load must be a number of kilograms, got {load!r}.")
    if not 0 <= load <= MAX_LOAD_KG:
        raise ValueError(f"The load must be from 0 to {MAX_LOAD_KG:g} kg, got {load:g}.")
    for seconds in (new.rest_before_s, new.rest_paused_s, new.rest_extended_s, new.over_rest_s):
        if seconds is not None and not seconds >= 0:
            raise ValueError("A rest cannot last less than 0 seconds.")
    if new.hold_s is not None and not 0 <= new.hold_s <= MAX_HOLD_S:
        raise ValueError(f"A hold lasts from 0 to {MAX_HOLD_S:g} seconds, got {new.hold_s!r}.")


@translates_errors
def start_session(
    target: StoreLike,
    *,
    athlete_id: int,
    kind: SessionKind,
    planned_day_id: int | None,
    started_at: datetime,
) -> SessionRecord:
    """Open a session; it stays 'in_progress' (offered again after a crash) until finished."""
    if kind not in ("heavy", "light"):
        raise ValueError("A session is 'heavy' or 'light'.")
    db = as_database(target)
    session_id = db.execute(
        "INSERT INTO sessions (athlete_id, planned_day_id, kind, started_at) VALUES (?, ?, ?, ?)",
        [athlete_id, planned_day_id, kind, utc_text(started_at)],
    ).lastrowid
    return get_session(db, session_id)


@translates_errors
def log_set(target: StoreLike, new: SetRecord) -> SetRecord:
    """Validate and commit one set; when this returns, the set survives a crash or power cut."""
    validate_set(new)
    db = as_database(target)
    if db.conn.in_transaction:
        raise RuntimeError("log_set commits each set itself; call it outside any transaction")
    with db.atomic():
        set_id = db.execute(
            """INSERT INTO sets (session_id, exercise_id, set_index, warmup, target_reps_min,
            target_reps_max, reps, load_kg, form_held, started_at, ended_at, rest_before_s,
            rest_paused_s, rest_extended_s, over_rest_s, hold_s)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                new.session_id,
                new.exercise_id,
                new.set_index,
                int(new.warmup),
                new.target_reps_min,
                new.target_reps_max,
                new.reps,
                float(new.load_kg),
                int(new.form_held),
                utc_text(new.started_at),
                utc_text(new.ended_at),
                new.rest_before_s,
                new.rest_paused_s,
                new.rest_extended_s,
                new.over_rest_s,
                new.hold_s,
            ],
        ).lastrowid
    return replace(new, id=set_id, load_kg=float(new.load_kg))


@translates_errors
def set_rest_state(
    target: StoreLike,
    session_id: int,
    *,
    rest_started_at: datetime | None,
    rest_paused_s: float,
    rest_paused_since: datetime | None = None,
    rest_extended_s: float = 0.0,
) -> None:
    """Remember the running rest so that it can be restored, to the second, after a crash.

    `rest_paused_since` is set while the rest is paused; `rest_extended_s` is the +30 s total.
    """
    if not rest_paused_s >= 0 or not rest_extended_s >= 0:
        raise ValueError("Paused and extended time cannot be negative.")
    as_database(target).execute(
        """UPDATE sessions SET rest_started_at = ?, rest_paused_s = ?, rest_paused_since = ?,
        rest_extended_s = ? WHERE id = ?""",
        [
            optional_utc_text(rest_started_at),
            float(rest_paused_s),
            optional_utc_text(rest_paused_since),
            float(rest_extended_s),
            session_id,
        ],
    )


@translates_errors
def set_session_layout(target: StoreLike, session_id: int, layout: Mapping[str, Any]) -> None:
    """Keep the session's running layout (gym mode's JSON: swaps, extra and skipped sets)."""
    as_database(target).execute(
        "UPDATE sessions SET layout = ? WHERE id = ?",
        [json.dumps(dict(layout), sort_keys=True), session_id],
    )


@translates_errors
def set_session_notes(target: StoreLike, session_id: int, notes: str) -> None:
    """Keep an open session's note as typed so far: a crash on the summary keeps the draft."""
    as_database(target).execute("UPDATE sessions SET notes = ? WHERE id = ?", [notes, session_id])


@translates_errors
def finish_session(
    target: StoreLike,
    session_id: int,
    *,
    ended_at: datetime,
    state: SessionState = "finished",
    notes: str | None = None,
) -> SessionRecord:
    """Close a session as 'finished' or 'abandoned' (notes None keeps the ones already saved)."""
    if state not in ("finished", "abandoned"):
        raise ValueError("A session ends as 'finished' or 'abandoned'.")
    db = as_database(target)
    db.execute(
        """UPDATE sessions SET ended_at = ?, state = ?, notes = coalesce(?, notes),
        rest_started_at = NULL, rest_paused_since = NULL WHERE id = ?""",
        [utc_text(ended_at), state, notes, session_id],
    )
    return get_session(db, session_id)


@translates_errors
def get_session(target: StoreLike, session_id: int) -> SessionRecord:
    """One session by id, or a LookupError."""
    rows = list(as_database(target).query("SELECT * FROM sessions WHERE id = ?", [session_id]))
    if not rows:
        raise LookupError(f"no session with id {session_id}")
    return session_record(rows[0])


@translates_errors
def open_sessions(target: StoreLike, athlete_id: int) -> list[SessionRecord]:
    """Sessions still in progress (after a crash: the one to resume), oldest first."""
    rows = read_rows(
        target,
        """SELECT * FROM sessions WHERE athlete_id = ? AND state = 'in_progress'
        ORDER BY started_at, id""",
        [athlete_id],
    )
    return [session_record(row) for row in rows]


@translates_errors
def sessions_for_athlete(target: StoreLike, athlete_id: int) -> list[SessionRecord]:
    """Every session of an athlete, oldest first."""
    rows = read_rows(
        target, "SELECT * FROM sessions WHERE athlete_id = ? ORDER BY started_at, id", [athlete_id]
    )
    return [session_record(row) for row in rows]


@translates_errors
def sets_for_session(target: StoreLike, session_id: int) -> list[SetRecord]:
    """A session's sets in the order they were logged."""
    rows = as_database(target).query(
        "SELECT * FROM sets WHERE session_id = ? ORDER BY id", [session_id]
    )
    return [_set(row) for row in rows]


@translates_errors
def work_set_counts(target: StoreLike, session_ids: Iterable[int]) -> dict[int, dict[int, int]]:
    """Work sets (warm-ups left out) per exercise id, per session id, in one grouped query: the
    plan screen counts them for every session of a build-up as it opens."""
    rows = read(
        target,
        """SELECT session_id, exercise_id, count(*) FROM sets
        WHERE warmup = 0 AND session_id IN (SELECT value FROM json_each(?))
        GROUP BY session_id, exercise_id""",
        [json.dumps(sorted(set(session_ids)))],
    )
    counts: dict[int, dict[int, int]] = {}
    for session_id, exercise_id, count in rows:
        counts.setdefault(session_id, {})[exercise_id] = count
    return counts


@translates_errors
def close_stale_sessions(target: StoreLike, *, older_than: datetime) -> list[SessionRecord]:
    """Mark sessions left in progress since before `older_than` as abandoned, ending them at
    their last logged set (or their start), and return them."""
    db = as_database(target)
    with db.atomic():
        stale = [
            row[0]
            for row in db.execute(
                "SELECT id FROM sessions WHERE state = 'in_progress' AND started_at < ?",
                [utc_text(older_than)],
            )
        ]
        db.execute(
            """UPDATE sessions SET state = 'abandoned', rest_started_at = NULL,
            rest_paused_since = NULL, ended_at = coalesce(
                (SELECT max(ended_at) FROM sets WHERE sets.session_id = sessions.id), started_at)
            WHERE state = 'in_progress' AND started_at < ?""",
            [utc_text(older_than)],
        )
    return [get_session(db, session_id) for session_id in stale]
