"""File → Restore from backup says what the log would lose: the runners, sessions, sets and runs
added after the backup (a trial's restore took away a runner without a word)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from db.athletes import create_athlete, list_athletes
from db.backup import new_backup_path, write_backup
from db.exercises import ensure_exercise
from db.records import SetRecord
from db.sessions import log_set, start_session
from db.store import open_store
from desktop.runtime.data_safety import restore_loss_words
from desktop.runtime.paths import AppPaths
from desktop.ui.shell.main_window import MainWindow


def test_the_restore_question_names_what_came_after_the_backup(
    qtbot: QtBot, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    now = datetime.now(UTC)
    store = open_store(paths.database, backups_dir=paths.backups, now=now)
    create_athlete(store, "Ana")
    backup = write_backup(
        paths.database,
        new_backup_path(paths.backups, now=now - timedelta(hours=1), reason="manual"),
    )
    assert restore_loss_words(store, backup) == ""
    ben = create_athlete(store, "Ben").id
    session = start_session(
        store, athlete_id=ben, kind="heavy", planned_day_id=None, started_at=now
    )
    squat = ensure_exercise(
        store, key="back_squat", name="Back squat", movement="squat", barbell=True, bodyweight=False
    )
    for index in (1, 2):
        log_set(
            store,
            SetRecord(
                session_id=session.id,
                exercise_id=squat,
                set_index=index,
                warmup=False,
                target_reps_min=4,
                target_reps_max=5,
                reps=5,
                load_kg=60.0,
                form_held=True,
                started_at=now,
                ended_at=now,
            ),
        )
    assert restore_loss_words(store, backup) == "the runner Ben, 1 session, 2 sets"

    window = MainWindow(store=store, paths=paths)
    qtbot.addWidget(window)
    window.show()
    asked: list[str] = []

    def answer() -> None:  # the runner picks the backup, reads the question, says No
        shown = QApplication.activeModalWidget()
        if isinstance(shown, QInputDialog):
            shown.accept()
        elif isinstance(shown, QMessageBox):
            asked.append(shown.text())
            qtbot.keyClick(shown, Qt.Key.Key_Escape)
            return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    window._backups.restore_action.trigger()
    (question,) = asked
    assert "will not hold what came after this backup: the runner Ben, 1 session, 2 sets" in (
        question
    )
    assert [a.name for a in list_athletes(window.store)] == ["Ana", "Ben"]  # No: nothing changed
