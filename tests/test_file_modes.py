"""Every file Cramproof creates in the data folder is the user's only (0600), as the README says.

A real session under the common 022 umask: the app started as `cramproof gym`, one set logged with
the keys, the window closed; then a manual backup. Modes are read while the log is open (the -wal
and -shm files exist only then) and after everything has closed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import child_env, cramproof_command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _modes(folder: Path) -> dict[str, int]:
    return {
        str(path.relative_to(folder)): path.stat().st_mode & 0o777 for path in folder.rglob("*")
    }


def _not_private(modes: dict[str, int], folder: Path) -> dict[str, str]:
    wanted = {name: 0o700 if (folder / name).is_dir() else 0o600 for name in modes}
    return {name: oct(mode) for name, mode in modes.items() if mode != wanted[name]}


def test_a_real_session_leaves_only_private_files(data_dir: Path) -> None:
    session = subprocess.run(
        [sys.executable, "-m", "tests.window_session_child", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(),
    )
    assert session.returncode == 0, session.stderr
    while_open = json.loads(session.stdout.strip().splitlines()[-1])
    with sqlite3.connect(data_dir / "cramproof.db") as db:
        assert db.execute("SELECT COUNT(*) FROM sets").fetchone() == (1,), "one set logged"
    assert {"cramproof.db-wal", "cramproof.db-shm", "cramproof.lock"} <= set(while_open)

    backup = subprocess.run(
        cramproof_command(
            "--data-dir",
            str(data_dir),
            "backup",
            "--out",
            str(data_dir / "backups" / "cramproof-20270101-000000-manual.db"),
        ),
        capture_output=True,
        text=True,
        env=child_env(),
        preexec_fn=lambda: os.umask(0o022),
    )
    assert backup.returncode == 0, backup.stderr
    after = _modes(data_dir)
    expected = {"cramproof.db", "cramproof.lock", "window.ini", "logs/cramproof.log"}
    assert expected <= set(after) and any(name.startswith("backups/") for name in after)
    assert _not_private(while_open, data_dir) == {}, "files readable by others during the session"
    assert _not_private(after, data_dir) == {}, "files readable by others after the session"


def test_an_older_0644_file_of_ours_is_made_private_and_a_link_is_left_alone(
    tmp_path: Path,
) -> None:
    from desktop.runtime.private_files import ensure_private_file

    older = tmp_path / "window.ini"
    older.write_text("[sound]\nvolume=0.5\n", encoding="utf-8")
    older.chmod(0o644)
    ensure_private_file(older)
    assert older.stat().st_mode & 0o777 == 0o600
    assert older.read_text(encoding="utf-8") == "[sound]\nvolume=0.5\n"
    target = tmp_path / "elsewhere.txt"
    target.write_text("not ours", encoding="utf-8")
    target.chmod(0o644)
    (tmp_path / "link.ini").symlink_to(target)
    ensure_private_file(tmp_path / "link.ini")
    assert target.stat().st_mode & 0o777 == 0o644
