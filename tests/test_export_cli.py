"""`cramproof export`: the last athlete by default, one-line refusals, nothing created on error."""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from db.migrations import MIGRATIONS
from db.store import open_store
from desktop.cli import export as cli_export
from desktop.cli import main as cli
from desktop.runtime.paths import AppPaths
from tests.conftest import child_env, cramproof_command
from tests.test_export import NOW, log_history


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    """A data folder whose log holds Ana's sessions; the store is closed again."""
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        log_history(store)
    return AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")


def command(*args: str) -> argparse.Namespace:
    return cli.parse(["export", *args])


def test_command_exports_the_last_athlete(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ana.json"
    assert cli_export.run(command("--format", "json", "--out", str(out)), paths) == 0
    assert "Exported 3 sessions, 12 sets of Ana" in capsys.readouterr().out
    assert json.loads(out.read_text())["athlete"] == "Ana"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "csv", "--athlete", "Bo"), "no athlete called 'Bo' (athletes: 'Ana')"),
        (("--format", "json"), "is a folder"),
    ],
)
def test_command_refuses_in_one_line(
    paths: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    assert cli_export.run(command(*args, "--out", str(tmp_path)), paths) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err and captured.err.count("\n") == 1


def test_command_without_a_log_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = AppPaths(data_dir=tmp_path / "none", log_dir=tmp_path / "none" / "logs")
    assert cli_export.run(command("--format", "csv", "--out", str(tmp_path / "x")), nowhere) == 1
    assert "no training log" in capsys.readouterr().err
    assert not (tmp_path / "none").exists() and not (tmp_path / "x").exists()


def test_command_rejects_an_unknown_format_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        command("--format", "xlsx", "--out", "x")
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_the_installed_command_line_exports(paths: AppPaths, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = subprocess.run(
        cramproof_command(
            "--data-dir", str(paths.data_dir), "export", "--format", "csv", "--out", str(out)
        ),
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("Exported 3 sessions, 12 sets of Ana: ")
    assert sorted(p.name for p in out.iterdir()) == [
        "cramp_reports.csv",
        "run_splits.csv",
        "runs.csv",
        "sessions.csv",
        "sets.csv",
    ]


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under `folder` with a digest of its bytes.

    SQLite's shared-memory index and an empty write-ahead log, which any reader of a WAL log
    may leave behind, are not writes to the log and are left out.
    """
    wal = folder / "cramproof.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0, "nothing was written to the log"
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in ("cramproof.db-shm", "cramproof.db-wal")
    }


def test_export_reads_a_copy_and_never_writes_the_data_folder(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No daily backup, migration or -wal of its own: a window may have this log open."""
    before = folder_state(paths.data_dir)
    out = tmp_path / "ana.json"
    assert cli_export.run(command("--format", "json", "--out", str(out)), paths) == 0
    assert json.loads(out.read_text())["athlete"] == "Ana"
    assert folder_state(paths.data_dir) == before
    assert "Exported 3 sessions" in capsys.readouterr().out


def test_a_log_from_a_newer_cramproof_is_refused_in_one_line(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(paths.database) as connection:
        connection.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATIONS.name, "9999_from_the_future", NOW.isoformat()],
        )
    connection.close()
    before = folder_state(paths.data_dir)
    out = tmp_path / "ana.json"
    assert cli_export.run(command("--format", "json", "--out", str(out)), paths) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "newer version of Cramproof" in captured.err
    assert folder_state(paths.data_dir) == before and not out.exists()


def test_a_damaged_log_is_refused_in_one_line_and_left_where_it_is(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.database.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    before = folder_state(paths.data_dir)
    assert cli_export.run(command("--format", "csv", "--out", str(tmp_path / "t")), paths) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("cramproof export: error: cannot export ")
    assert folder_state(paths.data_dir) == before
