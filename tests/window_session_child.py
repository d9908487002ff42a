"""Child process for the file-mode test: the real app, one set logged with the keys, then closed.

Run as `python -m tests.window_session_child DATA_DIR`. The umask is the common desktop 022, so
any file Cramproof leaves to the umask comes out readable by others.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app import main
from desktop.domain.gym.workout import Prompt
from desktop.ui.shell.main_window import MainWindow

KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Space, Qt.Key.Key_Return)  # start, done, save as shown


def drive(app: QApplication, timer: QTimer, keys: list[Qt.Key]) -> None:
    """Once gym mode is up, press one key per tick; then close the window like the runner."""
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows or windows[0].gym.view is None:
        return
    view = windows[0].gym.view
    if view.session.prompt is Prompt.START_LOAD:  # a first heavy session: loads to the form
        QTest.keyClick(view.focusWidget() or view, Qt.Key.Key_Escape)
        return
    if keys:
        QTest.keyClick(view.focusWidget() or view, keys.pop(0))
        return
    timer.stop()
    print(json.dumps(modes(Path(sys.argv[1]))), flush=True)  # -wal and -shm exist only now
    windows[0].close()


def modes(folder: Path) -> dict[str, int]:
    """Every file and folder under `folder` and its permission bits."""
    return {
        str(path.relative_to(folder)): path.stat().st_mode & 0o777 for path in folder.rglob("*")
    }


if __name__ == "__main__":
    os.umask(0o022)
    app = QApplication(sys.argv[:1])
    timer = QTimer(interval=200)
    pending = list(KEYS)
    timer.timeout.connect(lambda: drive(app, timer, pending))
    timer.start()
    sys.exit(main(["--data-dir", sys.argv[1], "gym"]))
