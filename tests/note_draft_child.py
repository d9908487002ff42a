"""Child process for the note-draft crash test: the real app, a set logged, the session ended,
a note typed on the summary; then it waits to be killed.

Run as `python -m tests.note_draft_child DATA_DIR NOTE`. Prints `typed SESSION_ID` once the note
is typed and a second has passed (longer than the draft's debounce), or `failed WHY`.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop.app import main
from desktop.domain.gym.workout import Prompt
from desktop.ui.shell.main_window import MainWindow

# Start, done, save as shown; E, Enter: end the session; Tab: to the note.
KEYS: list[Qt.Key | str] = [
    Qt.Key.Key_Space,
    Qt.Key.Key_Space,
    Qt.Key.Key_Return,
    Qt.Key.Key_E,
    Qt.Key.Key_Return,
    Qt.Key.Key_Tab,
    "note",
    *["wait"] * 5,
]


def drive(app: QApplication, timer: QTimer, steps: list[Qt.Key | str], note: str) -> None:
    """Once gym mode is up, one step per tick, as the runner presses keys."""
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows or windows[0].gym.view is None:
        return
    view = windows[0].gym.view
    focus = app.focusWidget() or view
    if view.session.prompt is Prompt.START_LOAD:  # a first heavy session: loads to the form
        QTest.keyClick(focus, Qt.Key.Key_Escape)
        return
    if not steps:
        timer.stop()
        print(f"typed {view.session.session_id}", flush=True)
        return
    step = steps.pop(0)
    if step == "note":
        if not isinstance(focus, QPlainTextEdit):
            timer.stop()
            print(f"failed Tab reached {type(focus).__name__}, not the note", flush=True)
            return
        QTest.keyClicks(focus, note)
    elif isinstance(step, Qt.Key):
        QTest.keyClick(focus, step)


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    timer = QTimer(interval=200)
    pending = list(KEYS)
    timer.timeout.connect(lambda: drive(app, timer, pending, sys.argv[2]))
    timer.start()
    sys.exit(main(["--data-dir", sys.argv[1], "gym"]))
