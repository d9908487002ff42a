"""Child process for the termination test: SIGTERM lands while Python is using the open log.

Run as `python -m tests.signal_mid_query_child DATA_DIR`. Once the window holds its log, a slot
sends SIGTERM to this process and goes on querying; Python runs the handler between two of those
queries. A handler that quit there closed the window, and the log with it, under the running
code. The child prints "queries done" when every query ran.
"""

from __future__ import annotations

import os
import signal
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import main
from desktop.ui.shell.main_window import MainWindow


def query_through_a_sigterm(app: QApplication) -> None:
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    store = windows[0].store if windows else None
    if store is None:
        QTimer.singleShot(50, lambda: query_through_a_sigterm(app))
        return
    os.kill(os.getpid(), signal.SIGTERM)
    for _ in range(2_000):
        store.db.execute("SELECT count(*) FROM sets").fetchone()
    print("queries done", flush=True)


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(50, lambda: query_through_a_sigterm(app))
    sys.exit(main(["--data-dir", sys.argv[1]]))
