"""The import's progress in a dialog: files done of all, the current file's line, and Cancel;
at the end the summary, read and closed with the keyboard (Enter or Esc).

The batch runs on a `QThread` (`ImportThread`) so the window, and a rest timer in gym mode, never
wait on a decoder; the thread only calls the Qt-free use case and passes its steps on as signals.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.runs.importing.batch import BatchResult, Step, import_batch

log = logging.getLogger(__name__)


class ImportThread(QThread):
    """Runs one batch off the window's thread; `stepped(Step)` and `ended(BatchResult)` arrive
    on the window's thread. `cancel()` stops it between files."""

    stepped = Signal(object)
    ended = Signal(object)

    def __init__(
        self,
        *,
        database: Path,
        athlete_id: int,
        paths: list[Path],
        now: datetime,
        changed_since: datetime | None = None,
        settle: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._athlete_id, self._paths, self._now = database, athlete_id, paths, now
        self._changed_since, self._settle = changed_since, settle
        self._cancelled = False
        self.result: BatchResult | None = None

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        try:
            result = import_batch(
                self._database,
                athlete_id=self._athlete_id,
                paths=self._paths,
                now=self._now,
                cancelled=lambda: self._cancelled,
                progress=self.stepped.emit,
                changed_since=self._changed_since,
                settle=time.sleep if self._settle else None,
            )
        except Exception as error:  # the runner gets one line; the log keeps the traceback
            log.exception("Run import failed")
            result = BatchResult(problem=f"the import failed ({type(error).__name__}: {error})")
        self.result = result
        self.ended.emit(result)


class ImportDialog(QDialog):
    """Shows one `ImportThread`'s progress; Cancel (or Esc) stops it between files.
    `imported(BatchResult)` is emitted on the window's thread once the batch has ended."""

    imported = Signal(object)

    def __init__(self, thread: ImportThread, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import runs")
        self.setMinimumWidth(560)
        self._thread, self._ended = thread, False
        self.count = QLabel("Looking for FIT, GPX and TCX files…")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the files are counted
        self.line = QLabel()
        self.line.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        self.buttons = QDialogButtonBox()
        cancel = QDialogButtonBox.StandardButton.Cancel
        self.cancel_button: QPushButton = self.buttons.addButton(cancel)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.count, self.bar, self.line, self.summary, self.buttons):
            layout.addWidget(widget)
        thread.stepped.connect(self._on_stepped)
        thread.ended.connect(self._on_ended)

    def _on_stepped(self, step: Step) -> None:
        self.count.setText(f"{step.done} of {step.total} files read")
        self.bar.setRange(0, max(step.total, 1))
        self.bar.setValue(step.done)
        self.line.setText(step.text)

    def _on_ended(self, result: BatchResult) -> None:
        self._ended = True
        done = len(result.outcomes)
        self.count.setText(f"{done} of {result.total} files read")
        self.bar.setRange(0, max(result.total, 1))
        self.bar.setValue(done if result.total else 1)
        self.line.setVisible(False)
        self.summary.setText(result.summary())
        self.summary.setVisible(True)
        self.cancel_button.setVisible(False)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        close.setDefault(True)
        close.setFocus()
        self.imported.emit(result)

    def reject(self) -> None:
        """Esc or Cancel while importing stops after the current file (what was stored stays);
        once it has ended, they close the summary."""
        if not self._ended:
            self._thread.cancel()
            self.cancel_button.setEnabled(False)
            self.line.setText("Cancelling after this file…")
            return
        super().reject()


def run_with_dialog(
    thread: ImportThread, parent: QWidget, done: Callable[[BatchResult], None]
) -> ImportDialog:
    """Open the dialog (window-modal), start the thread; `done` hears the result once."""
    dialog = ImportDialog(thread, parent)
    dialog.imported.connect(done)
    dialog.setModal(True)
    dialog.show()
    thread.start()
    return dialog
