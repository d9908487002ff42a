"""A crash on the summary keeps the note typed so far.

A real `cramproof gym` process logs a set, ends the session (E, Enter), Tab to the note, types it,
and is killed with SIGKILL. After the restart the runner resumes and finds the summary with the
note as typed: the session keeps it as a draft a moment after each key.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.sessions import get_session
from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.gym.open_session import open_gym
from tests.conftest import REPO_ROOT, child_env
from tests.fake_clock import FakeClock
from tests.gym_support import open_log
from tests.ui.gym_ui import leave_start_loads, no_bus_screen

NOTE = "Left calf twinge on set 2"


def killed_after_typing(data_dir: Path) -> int:
    """Run the child until the note is typed, SIGKILL it; its session id."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.note_draft_child", str(data_dir), NOTE],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(PYTHONPATH=str(REPO_ROOT)),
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        errors = child.stderr.read() if child.stderr else ""
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()
    assert line.startswith("typed "), f"child failed: {line!r} {errors}"
    assert child.returncode == -signal.SIGKILL
    return int(line.split()[1])


def test_the_note_typed_on_the_summary_survives_a_kill(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    session_id = killed_after_typing(data_dir)
    store = open_log(data_dir, now=datetime.now(UTC))
    try:
        assert get_session(store, session_id).state == "in_progress"
        asked: list[str] = []
        view = open_gym(
            store,
            player=CuePlayer(muted=True),
            screen=no_bus_screen(tmp_path),
            ask_resume=lambda text: asked.append(text) is None,
        )
        qtbot.addWidget(view)
        assert len(asked) == 1, "the killed session is offered"
        assert view.session.session_id == session_id
        assert view.session.stage is Stage.SUMMARY
        assert view.pages.currentWidget() is view.summary
        assert view.summary.notes.toPlainText() == NOTE
        view.resize(1366, 768)
        view.show()
        qtbot.waitExposed(view)
        view.grab().save(str(tmp_path / "resumed.png"))
        view.shut_down()
    finally:
        store.close()


def test_a_note_typed_just_before_gym_mode_closes_is_kept(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """Typed and the window closed at once, inside the draft's moment: shutting down keeps it."""
    view = open_gym(
        store, clock=clock, player=CuePlayer(muted=True), screen=no_bus_screen(tmp_path)
    )
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    leave_start_loads(qtbot, view)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_E):
        qtbot.keyClick(view.focusWidget() or view, key)
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_Return)
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_Tab)
    assert view.focusWidget() is view.summary.notes
    qtbot.keyClicks(view.summary.notes, NOTE)
    view.shut_down()  # what leaving gym mode and closing the window do
    assert get_session(store, view.session.session_id).notes == NOTE
