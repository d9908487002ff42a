"""File → Restore from backup inside the running window: gym mode lets go, the log comes back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.athletes import create_athlete, list_athletes
from db.backup import new_backup_path, write_backup
from db.sessions import sets_for_session
from db.store import open_store
from desktop.gym.underway.session import Prompt, Stage
from desktop.runtime.paths import AppPaths
from desktop.ui.shell.main_window import MainWindow

# The window's cue player reports that this machine has no sound server; that is the fallback.
pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudioService", "Qt multimedia")


def test_restore_while_in_gym_mode_closes_it_and_later_sets_save(
    qtbot: QtBot, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    now = datetime.now(UTC)
    store = open_store(paths.database, backups_dir=paths.backups, now=now)
    create_athlete(store, "Ana")
    backup = write_backup(paths.database, new_backup_path(paths.backups, now=now, reason="manual"))
    window = MainWindow(store=store, paths=paths)
    qtbot.addWidget(window)
    window.show()
    gym = window.gym.open()
    assert gym is not None

    window._backups.restore(store, backup, label="the test backup")

    assert window.gym.view is None, "gym mode let go of the old log before the restore"
    restored = window.store
    assert restored is not None and restored is not store
    assert [athlete.name for athlete in list_athletes(restored)] == ["Ana"]
    again = window.gym.open()
    assert again is not None
    while again.session.prompt is Prompt.START_LOAD:  # the loads left to the form
        again.dispatch("back")
    while again.session.stage is not Stage.RESTING:
        again.dispatch("confirm" if again.session.stage is Stage.LOGGING else "primary")
    assert len(sets_for_session(restored, again.session.session_id)) == 1
    window.gym.close()
