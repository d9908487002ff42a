"""Plan → Choose the long run… (Ctrl+L): the dialog for the selected day, and the pick stored.

The runner who knows the watch split Sunday's long run in two files, or that the longest run
near Sunday was not the long run, says which one it was; the plan then redraws from the log
change the pick reports (desktop/plan/run_picks.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from db.errors import StoreError
from desktop.plan.planning import Planning
from desktop.plan.run_links import RUN_WORDS
from desktop.plan.run_picks import PickRefused
from desktop.ui.common.keyed_action import keyed_action

log = logging.getLogger(__name__)

KEYS = "Ctrl+L"


class RunPicker(QObject):
    """Owns the menu action and the dialog on screen; `message_posted` says what was stored."""

    message_posted = Signal(str)

    def __init__(
        self,
        *,
        planning_getter: Callable[[], Planning],
        selected_day: Callable[[], int | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._planning = planning_getter
        self._selected_day = selected_day
        self._window = parent
        self.dialog: QWidget | None = None
        self.action = keyed_action(parent, "Choose the &long run…", KEYS, self.open)

    def open(self) -> None:
        """The dialog for the day selected on the plan, or one line saying why there is none."""
        day_id = self._selected_day()
        choice = None if day_id is None else self._planning().run_choice(day_id)
        if choice is None:
            self.message_posted.emit("Select a double day on the plan (F2) to choose its run")
            return
        if not choice.candidates:
            when = f"{choice.day:%a} {choice.day.day} {choice.day:%b}"
            self.message_posted.emit(
                f"No run within a day of {when} yet: import it first (File → Import runs…)"
            )
            return
        from desktop.ui.plan.run_pick_dialog import RunPickDialog

        dialog = RunPickDialog(choice, parent=self._window)
        dialog.run_chosen.connect(lambda run_id: self._on_run_chosen(choice.day_id, run_id))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _on_run_chosen(self, day_id: int, run_id: int | None) -> None:
        try:
            chosen = self._planning().choose_run(day_id, run_id, by=self)
        except PickRefused as error:
            self.message_posted.emit(error.message)
            return
        except StoreError as error:
            log.error("Run pick not saved: %s", error.message)
            from PySide6.QtWidgets import QMessageBox  # its enums are built on import

            QMessageBox.critical(self._window, "Not saved", error.message)
            return
        run = RUN_WORDS.get(chosen.after, "run")
        picked = next((c for c in chosen.candidates if c.run_id == chosen.current), None)
        if chosen.picked is None:
            self.message_posted.emit(f"The {run} is chosen automatically again (the longest)")
        elif picked is not None:
            self.message_posted.emit(f"The {run} is now {picked.distance_m / 1000:.1f} km")
