"""Key/value settings, app-wide (athlete_id None, such as 'last_athlete_id') or per athlete."""

from __future__ import annotations

from db.connection import StoreLike, as_database, read_rows
from db.errors import translates_errors


@translates_errors
def get_setting(
    target: StoreLike, key: str, *, athlete_id: int | None = None, default: str | None = None
) -> str | None:
    """The stored value, or `default` when the key was never set."""
    rows = list(
        read_rows(
            target,
            "SELECT value FROM settings WHERE key = ? AND athlete_id IS ?",
            [key, athlete_id],
        )
    )
    return rows[0]["value"] if rows else default


@translates_errors
def set_setting(
    target: StoreLike, key: str, value: str | None, *, athlete_id: int | None = None
) -> None:
    """Store or replace one setting, in one transaction."""
    if not key:
        raise ValueError("a setting needs a key")
    db = as_database(target)
    with db.atomic():
        updated = db.execute(
            "UPDATE settings SET value = ? WHERE key = ? AND athlete_id IS ?",
            [value, key, athlete_id],
        ).rowcount
        if not updated:
            db.execute(
                "INSERT INTO settings (athlete_id, key, value) VALUES (?, ?, ?)",
                [athlete_id, key, value],
            )


@translates_errors
def all_settings(target: StoreLike, *, athlete_id: int | None = None) -> dict[str, str | None]:
    """Every setting of one scope, for a settings dialog or an export."""
    rows = as_database(target).query(
        "SELECT key, value FROM settings WHERE athlete_id IS ? ORDER BY key", [athlete_id]
    )
    return {row["key"]: row["value"] for row in rows}
