"""The cycle collector waits while the window starts and runs again once the log is on screen,
whatever way start-up ends: opened, closed before the log was, or refused."""

from __future__ import annotations

import gc
import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import StartedWindow, start_window
from desktop.runtime import start_up_gc
from desktop.runtime.paths import AppPaths


def _paths(data_dir: Path) -> AppPaths:
    return AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")


def test_paused_from_the_first_frame_to_the_log_on_screen(
    qtbot: QtBot, data_dir: Path, started: list[StartedWindow]
) -> None:
    collecting_when_shown: list[bool] = []

    class AtLogOnScreen(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage().startswith("Main window shown"):
                collecting_when_shown.append(gc.isenabled())

    listener = AtLogOnScreen()
    logging.getLogger("desktop.log_opener").addHandler(listener)
    try:
        shown = start_window(_paths(data_dir))
        assert isinstance(shown, StartedWindow)
        started.append(shown)
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: shown.opened)
    finally:
        logging.getLogger("desktop.log_opener").removeHandler(listener)
    assert collecting_when_shown == [False]
    assert gc.isenabled()


def test_collecting_again_when_the_window_closes_before_the_log_opens(
    qtbot: QtBot, data_dir: Path
) -> None:
    shown = start_window(_paths(data_dir))
    assert isinstance(shown, StartedWindow)
    shown.window.close()
    shown.shut_down()
    assert gc.isenabled()


def test_collecting_again_when_the_window_is_refused(qtbot: QtBot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "cramproof.lock").mkdir()  # a folder where the lock file goes: refused
    assert start_window(_paths(data_dir)) == 1
    assert gc.isenabled()


@pytest.mark.parametrize("already_paused", [True, False])
def test_a_collector_someone_else_stopped_stays_stopped(already_paused: bool) -> None:
    if already_paused:
        gc.disable()
    try:
        start_up_gc.pause()
        assert not gc.isenabled()
        start_up_gc.resume()
        assert gc.isenabled() is not already_paused
    finally:
        gc.enable()
