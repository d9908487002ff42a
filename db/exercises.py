"""The exercise catalogue (squat, deadlift, lunge variants, finishers) that sets refer to."""

from __future__ import annotations

from db.connection import StoreLike, as_database, read_rows
from db.errors import translates_errors
from db.records import ExerciseRecord


def _exercise(row: dict) -> ExerciseRecord:
    return ExerciseRecord(
        id=row["id"],
        key=row["key"],
        name=row["name"],
        movement=row["movement"],
        barbell=bool(row["barbell"]),
        bodyweight=bool(row["bodyweight"]),
    )


@translates_errors
def ensure_exercise(
    target: StoreLike, *, key: str, name: str, movement: str, barbell: bool, bodyweight: bool
) -> int:
    """Insert or update the exercise with this key and return its id (stable across updates)."""
    if not key:
        raise ValueError("an exercise needs a key")
    db = as_database(target)
    with db.atomic():
        db.execute(
            """INSERT INTO exercises (key, name, movement, barbell, bodyweight)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET name = excluded.name,
                movement = excluded.movement, barbell = excluded.barbell,
                bodyweight = excluded.bodyweight""",
            [key, name, movement, int(barbell), int(bodyweight)],
        )
        return db.execute("SELECT id FROM exercises WHERE key = ?", [key]).fetchone()[0]


@translates_errors
def list_exercises(target: StoreLike) -> list[ExerciseRecord]:
    """The whole catalogue, by key."""
    rows = read_rows(target, "SELECT * FROM exercises ORDER BY key")
    return [_exercise(row) for row in rows]


@translates_errors
def exercise_by_key(target: StoreLike, key: str) -> ExerciseRecord | None:
    """The exercise with this key, or None if it was never stored."""
    rows = list(as_database(target).query("SELECT * FROM exercises WHERE key = ?", [key]))
    return _exercise(rows[0]) if rows else None
