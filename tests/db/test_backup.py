"""Backups: retention as a pure rule, write/list/restore round trips, damaged backups refused."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from db.backup import (
    BackupInfo,
    backup_name,
    backups_to_delete,
    list_backups,
    new_backup_path,
    restore_backup,
    write_backup,
)
from db.connection import connect
from db.errors import CorruptDatabase
from db.integrity import check_database
from db.store import open_store
from tests.db.helpers import NOW, StorePaths, healthy_database, overwrite_pages, populate, sha256

START = datetime(2025, 1, 1, tzinfo=UTC)


def info(day: int, reason: str | None = None) -> BackupInfo:
    taken_at = START + timedelta(days=day)
    return BackupInfo(
        path=Path(backup_name(taken_at=taken_at, reason=reason)), taken_at=taken_at, reason=reason
    )


def days(backups: list[BackupInfo]) -> list[int]:
    return [(backup.taken_at - START).days for backup in backups]


@pytest.mark.parametrize(
    ("available", "keep", "deleted"),
    [
        ([], 10, []),
        ([0], 10, []),
        ([0], 0, []),
        ([0, 1, 2], 0, [1, 0]),
        (list(range(10)), 10, []),
        (list(range(11)), 10, [0]),
        (list(range(15)), 10, [4, 3, 2, 1, 0]),
        ([3, 0, 4, 1, 2], 3, [1, 0]),
        ([5, 1, 9], 1, [5, 1]),
    ],
)
def test_retention_table(available: list[int], keep: int, deleted: list[int]) -> None:
    assert days(backups_to_delete([info(day) for day in available], keep=keep)) == deleted


def test_pre_migration_backups_count_like_any_other() -> None:
    backups = [info(day, "pre-migration" if day in (0, 1, 11) else None) for day in range(12)]
    doomed = backups_to_delete(backups, keep=10)
    assert days(doomed) == [1, 0]
    assert all(backup.reason == "pre-migration" for backup in doomed)


def test_default_keeps_ten() -> None:
    assert len(backups_to_delete([info(day) for day in range(25)])) == 15


@given(st.lists(st.integers(0, 400), unique=True), st.integers(-2, 30))
def test_retention_never_loses_the_newest_and_deletes_only_older(
    available: list[int], keep: int
) -> None:
    backups = [info(day) for day in available]
    doomed = backups_to_delete(backups, keep=keep)
    kept = [backup for backup in backups if backup not in doomed]
    assert set(doomed) <= set(backups)
    assert len(kept) == min(len(backups), max(keep, 1))
    if doomed:
        assert max(b.taken_at for b in doomed) < min(b.taken_at for b in kept)


def test_names_list_back_newest_first(tmp_path: Path) -> None:
    stamps = [NOW + timedelta(hours=hours) for hours in (0, 30, 5)]
    for stamp, reason in zip(stamps, [None, "pre-migration", "pre-restore"], strict=True):
        (tmp_path / backup_name(taken_at=stamp, reason=reason)).write_bytes(b"")
    for stranger in ("notes.txt", ".cramproof-20250301-073000.db.ab12.tmp", "cramproof.db"):
        (tmp_path / stranger).write_bytes(b"")
    listed = list_backups(tmp_path)
    assert [(b.taken_at, b.reason) for b in listed] == [
        (stamps[1], "pre-migration"),
        (stamps[2], "pre-restore"),
        (stamps[0], None),
    ]
    assert listed[2].path.name == "cramproof-20250301-073000.db"


def test_missing_backup_folder_lists_nothing(tmp_path: Path) -> None:
    assert list_backups(tmp_path / "nowhere") == []


@pytest.mark.parametrize("reason", ["Pre Migration", "../evil", "-", "a--b", "daily!"])
def test_reasons_stay_file_name_safe(reason: str) -> None:
    with pytest.raises(ValueError):
        backup_name(taken_at=NOW, reason=reason)


def test_two_backups_in_one_second_do_not_collide(tmp_path: Path) -> None:
    first = new_backup_path(tmp_path, now=NOW)
    first.write_bytes(b"")
    second = new_backup_path(tmp_path, now=NOW)
    assert second != first and not second.exists()


def test_backup_is_a_consistent_single_file_copy(paths: StorePaths) -> None:
    healthy_database(paths.db, sets=3)
    writer = connect(paths.db)
    try:
        writer.execute("BEGIN")
        writer.execute("DELETE FROM sets")
        out = write_backup(paths.db, paths.backups / "copy.db")
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert check_database(out).ok
    assert out.read_bytes()[18:20] == b"\x01\x01", "backups must not need a -wal file"
    with Database(out, execute_plugins=False) as copy:
        assert copy.table("sets").count == 3
    assert sorted(p.name for p in paths.backups.iterdir()) == ["copy.db"]


def _sets_in(path: Path) -> int:
    with Database(path, execute_plugins=False) as db:
        return db.table("sets").count


def test_write_list_restore_round_trip(paths: StorePaths) -> None:
    with open_store(paths.db, backups_dir=paths.backups, now=NOW) as store:
        populate(store, sets=2)
        taken = write_backup(paths.db, new_backup_path(paths.backups, now=NOW, reason="manual"))
        populate(store, name="Cy", sets=5)
    assert list_backups(paths.backups)[0].path == taken
    later = NOW + timedelta(minutes=5)
    restore_backup(taken, paths.db, backups_dir=paths.backups, now=later)
    assert _sets_in(paths.db) == 2
    pre_restore = [b for b in list_backups(paths.backups) if b.reason == "pre-restore"]
    assert len(pre_restore) == 1 and _sets_in(pre_restore[0].path) == 7
    assert not Path(f"{paths.db}-wal").exists()
    with open_store(paths.db, backups_dir=paths.backups, now=later) as store:
        assert store.db.table("sets").count == 2


def test_restore_refuses_a_damaged_backup(paths: StorePaths) -> None:
    healthy_database(paths.db)
    damaged = paths.backups / "cramproof-20250201-060000.db"
    write_backup(paths.db, damaged)
    overwrite_pages(damaged)
    before = sha256(paths.db)
    with pytest.raises(CorruptDatabase) as raised:
        restore_backup(damaged, paths.db, backups_dir=paths.backups, now=NOW)
    assert "cannot be used" in raised.value.message
    assert sha256(paths.db) == before
    assert [b.reason for b in list_backups(paths.backups)] == [None]


def test_restore_moves_a_damaged_database_aside_first(paths: StorePaths) -> None:
    healthy_database(paths.db, sets=4)
    good = write_backup(paths.db, paths.backups / "cramproof-20250201-060000.db")
    overwrite_pages(paths.db)
    damaged_hash = sha256(paths.db)
    restore_backup(good, paths.db, backups_dir=paths.backups, now=NOW)
    moved = paths.db.with_name("cramproof.db.corrupt-20250301-073000")
    assert sha256(moved) == damaged_hash
    assert check_database(paths.db).ok and _sets_in(paths.db) == 4


def test_restore_into_an_empty_folder(paths: StorePaths, tmp_path: Path) -> None:
    source = healthy_database(tmp_path / "elsewhere" / "cramproof.db", sets=6)
    backup = write_backup(source, tmp_path / "cramproof-20250201-060000.db")
    restore_backup(backup, paths.db, backups_dir=paths.backups, now=NOW)
    assert _sets_in(paths.db) == 6
    assert list_backups(paths.backups) == []


def test_restore_wants_an_aware_time(paths: StorePaths, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        restore_backup(tmp_path / "x.db", paths.db, backups_dir=paths.backups, now=datetime.now())


def test_backup_of_a_missing_database_is_refused(paths: StorePaths) -> None:
    with pytest.raises(FileNotFoundError):
        write_backup(paths.db, paths.backups / "out.db")
    assert not (paths.backups / "out.db").exists()


def test_shuffled_input_order_does_not_matter() -> None:
    backups = [info(day) for day in range(14)]
    shuffled = backups[:]
    random.Random(3).shuffle(shuffled)
    assert backups_to_delete(shuffled) == backups_to_delete(backups)
