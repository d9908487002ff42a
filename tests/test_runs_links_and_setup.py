"""Two small things a runner meets: a symbolic link among the runs is told of in the same words
by `cramproof runs import` and by the watched folder (once, when it appears), and an import into
a log with no runner yet says where the plan is set up (the window: the CLI has no setup)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.athletes import create_athlete
from db.store import open_store
from desktop.runs.importing.batch import import_batch
from tests.runs.fit_builder import Leg, fit_bytes
from tests.test_export import NOW
from tests.test_runs_cli import _cramproof

LINK = "skipped: a symbolic link, not followed (import what it points to)"


def _folder_with_a_link(tmp_path: Path) -> Path:
    (tmp_path / "elsewhere.fit").write_bytes(fit_bytes([Leg("running", 600)]))
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "run.fit").write_bytes(fit_bytes([Leg("running", 900)]))
    (folder / "linked.fit").symlink_to(tmp_path / "elsewhere.fit")
    return folder


def test_a_link_is_reported_alike_by_the_command_and_the_watched_folder_once(
    tmp_path: Path, data_dir: Path
) -> None:
    folder = _folder_with_a_link(tmp_path)
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        create_athlete(store, "Ana", created_at=NOW)
    result = _cramproof(data_dir, "runs", "import", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"{folder / 'linked.fit'}: {LINK}"

    before = datetime.now(UTC) - timedelta(minutes=1)
    first = import_batch(
        data_dir / "cramproof.db", athlete_id=1, paths=[folder], now=NOW, changed_since=before
    )
    assert (first.outcomes[0].path.name, first.outcomes[0].line) == ("linked.fit", LINK)
    assert first.summary() == "0 runs imported, 1 already there, 1 file skipped (not runs)."
    later = datetime.now(UTC) + timedelta(seconds=5)
    again = import_batch(
        data_dir / "cramproof.db", athlete_id=1, paths=[folder], now=NOW, changed_since=later
    )
    assert again.outcomes == []  # told once, when it appeared


def test_an_import_before_any_plan_says_to_open_the_window(tmp_path: Path, data_dir: Path) -> None:
    folder = _folder_with_a_link(tmp_path)
    result = _cramproof(data_dir, "runs", "import", str(folder))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "cramproof runs: error: the training log has no athlete yet: "
        "open Cramproof's window to set up the plan\n"
    )
