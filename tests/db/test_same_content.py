"""`same_content`: decides whether today's backup is needed, so it must see every real change."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.athletes import create_athlete
from db.backup import write_backup
from db.integrity import same_content
from db.store import open_store

NOW = datetime(2027, 1, 10, 9, tzinfo=UTC)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """A log with two athletes and a fresh backup of it."""
    log = tmp_path / "cramproof.db"
    with open_store(log, backups_dir=tmp_path / "backups", now=NOW) as store:
        create_athlete(store, "Ana")
        create_athlete(store, "Bo")
    copy = write_backup(log, tmp_path / "copy.db")
    return log, copy


def _run(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)


def test_an_untouched_log_equals_its_backup(pair: tuple[Path, Path]) -> None:
    assert same_content(*pair)


CHANGES: dict[str, Callable[[Path], None]] = {
    "edited": lambda p: _run(p, "UPDATE athletes SET name = 'Anna' WHERE name = 'Ana'"),
    "case only": lambda p: _run(p, "UPDATE athletes SET name = 'ana' WHERE name = 'Ana'"),
    "deleted": lambda p: _run(p, "DELETE FROM athletes WHERE name = 'Bo'"),
    "one out, one in": lambda p: _run(
        p,
        "DELETE FROM athletes WHERE name = 'Bo'",
        "INSERT INTO athletes (name, created_at) VALUES ('Cy', '2027-01-10')",
    ),
    "text to blob": lambda p: _run(
        p, "UPDATE athletes SET created_at = CAST(created_at AS BLOB) WHERE name = 'Ana'"
    ),
    "schema": lambda p: _run(p, "CREATE INDEX extra ON athletes (created_at)"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_every_kind_of_change_is_seen(pair: tuple[Path, Path], change: str) -> None:
    log, copy = pair
    CHANGES[change](log)
    assert not same_content(log, copy)


def test_an_edit_taken_back_is_no_change(pair: tuple[Path, Path]) -> None:
    log, copy = pair
    _run(log, "UPDATE athletes SET name = 'Anna' WHERE name = 'Ana'")
    _run(log, "UPDATE athletes SET name = 'Ana' WHERE name = 'Anna'")
    assert same_content(log, copy)


def test_an_unreadable_copy_is_not_the_same(pair: tuple[Path, Path]) -> None:
    log, copy = pair
    copy.write_bytes(b"not a database")
    assert not same_content(log, copy)


def test_the_check_never_writes_to_either_file(pair: tuple[Path, Path]) -> None:
    log, copy = pair
    before = (log.read_bytes(), copy.read_bytes())
    same_content(log, copy)
    assert (log.read_bytes(), copy.read_bytes()) == before
