"""The athlete's choices within a plan: weekly gate decisions and exercise variant swaps."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from db.connection import StoreLike, as_database, read_rows
from db.errors import translates_errors
from db.records import (
    GateDecision,
    PlanExercise,
    SessionKind,
    date_text,
    from_date_text,
    from_utc_text,
    utc_text,
)


def _decision(row: dict) -> GateDecision:
    return GateDecision(
        id=row["id"],
        plan_id=row["plan_id"],
        week_start=from_date_text(row["week_start"]),
        decision=row["decision"],
        decided_at=from_utc_text(row["decided_at"]),
    )


@translates_errors
def record_gate_decision(
    target: StoreLike,
    *,
    plan_id: int,
    week_start: date,
    decision: Literal["accepted", "declined"],
    decided_at: datetime,
) -> GateDecision:
    """Keep the athlete's answer to this week's offer of a second double day (the latest wins)."""
    if decision not in ("accepted", "declined"):
        raise ValueError("A gate decision is 'accepted' or 'declined'.")
    db = as_database(target)
    with db.atomic():
        db.execute(
            """INSERT INTO gate_decisions (plan_id, week_start, decision, decided_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (plan_id, week_start) DO UPDATE
            SET decision = excluded.decision, decided_at = excluded.decided_at""",
            [plan_id, date_text(week_start), decision, utc_text(decided_at)],
        )
        rows = db.query(
            "SELECT * FROM gate_decisions WHERE plan_id = ? AND week_start = ?",
            [plan_id, date_text(week_start)],
        )
        return _decision(next(rows))


@translates_errors
def gate_decisions(target: StoreLike, plan_id: int) -> list[GateDecision]:
    """Every recorded decision of a plan, by week."""
    rows = read_rows(
        target, "SELECT * FROM gate_decisions WHERE plan_id = ? ORDER BY week_start", [plan_id]
    )
    return [_decision(row) for row in rows]


@translates_errors
def set_plan_exercise(
    target: StoreLike, *, plan_id: int, session_kind: SessionKind, slot: int, exercise_key: str
) -> PlanExercise:
    """Put an exercise variant in a session slot of the plan (replacing what was there)."""
    if session_kind not in ("heavy", "light"):
        raise ValueError("A session is 'heavy' or 'light'.")
    if slot < 0:
        raise ValueError("Exercise slots are numbered from 0.")
    as_database(target).execute(
        """INSERT INTO plan_exercises (plan_id, session_kind, slot, exercise_key)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (plan_id, session_kind, slot)
        DO UPDATE SET exercise_key = excluded.exercise_key""",
        [plan_id, session_kind, slot, exercise_key],
    )
    return PlanExercise(
        plan_id=plan_id, session_kind=session_kind, slot=slot, exercise_key=exercise_key
    )


@translates_errors
def plan_exercises(
    target: StoreLike, plan_id: int, *, session_kind: SessionKind | None = None
) -> list[PlanExercise]:
    """The plan's chosen variants by session kind and slot (slots never set are absent)."""
    sql = "SELECT * FROM plan_exercises WHERE plan_id = ?"
    params: list[object] = [plan_id]
    if session_kind is not None:
        sql += " AND session_kind = ?"
        params.append(session_kind)
    rows = read_rows(target, sql + " ORDER BY session_kind, slot", params)
    return [
        PlanExercise(
            plan_id=row["plan_id"],
            session_kind=row["session_kind"],
            slot=row["slot"],
            exercise_key=row["exercise_key"],
        )
        for row in rows
    ]
