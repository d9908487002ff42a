"""File menu actions to back up the log now and restore a backup, with a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from db.errors import StoreError
from db.store import Store
from desktop.runtime.paths import AppPaths


class BackupActions(QObject):
    """Owns the two actions; reports a replaced store and status messages to the window.

    The message boxes are imported when one is shown: PySide6 builds a class's enums when it is
    first imported, and none is part of the first screen. The backup use cases load with them.
    """

    store_replaced = Signal(object)
    message_posted = Signal(str)
    # Emitted (directly) just before the log is closed for a restore: anything holding the open
    # store, such as gym mode, must let go of it first.
    restore_starting = Signal()

    def __init__(
        self, *, paths: AppPaths, store_getter: Callable[[], Store | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._store_getter = store_getter
        self._window = parent
        self.back_up_action = QAction("&Back up now", parent)
        self.back_up_action.triggered.connect(self._on_back_up_triggered)
        self.restore_action = QAction("&Restore from backup…", parent)
        self.restore_action.triggered.connect(self._on_restore_triggered)

    def _on_back_up_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop.runtime.data_safety import back_up_now

        store = self._store_getter()
        if store is None:
            return
        try:
            written = back_up_now(store, now=datetime.now(UTC))
        except StoreError as error:
            QMessageBox.warning(self._window, "Backup failed", error.message)
            return
        self.message_posted.emit(f"Backed up to {written}")

    def _on_restore_triggered(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from desktop.runtime.data_safety import restorable_backups, restore_loss_words

        store = self._store_getter()
        backups = restorable_backups(self._paths.backups)
        if store is None or not backups:
            QMessageBox.information(
                self._window, "No backups", f"There are no usable backups in {self._paths.backups}."
            )
            return
        labels = [
            f"{info.taken_at.astimezone():%a %d %b %Y %H:%M}  ({info.reason or 'daily'})"
            for info in backups
        ]
        label, chosen = QInputDialog.getItem(
            self._window, "Restore from backup", "Backup to restore:", labels, 0, False
        )
        if not chosen:
            return
        backup = backups[labels.index(label)]
        confirmed = QMessageBox.question(
            self._window,
            "Restore this backup?",
            f"Replace the training log with the backup from {label}?\n\n"
            f"{_what_goes(restore_loss_words(store, backup.path))} The current log is kept as a "
            "backup first, so you can come back to it.",
        )
        if confirmed != QMessageBox.StandardButton.Yes:
            return
        self.restore(store, backup.path, label=label)

    def restore(self, store: Store, backup: Path, *, label: str) -> None:
        """Swap the log for `backup` and hand the reopened log to the window."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.runtime.data_safety import restore_and_reopen

        self.restore_starting.emit()
        try:
            reopened, problem = restore_and_reopen(store, backup, now=datetime.now(UTC))
        except StoreError as error:
            # The old log is closed and the new one cannot be opened: a window on a closed log
            # would fail at the next set, so it says why and closes; the next start recovers.
            QMessageBox.critical(
                self._window,
                "Training log unavailable",
                f"{error.message}\n\nCramproof will close; start it again to recover the log.",
            )
            self.store_replaced.emit(None)
            self._window.close()
            return
        self.store_replaced.emit(reopened)
        if problem:
            QMessageBox.warning(self._window, "Restore refused", problem)
        else:
            self.message_posted.emit(f"Restored the backup from {label}")


def _what_goes(words: str | None) -> str:
    """The restore's cost in the runner's words."""
    if words is None:
        return "What was logged after it will not be in the log."
    if not words:
        return "Everything in the log is in this backup too."
    return f"After the restore the log will not hold what came after this backup: {words}."
