"""Every command pointed at another program's SQLite file as its training log.

The file is not ours, and neither is its folder: each command refuses in one line that names the
path the runner gave (once), exit 1, writes no output file and leaves the folder exactly as it
was, down to its entries' times. Real processes, as a runner or a script starts them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db.backup import write_backup
from db.store import open_store
from tests.db.helpers import NOW
from tests.foreign_folder import folder_state, foreign_folder
from tests.hostile_support import one_clean_line, run_cli

FOREIGN = "another program's database"


@pytest.fixture(params=["delete", "wal"], ids=["rollback-journal", "wal"])
def theirs(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """Another program's folder: its SQLite file (with a table named like one of ours), closed
    cleanly (in WAL mode, as browsers and many apps keep theirs), and a note of its own."""
    return foreign_folder(tmp_path / "theirs", request.param)


def _refused(data: Path, *args: str | Path) -> str:
    """Run the command on the foreign folder; its one line, after checking the folder."""
    before = folder_state(data)
    line = one_clean_line(run_cli("--data-dir", data, *args))
    assert folder_state(data) == before
    assert FOREIGN in line, line
    assert line.count(str(data / "cramproof.db")) == 1, line
    return line


@pytest.mark.parametrize("fmt", ["json", "csv", "strong", "ics"])
def test_export_names_the_runners_file_not_a_temporary_copy(
    theirs: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "out" / f"export.{fmt}"
    line = _refused(theirs, "export", "--format", fmt, "--out", out)
    assert "cramproof-export-" not in line
    assert not (tmp_path / "out").exists()


def test_backup_refuses_a_file_that_is_not_a_cramproof_log(theirs: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.db"
    _refused(theirs, "backup", "--out", out)
    assert not out.exists()


def test_check_names_the_file_once(theirs: Path) -> None:
    _refused(theirs, "check")


def _good_backup(tmp_path: Path) -> Path:
    """A real Cramproof backup, kept outside the foreign folder."""
    ours = tmp_path / "ours"
    ours.mkdir()
    with open_store(ours / "cramproof.db", backups_dir=ours / "backups", now=NOW):
        pass
    return write_backup(ours / "cramproof.db", tmp_path / "good-backup.db")


@pytest.mark.parametrize("which", ["file", "latest"])
def test_restore_into_another_programs_file_is_refused_before_taking_the_lock(
    theirs: Path, tmp_path: Path, which: str
) -> None:
    backup = _good_backup(tmp_path)
    _refused(theirs, "restore", str(backup) if which == "file" else "latest")


def test_listing_backups_leaves_the_folder_as_it_was(theirs: Path) -> None:
    before = folder_state(theirs)
    result = run_cli("--data-dir", theirs, "restore")
    assert result.returncode == 0, result.stderr
    assert folder_state(theirs) == before


@pytest.mark.parametrize("action", [["list"], ["import", "run.fit"]], ids=["list", "import"])
def test_runs_refuse_without_trying_the_folder_for_writing(theirs: Path, action: list[str]) -> None:
    _refused(theirs, "runs", *action)


@pytest.mark.parametrize("command", [[], ["gym"]], ids=["window", "gym"])
def test_the_window_without_a_display_says_only_whose_file_it_is(
    theirs: Path, command: list[str]
) -> None:
    """With no display the problem box cannot be shown: the one line is all, with nothing
    created beside the file (the window on a display: tests/journeys/test_foreign_log_journey)."""
    _refused(theirs, *command)
