"""The raise server on a plain Unix socket: private, found by any Cramproof's second launch,
and gone when the window closes (it replaced QtNetwork's QLocalServer to start faster)."""

from __future__ import annotations

import socket
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from desktop.ui.shell.single_instance import RaiseServer, ask_running_instance_to_raise, server_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps QLocalServer")


def test_a_second_launch_finds_the_server_and_asks_for_gym_mode(
    qtbot: QtBot, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    path = Path(QDir.tempPath(), server_name(data_dir))
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))  # what a killed window leaves behind
    crashed.close()
    server = RaiseServer(data_dir)
    try:
        assert stat.S_ISSOCK(path.stat().st_mode)
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, "other users cannot connect"
        with (
            qtbot.waitSignal(server.raise_requested, timeout=5_000),
            qtbot.waitSignal(server.gym_requested, timeout=5_000) as gym,
        ):
            assert ask_running_instance_to_raise(data_dir, gym_kind="heavy")
        assert gym.args == ["heavy"]
        with qtbot.waitSignal(server.raise_requested, timeout=5_000):
            assert ask_running_instance_to_raise(data_dir)
    finally:
        server.close()
    assert not path.exists()
    assert not ask_running_instance_to_raise(data_dir, timeout_ms=200)
