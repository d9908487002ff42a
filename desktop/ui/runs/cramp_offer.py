"""After an import that brought long runs, the cramp report for each, newest first: the existing
cramp form, headed with the run's date and distance, the km of onset picked on the run's own
scale (0 to its km). Enter saves, Esc dismisses this one (nothing is stored, and it is not asked
again until another import brings it) and the next comes; "Skip the rest" ends the import's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui.plan.theme import BODY_PT, LARGE_PT, sized_font
from desktop.ui.runs.imports import RunImports

if TYPE_CHECKING:
    from db.runs import RunRecord
    from db.store import Store
    from desktop.runs.importing.batch import BatchResult
    from desktop.runtime.changes import LogChanges

TENTHS = 10  # the onset slider moves in 0.1 km steps
SKIP_REST = 2  # the dialog's result when the runner skips every report left of the import


def run_words(run: RunRecord) -> str:
    """ "your 30.2 km run of Sunday 14 March 2027" """
    day = run.started_at.date()
    return f"your {run.distance_m / 1000:.1f} km run of {day:%A} {day.day} {day:%B %Y}"


class CrampOfferDialog(QDialog):
    """The cramp form for one run; `save` (given by the caller) returns a message or None."""

    def __init__(
        self,
        run: RunRecord,
        save: Callable[[CrampOfferDialog], str | None],
        parent: QWidget | None = None,
        *,
        left: int = 0,
    ) -> None:
        """`left`: how many more long runs of the same import are asked about after this one."""
        from PySide6.QtCore import Qt  # built when first needed: see pyside_compat

        # Loaded when first offered: PySide6 builds a class's enums when it is first imported.
        from PySide6.QtWidgets import QDialogButtonBox, QSlider

        from desktop.ui.gym.cramp_form import CrampForm

        super().__init__(parent)
        self.setWindowTitle("Cramp report")
        self.setMinimumWidth(640)
        self._save = save
        self.run_km = round(run.distance_m / 1000, 1)
        words = run_words(run)
        self.heading = QLabel(f"{words[0].upper()}{words[1:]}: did anything cramp?")
        self.heading.setWordWrap(True)
        self.heading.setFont(sized_font(self, LARGE_PT, bold=True))
        self.form = CrampForm()
        self.form.setTitle("The cramp report for this run")
        # One way to leave without a report: the Not now button (Esc). The form's own "Skip"
        # answer, right for the gym summary, would mean the same as Not now here.
        self.form.unanswered.hide()
        self.form.distance.setText(f"{self.run_km:.1f}")
        self.onset = QSlider(Qt.Orientation.Horizontal)
        self.onset.setRange(0, round(self.run_km * TENTHS))
        self.onset.setValue(self.onset.maximum())
        self.onset.setPageStep(TENTHS)
        self.onset.setAccessibleName("Where on the run it started, in km")
        self.onset.valueChanged.connect(self._on_onset_moved)
        scale = QWidget()
        row = QHBoxLayout(scale)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Started at: 0 km"))
        row.addWidget(self.onset, 1)
        row.addWidget(QLabel(f"{self.run_km:.1f} km"))
        scale.setVisible(False)
        self.form.yes.toggled.connect(scale.setVisible)
        self.message = QLabel()
        self.message.setWordWrap(True)
        more = (
            f" · {left} more long run{'' if left == 1 else 's'} of this import next" if left else ""
        )
        keys = QLabel(f"Enter: save · Esc: not now{more}")
        keys.setFont(sized_font(self, BODY_PT))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Not now")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if left:  # a year's import: not one Esc per long run to be done with it
            rest = buttons.addButton("Skip the &rest", QDialogButtonBox.ButtonRole.RejectRole)
            rest.clicked.connect(lambda: self.done(SKIP_REST))
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.form, scale, self.message, keys, buttons):
            layout.addWidget(widget)

    def _on_onset_moved(self, tenths: int) -> None:
        self.form.distance.setText(f"{tenths / TENTHS:.1f}")

    def accept(self) -> None:
        """Save, unless the answer needs correcting (the message says how)."""
        if message := self._save(self):
            self.message.setText(message)
            return
        super().accept()


class CrampOffer(QObject):
    """Offers the report once a menu or drop import that brought a long run has been read."""

    def __init__(
        self,
        *,
        window: QWidget,
        store: Callable[[], Store | None],
        now: Callable[[], datetime],
        imports: RunImports,
        changes: LogChanges,
    ) -> None:
        super().__init__(window)
        self._window, self._store, self._now = window, store, now
        self._imports, self._changes = imports, changes
        self.dialog: CrampOfferDialog | None = None
        self.waiting: list[RunRecord] = []  # the import's other long runs, newest first
        imports.batch_ended.connect(self._on_batch_ended)

    def _on_batch_ended(self, result: BatchResult) -> None:
        from desktop.runs.importing.long_run import runs_to_offer

        store = self._store()
        if store is None or self._imports.quiet or not result.new_runs:
            return
        self.waiting = runs_to_offer(store, result.new_runs[0].athlete_id, result.new_runs)
        if not self.waiting:
            return
        summary = self._imports.dialog
        if summary is not None and summary.isVisible():  # once the summary has been read
            summary.finished.connect(lambda _code: self._next())
        else:
            self._next()

    def _next(self) -> None:
        if self.waiting:
            run = self.waiting.pop(0)
            self.offer(run, left=len(self.waiting))

    def offer(self, run: RunRecord, *, left: int = 0) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = CrampOfferDialog(
            run, lambda dialog: self._save(run, dialog), self._window, left=left
        )
        self.dialog.setModal(True)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.show()
        self.dialog.form.no.setFocus()

    def _on_dialog_finished(self, code: int) -> None:
        """Saved or skipped: the next long run of the import, unless the rest were skipped."""
        if code == SKIP_REST:
            self.waiting = []
        if self.waiting:
            QTimer.singleShot(0, self, self._next)  # once this dialog has closed
        else:
            self._window.activateWindow()

    def _save(self, run: RunRecord, dialog: CrampOfferDialog) -> str | None:
        from desktop.gym.closing.finish import report_cramp

        store, answer = self._store(), dialog.form.answer()
        if answer is None:  # the form's Skip is hidden here: Not now is the way out
            return "Choose No cramps or Cramped to save; Not now closes without a report."
        if store is None:
            return None
        message = report_cramp(
            store,
            athlete_id=run.athlete_id,
            day=run.started_at.date(),
            cramp=answer,
            when=self._now(),
            run_km=dialog.run_km,
            changes=self._changes,
        )
        if message is None:
            self._imports.message_posted.emit(f"Cramp report saved for {run_words(run)}.")
        return message
