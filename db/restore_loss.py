"""What restoring a backup would take out of the log: the rows added since the backup was made.

A runner choosing a backup sees its date only; a restore also removes the runners, sessions,
runs and cramp reports added after it (the trial's backup of 29 November took away a runner
created on 1 December without a word). Rows are matched by id: the log only ever adds rows with
new ids, and a backup is a copy of the log as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.connection import read_only_connection
from db.lean_dataclass import frozen_dataclass

# Each table the runner would miss, with how a count of its rows is said.
COUNTED = (
    ("sessions", "session", "sessions"),
    ("sets", "set", "sets"),
    ("runs", "run", "runs"),
    ("cramp_reports", "cramp report", "cramp reports"),
)


@frozen_dataclass
class RestoreLoss:
    """Rows the log holds and the backup does not: runners by name, the rest counted."""

    runners: tuple[str, ...]
    counts: tuple[tuple[int, str], ...]  # (how many, the word for them), only those above 0

    @property
    def words(self) -> str:
        """E.g. "the runner Ben, 2 sessions, 14 sets": empty when nothing would go."""
        parts = []
        if self.runners:
            people = "runner" if len(self.runners) == 1 else "runners"
            parts.append(f"the {people} {', '.join(self.runners)}")
        parts += [f"{count} {word}" for count, word in self.counts]
        return ", ".join(parts)


def restore_loss(log: sqlite3.Connection, backup: Path) -> RestoreLoss:
    """Compare the open log (`log`, read only) with `backup` (opened read-only)."""
    with_backup = read_only_connection(backup)
    try:
        runners = _added(log, with_backup, "athletes", "name")
        counts = []
        for table, one, many in COUNTED:
            count = len(_added(log, with_backup, table, "id"))
            if count:
                counts.append((count, one if count == 1 else many))
        return RestoreLoss(tuple(str(name) for name in runners), tuple(counts))
    finally:
        with_backup.close()


def _added(log: sqlite3.Connection, backup: sqlite3.Connection, table: str, shown: str) -> list:
    """`shown` of the rows of `table` whose id the backup does not hold (none if the backup
    predates the table)."""
    try:
        kept = {row[0] for row in backup.execute(f"SELECT id FROM {table}")}
    except sqlite3.OperationalError:  # an older backup, before the table existed
        kept = set()
    rows = log.execute(f"SELECT id, {shown} FROM {table} ORDER BY id")
    return [value for row_id, value in rows if row_id not in kept]
