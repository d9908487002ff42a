"""A folder the runner may not read (chmod 000) is one "unreadable" line and exit 1, never an
empty import that exits 0: given to `cramproof runs import`, inside a folder given to it, and in
the window's import summary. Run without the capability that lets root read anything."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.athletes import create_athlete
from db.store import open_store
from tests.conftest import REPO_ROOT, child_env, cramproof_command
from tests.runs.fit_builder import Leg, fit_bytes
from tests.system_needs import require_tool
from tests.test_export import NOW

CLOSED = "unreadable: no permission to read this folder"


def _unprivileged(command: list[str]) -> subprocess.CompletedProcess[str]:
    """`command` as a runner without root's power to read any folder."""
    if os.geteuid() == 0:
        setpriv = require_tool("setpriv", "util-linux")
        drop = ["--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]
        command = [setpriv, *drop, *command]
    return subprocess.run(
        command, capture_output=True, text=True, cwd=REPO_ROOT, env=child_env(), timeout=120
    )


@pytest.fixture
def closed(tmp_path: Path, data_dir: Path) -> Iterator[Path]:
    """A watch's folder with one run, a closed run and subfolder, a closed folder beside it."""
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        create_athlete(store, "Ana", created_at=NOW)
    folder = tmp_path / "watch"
    (folder / "private").mkdir(parents=True)
    (folder / "private" / "hidden.fit").write_bytes(fit_bytes([Leg("running", 600)]))
    (folder / "run.fit").write_bytes(fit_bytes([Leg("running", 900)]))
    (folder / "locked.fit").write_bytes(fit_bytes([Leg("running", 600)]))
    (tmp_path / "closed").mkdir()
    for path in (folder / "private", tmp_path / "closed", folder / "locked.fit"):
        path.chmod(0)
    yield tmp_path
    for path in (folder / "private", tmp_path / "closed", folder / "locked.fit"):
        path.chmod(0o700)  # so the test's folder can be removed


def test_a_closed_folder_is_one_unreadable_line_and_exit_1(closed: Path, data_dir: Path) -> None:
    alone = _unprivileged(
        cramproof_command("--data-dir", str(data_dir), "runs", "import", str(closed / "closed"))
    )
    assert (alone.returncode, alone.stdout) == (1, f"{closed / 'closed'}: {CLOSED}\n")
    assert alone.stderr == ""

    inside = _unprivileged(
        cramproof_command("--data-dir", str(data_dir), "runs", "import", str(closed / "watch"))
    )
    assert inside.returncode == 1, inside.stderr
    assert inside.stdout.splitlines() == [
        f"{closed / 'watch' / 'locked.fit'}: unreadable: no permission to read this file",
        f"{closed / 'watch' / 'private'}: {CLOSED}",
        f"{closed / 'watch' / 'run.fit'}: imported a 2.7 km run of 2027-03-14",
    ]


SUMMARY = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from desktop.runs.importing.batch import import_batch
result = import_batch(Path(sys.argv[1]), athlete_id=1, paths=[Path(sys.argv[2])],
                      now=datetime.now(UTC))
print(result.summary())
"""


def test_the_window_s_import_names_the_closed_folder(closed: Path, data_dir: Path) -> None:
    database, folder = data_dir / "cramproof.db", closed / "watch"
    result = _unprivileged([sys.executable, "-c", SUMMARY, str(database), str(folder)])
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "1 run imported, 2 unreadable: private — no permission to read this folder; "
        "locked.fit — no permission to read this file.\n"
    )
