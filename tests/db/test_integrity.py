"""The integrity check reads without writing; quarantine renames without changing a byte."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from db.connection import connect
from db.integrity import check_database, quarantine
from tests.db.helpers import (
    NOW,
    PNG_BYTES,
    StorePaths,
    healthy_database,
    overwrite_pages,
    sha256,
    truncate_half,
)


def test_missing_file(paths: StorePaths) -> None:
    report = check_database(paths.db)
    assert (report.ok, report.kind) == (False, "missing")


def test_empty_file_holds_nothing_and_counts_as_missing(paths: StorePaths) -> None:
    paths.db.parent.mkdir(parents=True)
    paths.db.write_bytes(b"")
    assert check_database(paths.db).kind == "missing"


def test_healthy_database(paths: StorePaths) -> None:
    report = check_database(healthy_database(paths.db))
    assert (report.ok, report.kind) == (True, "ok")


@pytest.mark.parametrize(
    "content",
    [PNG_BYTES, b"squat 5x100kg\ndeadlift 5x120kg\n" * 20, b"SQLite"],
    ids=["png", "text", "short"],
)
def test_other_files_are_not_sqlite(paths: StorePaths, content: bytes) -> None:
    paths.db.parent.mkdir(parents=True)
    paths.db.write_bytes(content)
    report = check_database(paths.db)
    assert (report.ok, report.kind) == (False, "not_sqlite")


@pytest.mark.parametrize("damage", [overwrite_pages, truncate_half], ids=["garbage", "truncated"])
def test_damaged_database_is_corrupt(paths: StorePaths, damage) -> None:
    healthy_database(paths.db)
    damage(paths.db)
    report = check_database(paths.db)
    assert (report.ok, report.kind) == (False, "corrupt")
    assert report.detail


def test_header_cut_short_is_corrupt(paths: StorePaths) -> None:
    healthy_database(paths.db)
    paths.db.write_bytes(paths.db.read_bytes()[:60])
    assert check_database(paths.db).kind == "corrupt"


def test_folder_in_place_of_the_file_is_unreadable(paths: StorePaths) -> None:
    paths.db.mkdir(parents=True)
    assert check_database(paths.db).kind == "unreadable"


def test_log_without_its_database_is_corrupt(paths: StorePaths) -> None:
    paths.db.parent.mkdir(parents=True)
    Path(f"{paths.db}-wal").write_bytes(b"\x37\x7f\x06\x82" + bytes(100))
    assert check_database(paths.db).kind == "corrupt"


def test_check_never_writes_even_with_an_unfolded_log(paths: StorePaths) -> None:
    """A live writer leaves committed frames in the -wal; the check must not fold them in."""
    healthy_database(paths.db, sets=20)
    writer = connect(paths.db)
    try:
        writer.execute("UPDATE sets SET reps = 4")
        wal = Path(f"{paths.db}-wal")
        before = (sha256(paths.db), sha256(wal), paths.db.stat().st_mtime_ns)
        assert check_database(paths.db).ok
        assert (sha256(paths.db), sha256(wal), paths.db.stat().st_mtime_ns) == before
    finally:
        writer.close()


def test_check_of_a_damaged_file_leaves_it_alone(paths: StorePaths) -> None:
    healthy_database(paths.db)
    overwrite_pages(paths.db)
    before = (sha256(paths.db), paths.db.stat().st_mtime_ns)
    check_database(paths.db)
    assert (sha256(paths.db), paths.db.stat().st_mtime_ns) == before
    wal = Path(f"{paths.db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "the check wrote into the log"


def test_quarantine_renames_database_and_companions_unchanged(paths: StorePaths) -> None:
    healthy_database(paths.db, sets=5)
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.db}{suffix}").write_bytes(os.urandom(64))
    before = {suffix: sha256(Path(f"{paths.db}{suffix}")) for suffix in ("", "-wal", "-shm")}
    moved = quarantine(paths.db, now=NOW)
    assert moved.name == "cramproof.db.corrupt-20250301-073000"
    assert moved.parent == paths.db.parent
    after = {suffix: sha256(Path(f"{moved}{suffix}")) for suffix in ("", "-wal", "-shm")}
    assert after == before
    assert not any(Path(f"{paths.db}{suffix}").exists() for suffix in ("", "-wal", "-shm"))


def test_quarantine_never_replaces_an_earlier_one(paths: StorePaths) -> None:
    paths.db.parent.mkdir(parents=True)
    paths.db.write_bytes(b"first")
    first = quarantine(paths.db, now=NOW)
    paths.db.write_bytes(b"second")
    second = quarantine(paths.db, now=NOW + timedelta(milliseconds=10))
    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")


def test_quarantine_wants_an_aware_time(paths: StorePaths) -> None:
    paths.db.parent.mkdir(parents=True)
    paths.db.write_bytes(b"x")
    with pytest.raises(ValueError, match="timezone-aware"):
        quarantine(paths.db, now=NOW.replace(tzinfo=None))
    assert paths.db.read_bytes() == b"x"
