"""Gym mode inside the main window: one shared cue player, the gym page, and sound settings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QStackedWidget, QWidget

from db.errors import StoreError
from desktop.domain.rest.clock import SteadyClockWithWall
from desktop.ui.alerts.light_notifier import LightNotifier
from desktop.ui.common.keyed_action import keyed_action
from desktop.ui.common.window_state import WindowState

if TYPE_CHECKING:
    from db.store import Store
    from desktop.domain.buildup.model import SessionKind
    from desktop.runtime.changes import LogChanges
    from desktop.ui.alerts.sound import CuePlayer
    from desktop.ui.alerts.sound_settings import SoundSettingsDialog
    from desktop.ui.alerts.voice import Voice
    from desktop.ui.gym.dialogs.checked_form import CheckedForm
    from desktop.ui.gym.view import GymView

log = logging.getLogger(__name__)


class GymActions(QObject):
    """Opens today's session (or resumes a crashed one) as a page, and closes it cleanly."""

    message_posted = Signal(str)
    gym_closed = Signal()

    def __init__(
        self,
        *,
        window: QWidget,
        pages: QStackedWidget,
        store: Callable[[], Store | None],
        state: WindowState,
        now: Callable[[], datetime],
        changes: LogChanges | None = None,
    ) -> None:
        super().__init__(window)
        self._changes = changes
        self._clock = SteadyClockWithWall(now)
        self._window, self._pages, self._store, self._state = window, pages, store, state
        self._player: CuePlayer | None = None
        self._voice: Voice | None = None
        self.view: GymView | None = None
        self._on_leaving: list[Callable[[], None]] = []
        self.sound_dialog: SoundSettingsDialog | None = None
        self.discard_dialog: QDialog | None = None
        self.light_notifier = LightNotifier(due=self._light_due, now=self._clock.wall, parent=self)
        self.light_notifier.start_requested.connect(self._on_light_notifier_start_requested)
        self.light_notifier.start()
        self.gym_action = keyed_action(window, "Start &today's session", "F5", self.open)
        self.equipment_action = QAction("&Bar and plates…", window)
        self.equipment_action.triggered.connect(self.open_equipment)
        self.light_reminder_action = QAction("&Light session reminder…", window)
        self.light_reminder_action.triggered.connect(self.open_light_reminder)
        self.sound_action = QAction("&Sound…", window)
        self.sound_action.triggered.connect(self.open_sound_settings)

    @property
    def player(self) -> CuePlayer:
        """The one cue player, made when gym mode or the sound settings first need it: the
        sounds (and the rest timer's cues) are no part of the first screen's start-up."""
        if self._player is None:
            from desktop.ui.alerts.sound import CuePlayer

            volume, muted, device = self._state.sound
            self._player = CuePlayer(volume=volume, muted=muted, device=device, parent=self)
            self._player.sound_unavailable.connect(self.message_posted)
        return self._player

    @property
    def voice(self) -> Voice:
        """The one voice, made with the cue player and for the same reason."""
        if self._voice is None:
            from desktop.ui.alerts.voice import Voice

            enabled, rate, volume = self._state.voice
            self._voice = Voice(enabled=enabled, rate=rate, volume=volume, parent=self)
            self._voice.voice_unavailable.connect(self.message_posted)
        return self._voice

    def view_menu_actions(self) -> list[QAction]:
        """What gym mode adds to the View menu."""
        return [self.equipment_action, self.light_reminder_action, self.sound_action]

    def open(self, kind: SessionKind | None = None) -> GymView | None:
        """Show gym mode: the open session if there is one, else today's `kind` session.

        A log that refuses the session's first writes (read-only, disk full) is said in the
        window's message line: F5 must never do nothing.
        """
        # Gym mode is imported on first use: the window's start-up does not pay for it.
        from desktop.ui.gym.open_session import NotStarted, ResumeUnanswered, open_gym

        store = self._store()
        if store is None:
            return None
        if self.view is None and store.read_only:  # not SQLite's own words, cut off
            self.message_posted.emit("Read-only log: no session can be saved here.")
            return None
        if self.view is None:
            try:
                self.view = open_gym(
                    store,
                    kind=kind,
                    clock=self._clock,
                    player=self.player,
                    voice=self.voice,
                    parent=self._window,
                    changes=self._changes,
                )
            except StoreError as error:
                log.error("Gym mode not opened: %s", error.message)
                self.message_posted.emit(error.message)
                return None
            except NotStarted:  # the taper's question answered "back to the plan"
                self.message_posted.emit("No session started: taper, arrive fresh.")
                self.gym_closed.emit()
                return None
            except ResumeUnanswered as unanswered:
                log.info("Gym mode not opened: the resume question was closed, %s", unanswered)
                return None
            self.message_posted.emit("")  # an earlier "No session started" is over
            self.view.closed.connect(self.close)
            self.view.session_finished.connect(self._on_view_session_finished)
            self.view.status_posted.connect(self.message_posted)
            self.view.mute_toggled.connect(self._on_view_mute_toggled)
            self._pages.addWidget(self.view)
        self._pages.setCurrentWidget(self.view)
        self.view.setFocus()
        return self.view

    def close(self) -> None:
        """Leave gym mode: every set is already saved; the screen may dim again."""
        if self.view is None:
            return
        view, self.view = self.view, None
        view.shut_down()
        self._pages.removeWidget(view)
        view.deleteLater()
        self.gym_closed.emit()
        waiting, self._on_leaving = self._on_leaving, []
        for call in waiting:
            call()

    def after_leaving(self, call: Callable[[], None]) -> None:
        """Run `call` now, or once gym mode is left: no question covers the timer mid-session."""
        if self.view is None:
            call()
        else:
            self._on_leaving.append(call)

    def open_equipment(self) -> None:
        """The current runner's bar and plates, for warm-ups and the plate breakdown."""
        from desktop.ui.gym.dialogs.equipment import EquipmentDialog

        self.equipment_dialog = self._open_runner_form(
            EquipmentDialog, "the bar and plates are per runner"
        )

    def open_light_reminder(self) -> None:
        """The current runner's delay and cut-off for proposing the light session."""
        from desktop.ui.gym.dialogs.light_reminder import LightReminderDialog

        self.light_reminder_dialog = self._open_runner_form(
            LightReminderDialog, "the reminder is per runner"
        )

    def _open_runner_form(self, form: type[CheckedForm], per_runner: str) -> CheckedForm | None:
        """One of the current runner's settings forms, window-modal and deleted when it closes;
        its saved words go to the status line. None, and why, when there is no runner yet."""
        from PySide6.QtCore import Qt  # built when first needed: see pyside_compat

        from desktop.gym.opening.equipment import current_owner

        store = self._store()
        owner = current_owner(store, now=self._clock.wall) if store is not None else None
        if store is None or owner is None:
            self.message_posted.emit(f"Set up a runner first: {per_runner}.")
            return None
        dialog = form(store, owner, self._window)
        dialog.saved.connect(self.message_posted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_sound_settings(self) -> None:
        """One dialog at a time, read afresh from the player and deleted when it closes."""
        from PySide6.QtCore import Qt  # built when first needed: see pyside_compat

        from desktop.ui.alerts.sound_settings import SoundSettingsDialog

        if self.sound_dialog is not None:
            self.sound_dialog.activateWindow()
            return
        dialog = SoundSettingsDialog(self.player, self.voice, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settings_changed.connect(self._on_sound_settings_changed)
        dialog.finished.connect(self._on_sound_dialog_finished)
        self.sound_dialog = dialog
        dialog.open()

    def _on_view_session_finished(self, session_id: int) -> None:
        log.info("Session %s finished", session_id)
        self.close()
        from desktop.gym.closing.finish import has_no_sets

        store = self._store()
        if store is not None and has_no_sets(store, session_id):
            self._ask_discard(session_id)
        else:
            self.message_posted.emit("Session saved. Well done.")

    def _ask_discard(self, session_id: int) -> None:
        """A session with no sets is asked about, not praised: discard it or keep it."""
        from PySide6.QtCore import Qt  # built when first needed: see pyside_compat

        from desktop.ui.gym.dialogs.discard import DiscardEmptyDialog

        dialog = DiscardEmptyDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.discard_chosen.connect(lambda discard: self._on_discard_chosen(session_id, discard))
        dialog.rejected.connect(lambda: self._on_discard_chosen(session_id, False))
        self.discard_dialog = dialog
        dialog.open()

    def _on_discard_chosen(self, session_id: int, discard: bool) -> None:
        from desktop.gym.closing.finish import discard_session

        self.discard_dialog = None
        store = self._store()
        problem = (
            discard_session(store, session_id, changes=self._changes)
            if discard and store is not None
            else None
        )
        if problem is not None:
            self.message_posted.emit(f"Not discarded: {problem}")
        elif discard:
            self.message_posted.emit("Session discarded: it had no sets.")
        else:
            self.message_posted.emit("Session kept in History, with no sets.")

    def _light_due(self) -> datetime | None:
        from desktop.gym.closing.light_time import due_light_reminder

        store = self._store()
        try:
            return due_light_reminder(store, self._clock.wall()) if store is not None else None
        except StoreError as error:  # a log gone read-only or damaged: no reminder, no crash
            log.warning("Light session reminder not checked: %s", error.message)
            return None

    def _on_light_notifier_start_requested(self) -> None:
        """The reminder's "Start light session": gym mode on it, the window in front."""
        self._window.activateWindow()
        self.open(kind="light")

    def _on_view_mute_toggled(self, muted: bool) -> None:
        self._save_sound()

    def _on_sound_dialog_finished(self, _result: int) -> None:
        self.sound_dialog = None

    def _on_sound_settings_changed(self, _volume: float, _muted: bool, _device: object) -> None:
        self._save_sound()

    def _save_sound(self) -> None:
        self._state.set_sound(
            volume=self.player.volume, muted=self.player.muted, device=self.player.device
        )
        voice = self.voice
        self._state.set_voice(enabled=voice.enabled, rate=voice.rate, volume=voice.volume)
