"""The display-free sub-commands, run as real processes against a real database file."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.store import open_store
from desktop import __version__
from tests.conftest import child_env, cramproof_command

NO_DISPLAY = {"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}


def run(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, **NO_DISPLAY, **(env_extra or {})}
    return subprocess.run(cramproof_command(*args), capture_output=True, text=True, env=env)


def make_log(data_dir: Path) -> Path:
    store = open_store(
        data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=datetime.now(UTC)
    )
    store.close()
    return data_dir / "cramproof.db"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"cramproof {__version__}"


def test_check_without_a_database_is_healthy(data_dir: Path) -> None:
    result = run("--data-dir", str(data_dir), "check")
    assert result.returncode == 0
    assert "nothing to check" in result.stdout
    assert not (data_dir / "cramproof.db").exists(), "check must not create a database"


def test_check_healthy_database(data_dir: Path) -> None:
    make_log(data_dir)
    result = run("--data-dir", str(data_dir), "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": ok" in result.stdout


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)), id="not-sqlite"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), id="cut"),
        pytest.param(
            lambda p: p.write_bytes(p.read_bytes()[:100] + b"\xff" * 5000 + p.read_bytes()[5100:]),
            id="garbage",
        ),
    ],
)
def test_check_reports_damage_and_leaves_the_file_alone(data_dir: Path, damage) -> None:
    db = make_log(data_dir)
    damage(db)
    before = digest(db)
    result = run("--data-dir", str(data_dir), "check")
    assert result.returncode == 1, result.stdout
    assert "PROBLEM" in result.stderr, "check reports its problems on stderr"
    assert len(result.stderr.splitlines()) == 1 and result.stdout == ""
    assert digest(db) == before


def test_check_via_environment_variable(data_dir: Path) -> None:
    make_log(data_dir)
    result = run("check", env_extra={"CRAMPROOF_DATA_DIR": str(data_dir)})
    assert result.returncode == 0
    assert str(data_dir / "cramproof.db") in result.stdout


def test_backup_writes_a_consistent_copy(data_dir: Path, tmp_path: Path) -> None:
    db = make_log(data_dir)
    with sqlite3.connect(db) as connection:
        connection.execute("INSERT INTO athletes (name, created_at) VALUES ('Ana', '2027-01-01')")
    out = tmp_path / "copy.db"
    result = run("--data-dir", str(data_dir), "backup", "--out", str(out))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(out) as copy:
        assert copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT name FROM athletes").fetchall() == [("Ana",)]


def test_backup_of_a_damaged_database_fails_cleanly(data_dir: Path, tmp_path: Path) -> None:
    db = make_log(data_dir)
    db.write_bytes(b"not a database at all")
    result = run("--data-dir", str(data_dir), "backup", "--out", str(tmp_path / "x.db"))
    assert result.returncode == 1
    assert result.stderr.startswith("cramproof: error:")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_restore_latest_brings_back_the_backup(data_dir: Path) -> None:
    db = make_log(data_dir)
    with sqlite3.connect(db) as connection:
        connection.execute("INSERT INTO athletes (name, created_at) VALUES ('Ana', '2027-01-01')")
    backup_dir = data_dir / "backups"
    backup_dir.mkdir(exist_ok=True)
    saved = run("--data-dir", str(data_dir), "backup", "--out", str(backup_dir / "mine.db"))
    assert saved.returncode == 0, saved.stderr
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM athletes")
    listed = run("--data-dir", str(data_dir), "restore")
    assert listed.returncode == 0
    restored = run("--data-dir", str(data_dir), "restore", str(backup_dir / "mine.db"))
    assert restored.returncode == 0, restored.stderr
    # Only the command's own line: the store's log records are not printed.
    assert restored.stderr == ""
    assert restored.stdout.splitlines() == [f"Restored {backup_dir / 'mine.db'} into {db}"]
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT name FROM athletes").fetchall() == [("Ana",)]


def test_unknown_subcommand_exits_2_with_one_line() -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


def test_backup_to_an_unwritable_place_fails_cleanly(data_dir: Path, tmp_path: Path) -> None:
    make_log(data_dir)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("--data-dir", str(data_dir), "backup", "--out", str(blocker / "copy.db"))
    assert result.returncode == 1
    assert result.stderr.startswith("cramproof: error:")
    assert "Traceback" not in result.stderr


def test_verbose_shows_the_log_records_one_line_each(data_dir: Path) -> None:
    db = make_log(data_dir)
    out = data_dir / "b.db"
    result = run("--data-dir", str(data_dir), "--verbose", "backup", "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert f"cramproof: INFO db.backup: Backed up {db} to {out}" in lines
    assert all(line.startswith("cramproof: ") for line in lines)


def test_restore_into_an_unusable_folder_fails_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    backup = tmp_path / "b.db"
    make_log(tmp_path / "source")
    saved = run("--data-dir", str(tmp_path / "source"), "backup", "--out", str(backup))
    assert saved.returncode == 0, saved.stderr
    result = run("--data-dir", str(blocker / "data"), "restore", str(backup))
    assert result.returncode == 1
    assert result.stderr.startswith("cramproof: error:")
    assert "Traceback" not in result.stderr


def test_backup_of_a_folder_with_no_log_says_so_in_words(data_dir: Path) -> None:
    """The reason, not the check's internal kind ("missing no database file yet")."""
    done = subprocess.run(
        cramproof_command("--data-dir", str(data_dir), "backup", "--out", str(data_dir / "x.db")),
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.strip().endswith("cramproof.db: no database file yet"), done.stderr
