"""In-process tests through the composition root: `desktop.app.main`, exactly as `cramproof`
runs it (arguments, data folder, logging, the instance lock, the log opened after the first
frame, the resume offer), instead of a window assembled by hand.

The one change: the event loop that `main` would hand to Qt runs the test's checks instead, once
the log is on screen, and then closes the window as a runner would. A hand-assembled window
skips the start-up steps where a screen can be shown behind another one; this does not.
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import app as composition_root
from desktop.ui.common.pyside_compat import FEATURE_MODULE
from desktop.ui.shell.main_window import MainWindow

Check = Callable[[MainWindow], None]


def shown_window() -> MainWindow | None:
    """The main window `main` showed, once its log is attached."""
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    shown = [w for w in windows if w.isVisible() and w.store is not None]
    return shown[0] if shown else None


@pytest.fixture
def run_cramproof(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., int]]:
    """`run_cramproof("gym", check=...)` runs `cramproof --data-dir DATA gym` in this process;
    `check(window)` runs once the log is attached and start-up's queued steps (the weekly
    check-in, the last screen) have run. Returns main's exit code."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    names = (app.applicationName(), app.applicationDisplayName(), app.organizationName())
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    root = logging.getLogger()
    root_handlers, root_level = list(root.handlers), root.level
    feature = sys.modules.get(FEATURE_MODULE)
    uses_pyside = getattr(feature, "_mod_uses_pyside", None)

    def run(*args: str, check: Check) -> int:
        def exec_the_checks(_app: QApplication) -> int:
            qtbot.waitUntil(lambda: shown_window() is not None, timeout=10_000)
            window = shown_window()
            assert window is not None
            qtbot.addWidget(window)
            for _ in range(5):  # start-up's single-shot steps come before the runner looks
                qtbot.wait(20)
            if QApplication.activeWindow() is None:  # as a desktop activates a started window
                window.activateWindow()
                qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
            try:
                check(window)
            finally:
                window.close()
            return 0

        monkeypatch.setattr(QApplication, "exec", exec_the_checks)
        return composition_root.main(["--data-dir", str(data_dir), *args])

    yield run
    app.setApplicationName(names[0])
    app.setApplicationDisplayName(names[1])
    app.setOrganizationName(names[2])
    for sig, handler in handlers.items():
        signal.signal(sig, handler)
    for handler in set(root.handlers) - set(root_handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(root_level)
    if feature is not None and uses_pyside is not None:
        feature._mod_uses_pyside = uses_pyside
