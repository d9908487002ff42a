"""Opening the store: damage moved aside with its bytes intact, clear errors, daily backups."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from db.backup import list_backups, write_backup
from db.errors import CorruptDatabase, NotADatabase, StoreUnwritable
from db.integrity import check_database
from db.store import has_data, open_store
from tests.db.helpers import (
    NOW,
    PNG_BYTES,
    StorePaths,
    child_script,
    healthy_database,
    overwrite_pages,
    populate,
    run_without_root_overrides,
    sha256,
    truncate_half,
)


def test_missing_database_is_created_and_migrated(paths: StorePaths) -> None:
    with open_store(paths.db, backups_dir=paths.backups, now=NOW) as store:
        assert store.path == paths.db
        assert "sets" in store.db.table_names()
        assert not has_data(store.db)
        assert store.notices == ()
    assert check_database(paths.db).ok


def _write_png(path: Path) -> None:
    path.write_bytes(PNG_BYTES)


def _write_text(path: Path) -> None:
    path.write_text("Saturday: 32 km long run, calves tight at 28 km\n" * 30)


DAMAGE: list[tuple[str, Callable[[Path], None], type[Exception]]] = [
    ("garbage", overwrite_pages, CorruptDatabase),
    ("truncated", truncate_half, CorruptDatabase),
    ("png", _write_png, NotADatabase),
    ("text", _write_text, NotADatabase),
]


@pytest.mark.parametrize(
    ("damage", "expected"), [(d, e) for _, d, e in DAMAGE], ids=[i for i, _, _ in DAMAGE]
)
def test_damaged_database_is_moved_aside_with_its_bytes(
    paths: StorePaths, damage: Callable[[Path], None], expected: type[Exception]
) -> None:
    healthy_database(paths.db)
    older = write_backup(paths.db, paths.backups / "cramproof-20250201-060000.db")
    newer = write_backup(paths.db, paths.backups / "cramproof-20250220-060000-pre-migration.db")
    broken = write_backup(paths.db, paths.backups / "cramproof-20250228-060000.db")
    overwrite_pages(broken)
    damage(paths.db)
    original = sha256(paths.db)

    with pytest.raises(expected) as raised:
        open_store(paths.db, backups_dir=paths.backups, now=NOW)

    error = raised.value
    assert isinstance(error, CorruptDatabase | NotADatabase)
    assert error.moved_to == paths.db.with_name("cramproof.db.corrupt-20250301-073000")
    assert sha256(error.moved_to) == original
    assert not paths.db.exists()
    assert [info.path for info in error.backups] == [newer, older]
    assert str(error.moved_to) in error.message
    assert "restore the newest backup" in error.message


def test_after_moving_damage_aside_a_fresh_store_opens(paths: StorePaths) -> None:
    paths.db.parent.mkdir(parents=True)
    _write_text(paths.db)
    with pytest.raises(NotADatabase) as raised:
        open_store(paths.db, backups_dir=paths.backups, now=NOW)
    assert raised.value.backups == []
    assert "no backup" in raised.value.message
    with open_store(paths.db, backups_dir=paths.backups, now=NOW) as store:
        assert not has_data(store.db)
    assert raised.value.moved_to is not None and raised.value.moved_to.exists()


def test_naive_time_is_refused_before_anything_happens(paths: StorePaths) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        open_store(paths.db, backups_dir=paths.backups, now=NOW.replace(tzinfo=None))
    assert not paths.db.exists()


def _open_on(day: int, paths: StorePaths, *, hours: int = 0) -> None:
    open_store(
        paths.db, backups_dir=paths.backups, now=NOW + timedelta(days=day, hours=hours)
    ).close()


@pytest.fixture
def utc_local_time() -> Iterator[None]:
    """Backups are daily by the local calendar; pin it so the test means the same everywhere."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        yield
    finally:
        if previous is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = previous
        time.tzset()


def test_one_backup_a_day_and_only_when_something_changed(
    paths: StorePaths, utc_local_time: None
) -> None:
    with open_store(paths.db, backups_dir=paths.backups, now=NOW) as store:
        session_id = populate(store, sets=2)
    _open_on(1, paths)
    assert len(list_backups(paths.backups)) == 1
    with open_store(paths.db, backups_dir=paths.backups, now=NOW + timedelta(days=1)) as store:
        populate(store, name="Cy", sets=1)
    _open_on(1, paths, hours=3)
    assert len(list_backups(paths.backups)) == 1, "a second backup on the same day"
    _open_on(2, paths)
    assert len(list_backups(paths.backups)) == 2
    _open_on(3, paths)
    assert len(list_backups(paths.backups)) == 2, "a backup although nothing changed"
    with open_store(paths.db, backups_dir=paths.backups, now=NOW + timedelta(days=3)) as store:
        store.db.execute("UPDATE sets SET reps = 4 WHERE session_id = ?", [session_id])
    _open_on(4, paths)
    assert len(list_backups(paths.backups)) == 3, "an edit without new rows went unnoticed"


def test_backups_are_thinned_to_the_newest_ten(paths: StorePaths, utc_local_time: None) -> None:
    healthy_database(paths.db, sets=2)
    for day in range(1, 13):
        write_backup(paths.db, paths.backups / f"cramproof-202501{day:02d}-060000.db")
    with open_store(paths.db, backups_dir=paths.backups, now=NOW) as store:
        populate(store, name="Cy", sets=1)
    _open_on(1, paths)
    names = [info.path.name for info in list_backups(paths.backups)]
    assert len(names) == 10
    assert names[0] == "cramproof-20250302-073000.db"
    assert names[-1] == "cramproof-20250104-060000.db"


def test_a_failed_daily_backup_is_a_notice_not_a_failure(paths: StorePaths) -> None:
    with open_store(paths.db, backups_dir=paths.backups, now=NOW) as store:
        populate(store)
    shutil.rmtree(paths.backups, ignore_errors=True)
    paths.backups.write_text("a file where the backups folder should be")
    with open_store(paths.db, backups_dir=paths.backups, now=NOW + timedelta(days=1)) as store:
        assert store.db.table("sets").count == 3
        assert len(store.notices) == 1 and "backup" in store.notices[0]


@pytest.fixture
def restore_modes(paths: StorePaths) -> Iterator[None]:
    """Whatever a test locks down is unlocked again, so that tmp_path can be cleaned up."""
    yield
    for path in [paths.db.parent, *paths.db.parent.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o700 if path.is_dir() else 0o600)


def _lock_folder(paths: StorePaths) -> None:
    paths.db.parent.chmod(0o500)


def _lock_file(paths: StorePaths) -> None:
    paths.db.chmod(0o400)


def _hide_file(paths: StorePaths) -> None:
    paths.db.chmod(0o000)


@pytest.mark.parametrize(
    ("lock", "words"),
    [(_lock_folder, "not writable"), (_lock_file, "read-only"), (_hide_file, "not yours")],
    ids=["read-only folder", "read-only file", "unreadable file"],
)
def test_unwritable_data_is_a_clear_error_and_nothing_is_lost(
    paths: StorePaths, restore_modes: None, lock: Callable[[StorePaths], None], words: str
) -> None:
    healthy_database(paths.db)
    before = sha256(paths.db)
    listing = sorted(p.name for p in paths.db.parent.iterdir())
    lock(paths)
    result = run_without_root_overrides(child_script("child_open_store.py"), str(paths.db.parent))
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    paths.db.parent.chmod(0o700)
    paths.db.chmod(0o600)
    assert outcome["error"] == StoreUnwritable.__name__
    assert words in outcome["message"]
    assert sha256(paths.db) == before
    assert sorted(p.name for p in paths.db.parent.iterdir()) == listing


def test_a_folder_in_place_of_the_database_is_left_alone(paths: StorePaths) -> None:
    paths.db.mkdir(parents=True)
    (paths.db / "keep.txt").write_text("mine")
    with pytest.raises(StoreUnwritable) as raised:
        open_store(paths.db, backups_dir=paths.backups, now=NOW)
    assert "cannot read" in raised.value.message
    assert (paths.db / "keep.txt").read_text() == "mine"
