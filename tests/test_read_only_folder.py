"""A log in a folder nobody may write to (a read-only mount as root, a 0555 folder as an ordinary
user) can still be checked, backed up and exported, and the window opens it read-only and says
so. SQLite refuses to read a WAL log there (it cannot make the shared-memory file), so these
open it as immutable when no write-ahead log is left."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from db.athletes import create_athlete, list_athletes
from db.errors import StoreUnwritable
from desktop.runtime.paths import AppPaths
from desktop.runtime.startup import Choice, StoreProblem, open_or_recover
from tests.db.helpers import NOW
from tests.hostile_support import make_log_as, run_cli, unmount, user_folder

__all__ = ["user_folder"]


@dataclass(frozen=True)
class ReadOnly:
    data: Path  # the read-only data folder, holding a log with Ana
    out: Path  # a folder the same user may write to
    as_nobody: bool


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[ReadOnly]:
    if os.geteuid() != 0:
        pytest.skip("mounting needs root (CI runs as root; the 0555 case runs here)")
    mount = tmp_path / "ro"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    try:
        make_log_as(mount, as_nobody=False)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield ReadOnly(data=mount, out=tmp_path, as_nobody=False)
    finally:
        unmount(mount)


@pytest.fixture
def read_only_folder(user_folder: Path) -> Iterator[ReadOnly]:
    data = user_folder / "data"
    data.mkdir()
    if os.geteuid() == 0:
        os.chown(data, 65534, 65534)
    make_log_as(data, as_nobody=True)
    data.chmod(0o555)
    yield ReadOnly(data=data, out=user_folder, as_nobody=True)
    data.chmod(0o755)


@pytest.fixture(params=["read-only-mount", "0555-folder-as-a-user"])
def read_only(request: pytest.FixtureRequest) -> ReadOnly:
    name = "read_only_mount" if request.param == "read-only-mount" else "read_only_folder"
    return request.getfixturevalue(name)


def test_check_backup_and_export_work(read_only: ReadOnly) -> None:
    before = sorted(p.name for p in read_only.data.iterdir())
    check = run_cli("--data-dir", read_only.data, "check", as_nobody=read_only.as_nobody)
    assert check.returncode == 0 and check.stdout.endswith(": ok\n"), check.stderr
    copy = read_only.out / "copy.db"
    backup = run_cli(
        "--data-dir", read_only.data, "backup", "--out", copy, as_nobody=read_only.as_nobody
    )
    assert backup.returncode == 0, backup.stderr
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name FROM athletes").fetchall() == [("Ana",)]
    exported = read_only.out / "ana.json"
    export = run_cli(
        "--data-dir",
        read_only.data,
        "export",
        "--format",
        "json",
        "--out",
        exported,
        as_nobody=read_only.as_nobody,
    )
    assert export.returncode == 0, export.stderr
    assert json.loads(exported.read_text())["athlete"] == "Ana"
    assert sorted(p.name for p in read_only.data.iterdir()) == before


def _nobody_asked(problem: StoreProblem) -> Choice:
    raise AssertionError(f"a readable log must open, not ask: {problem.message}")


def test_the_window_opens_it_read_only_and_says_so(read_only_mount: ReadOnly) -> None:
    paths = AppPaths(data_dir=read_only_mount.data, log_dir=read_only_mount.out / "logs")
    store = open_or_recover(paths, now=lambda: NOW, ask=_nobody_asked)
    assert store is not None
    try:
        assert [a.name for a in list_athletes(store)] == ["Ana"]
        (notice,) = store.notices
        assert notice.startswith("Read-only:") and str(paths.data_dir) in notice
        with pytest.raises(StoreUnwritable):
            create_athlete(store, "Bo", created_at=NOW)
    finally:
        store.close()


def test_the_window_shows_the_read_only_notice(read_only_mount: ReadOnly, qtbot) -> None:
    """What the runner sees: the real window, opened by the app's own opener, says it."""
    from PySide6.QtWidgets import QApplication, QLabel

    from desktop.log_opener import LogOpener
    from desktop.ui.shell.main_window import MainWindow

    paths = AppPaths(data_dir=read_only_mount.data, log_dir=read_only_mount.out / "logs")
    window = MainWindow(paths=paths)
    qtbot.addWidget(window)
    window.show()
    opener = LogOpener(QApplication.instance(), window, paths, gym_kind=None)
    try:
        opener.open_once()
        qtbot.wait(50)
        assert window.statusBar().currentMessage().startswith("Read-only:")
        labels = [label.text() for label in window.statusBar().findChildren(QLabel)]
        assert "Read-only: changes are not saved" in labels
        window.grab().save(str(read_only_mount.out / "read-only-window.png"))
    finally:
        window.close_store()
        opener.close()


def test_restoring_into_a_read_only_log_is_refused_and_the_log_stays_open(
    read_only_mount: ReadOnly,
) -> None:
    from desktop.runtime.data_safety import restore_and_reopen

    paths = AppPaths(data_dir=read_only_mount.data, log_dir=read_only_mount.out / "logs")
    store = open_or_recover(paths, now=lambda: NOW, ask=_nobody_asked)
    assert store is not None
    backup = read_only_mount.out / "backup.db"
    assert run_cli("--data-dir", paths.data_dir, "backup", "--out", backup).returncode == 0
    reopened, problem = restore_and_reopen(store, backup, now=NOW)
    try:
        assert problem is not None and "read-only" in problem
        assert [a.name for a in list_athletes(reopened)] == ["Ana"]
    finally:
        reopened.close()
