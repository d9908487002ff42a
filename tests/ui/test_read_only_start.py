"""Cramproof started as a runner starts it, on a data folder nobody may write to: the window opens
the log read-only and says so, whether a lock file was left there or not, and a second start on
the same folder raises the open window instead of opening another.

The folder is truly read-only: a read-only tmpfs mount as root (root writes through any mode
bits), a 0555 folder otherwise; as root the 0555 case runs the real program as nobody.
"""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow, start_window
from desktop.runtime.paths import AppPaths
from tests.hostile_support import (
    _AS_NOBODY,
    _PRELOAD,
    NOBODY,
    REPO,
    make_log_as,
    unmount,
    user_folder,
)
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.system_needs import unavailable

__all__ = ["user_folder"]

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS, "This plugin does not support raise")

SAYS_READ_ONLY = "Read-only: changes are not saved"

# The interpreter may live where nobody cannot read (root's home): the command line's child
# (tests.hostile_support) also imports, as root, what the window loads up to the log on screen.
_WINDOW_PRELOAD = (
    "fcntl desktop.log_opener desktop.ui.shell.main_window desktop.ui.plan.view PySide6.QtNetwork"
)
_WINDOW_AS_NOBODY = _AS_NOBODY.replace(repr(_PRELOAD), repr(f"{_PRELOAD} {_WINDOW_PRELOAD}"))


def _mount_read_only(folder: Path, *, with_lock: bool) -> None:
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        unavailable(f"a read-only folder needs a tmpfs mount, which was refused: {error}")
    make_log_as(folder, as_nobody=False)
    if with_lock:
        (folder / "cramproof.lock").write_text("", encoding="utf-8")
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


@pytest.fixture(params=[False, True], ids=["no-lock-file", "lock-file-left"])
def read_only_data(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """A folder holding a log with Ana that this process cannot write, however it runs."""
    with_lock: bool = request.param
    folder = tmp_path / "data"
    folder.mkdir()
    if os.geteuid() == 0:
        _mount_read_only(folder, with_lock=with_lock)
        try:
            yield folder
        finally:
            unmount(folder)
        return
    make_log_as(folder, as_nobody=False)
    if with_lock:
        (folder / "cramproof.lock").write_text("", encoding="utf-8")
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


def test_the_window_opens_a_read_only_folder_and_says_so(
    qtbot: QtBot, read_only_data: Path, started: list[StartedWindow], tmp_path: Path
) -> None:
    paths = AppPaths(data_dir=read_only_data, log_dir=read_only_data / "logs")
    before = sorted(p.name for p in read_only_data.iterdir())
    shown = start_window(paths)
    assert isinstance(shown, StartedWindow), f"the window was refused (exit {shown})"
    started.append(shown)
    qtbot.waitUntil(lambda: shown.opened, timeout=10_000)
    qtbot.waitUntil(lambda: shown.window.current_view() != "opening", timeout=5_000)
    window = shown.window
    assert window.isVisible()
    assert window.statusBar().currentMessage().startswith("Read-only:")
    labels = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert SAYS_READ_ONLY in labels
    window.grab().save(str(tmp_path / "read-only-start.png"))
    # F5 says so in a few words (it showed SQLite's "attempt to write a readonly database",
    # cut off under the read-only label).
    assert window.gym.open() is None
    assert window.statusBar().currentMessage() == "Read-only log: no session can be saved here."

    # A second start on the same folder: the open window answers, nothing new opens.
    assert start_window(paths) == 0, "the open window was asked to come to the front"
    assert sorted(p.name for p in read_only_data.iterdir()) == before, "nothing was written"


@pytest.fixture
def nobody_read_only(user_folder: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("runs the window as nobody, which needs root (the 0555 case above runs here)")
    data = user_folder / "data"
    data.mkdir()
    os.chown(data, NOBODY, NOBODY)
    make_log_as(data, as_nobody=True)
    data.chmod(0o555)
    yield data
    data.chmod(0o755)


def test_the_real_program_opens_a_folder_its_user_cannot_write(nobody_read_only: Path) -> None:
    """`cramproof --data-dir FOLDER` as an ordinary user (EACCES, not EROFS): the window stays
    open on the log read-only instead of exiting with "cannot use the data folder"."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CRAMPROOF_DATA_DIR", None)
    command = [sys.executable, "-c", _WINDOW_AS_NOBODY, "--data-dir", str(nobody_read_only)]
    child = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, cwd=REPO
    )
    assert child.stderr is not None
    said = b""
    try:
        with selectors.DefaultSelector() as waiting:
            waiting.register(child.stderr, selectors.EVENT_READ)
            deadline = time.monotonic() + 30
            while b"Store notice: Read-only:" not in said and b"Traceback" not in said:
                if time.monotonic() > deadline:
                    break
                if waiting.select(timeout=1):
                    chunk = os.read(child.stderr.fileno(), 4096)
                    if not chunk:
                        break
                    said += chunk
        assert b"Store notice: Read-only:" in said, said.decode(errors="replace")
        assert child.poll() is None, "the window is still open"
    finally:
        child.kill()
        child.wait()
        child.stderr.close()
