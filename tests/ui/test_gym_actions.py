"""Gym mode from the main window: F5 says why it cannot start, and dialogs do not pile up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget
from pytestqt.qtbot import QtBot

from db.sessions import open_sessions
from db.store import Store
from desktop.ui.alerts.sound_settings import SoundSettingsDialog
from desktop.ui.common.window_state import WindowState
from desktop.ui.gym.actions import GymActions
from tests.fake_clock import FakeClock


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QStackedWidget())
    qtbot.addWidget(window)
    return window


@pytest.fixture
def make_actions(
    window: QMainWindow, tmp_path: Path, clock: FakeClock
) -> Callable[[Store | None], GymActions]:
    def make(store: Store | None) -> GymActions:
        state = WindowState(tmp_path / "window.ini")
        state.set_sound(volume=1.0, muted=True, device=None)  # cues flash; no audio loads
        pages = window.centralWidget()
        assert isinstance(pages, QStackedWidget)
        return GymActions(
            window=window, pages=pages, store=lambda: store, state=state, now=clock.wall
        )

    return make


def deferred_deletes() -> None:
    """What the event loop does after a dialog closes: run the deletes it queued."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_f5_on_a_log_that_refuses_writes_says_so(
    make_actions: Callable[[Store | None], GymActions], store: Store
) -> None:
    """A read-only log (SQLite's query_only) refuses the session's first write."""
    actions = make_actions(store)
    posted: list[str] = []
    actions.message_posted.connect(posted.append)
    store.db.execute("PRAGMA query_only = ON")
    actions.gym_action.trigger()
    assert actions.view is None
    [message] = posted
    assert message.startswith("Cramproof cannot save its training log")
    store.db.execute("PRAGMA query_only = OFF")
    assert actions.open() is not None, "F5 works again once the log takes writes"
    assert len(open_sessions(store, 1)) == 1
    actions.close()


# Listing outputs loads QtMultimedia, which reports a missing sound server; the dialog shows it.
@pytest.mark.qt_log_ignore("pipewire", "PulseAudioService", "Qt multimedia")
def test_the_sound_dialog_is_one_at_a_time_and_deleted_when_closed(
    make_actions: Callable[[Store | None], GymActions], window: QMainWindow
) -> None:
    actions = make_actions(None)
    actions.open_sound_settings()
    first = actions.sound_dialog
    assert first is not None and first.isVisible()
    actions.open_sound_settings()
    assert actions.sound_dialog is first
    first.reject()
    deferred_deletes()
    assert actions.sound_dialog is None
    assert window.findChildren(SoundSettingsDialog) == []
    for _ in range(3):
        actions.open_sound_settings()
        assert actions.sound_dialog is not None
        actions.sound_dialog.reject()
        deferred_deletes()
    assert window.findChildren(SoundSettingsDialog) == []
