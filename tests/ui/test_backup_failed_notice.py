"""A daily backup that cannot be written (a disk nearly full, a backups folder that refuses
writes) is one short status-bar line that says only the backup failed and the log is fine.

It read "Today's backup could not be written (Cramproof cannot save its training log: database
or disk is full…", cut off by the window's edge: as if the log itself could not be saved.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.athletes import list_athletes
from desktop.app import StartedWindow, start_window
from desktop.runtime.paths import AppPaths
from tests.hostile_support import make_log_as, unmount
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.system_needs import unavailable

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)

FULL = "Today's backup was not written: the disk is full. Your training log is saved."
REFUSED = (
    "Today's backup was not written: the backups folder refused it. Your training log is saved."
)


def _mount(folder: Path, size: str) -> None:
    if os.geteuid() != 0:
        unavailable("a small or read-only file system for the data needs root to mount tmpfs")
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        unavailable(f"mounting a tmpfs was refused: {error}")


def _fill_leaving(folder: Path, room: int) -> None:
    """Fill the file system until it refuses, then give back `room` bytes: the log still
    opens (its -wal and -shm fit), a copy of it does not."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:  # ENOSPC: full
        pass
    finally:
        os.close(fd)
    os.truncate(filler, filler.stat().st_size - room)


@pytest.fixture
def nearly_full(tmp_path: Path) -> Iterator[Path]:
    """A data folder whose disk has room for the log's own files, not for a backup of it."""
    mount = tmp_path / "disk"
    mount.mkdir()
    _mount(mount, "2m")
    try:
        data = mount / "data"
        data.mkdir()
        make_log_as(data, as_nobody=False)
        _fill_leaving(mount, room=96 * 1024)
        yield data
    finally:
        unmount(mount)


@pytest.fixture
def refused(tmp_path: Path) -> Iterator[Path]:
    """A data folder whose backups folder refuses every write (a read-only mount as root)."""
    data = tmp_path / "data"
    data.mkdir()
    make_log_as(data, as_nobody=False)
    backups = data / "backups"
    backups.mkdir(exist_ok=True)
    if os.geteuid() != 0:
        backups.chmod(0o555)
        yield data
        backups.chmod(0o755)
        return
    _mount(backups, "1m")
    subprocess.run(["mount", "-o", "remount,ro", str(backups)], check=True)
    try:
        yield data
    finally:
        unmount(backups)


@pytest.mark.parametrize(("folder", "words"), [("nearly_full", FULL), ("refused", REFUSED)])
def test_a_failed_backup_is_one_short_line_that_the_log_is_saved(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    folder: str,
    words: str,
) -> None:
    data: Path = request.getfixturevalue(folder)
    started: list[StartedWindow] = request.getfixturevalue("started")  # closed before unmounting
    # The log file outside the disk under test: its handler outlives the window.
    shown = start_window(AppPaths(data_dir=data, log_dir=tmp_path / "logs"))
    assert isinstance(shown, StartedWindow), f"the window was refused (exit {shown})"
    started.append(shown)
    qtbot.waitUntil(lambda: shown.opened, timeout=10_000)
    window = shown.window
    assert window.store is not None and not window.store.read_only
    assert [a.name for a in list_athletes(window.store)] == ["Ana"], "the log is open"
    bar = window.statusBar()
    assert bar.currentMessage() == words
    assert bar.fontMetrics().horizontalAdvance(words) < bar.width(), "the whole line is seen"
    window.grab().save(str(tmp_path / f"{folder}.png"))
