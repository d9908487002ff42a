"""Which run was this day's long run (or speed run)? A list of the runs within a day of it and
"Automatic (longest)"; ↑↓ move, Enter chooses, Esc leaves the pick as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.plan.run_picks import DayChoice

AUTOMATIC = "Automatic (longest)"
_RUN_ROLE = Qt.ItemDataRole.UserRole


class RunPickDialog(QDialog):
    """`run_chosen(run id or None for automatic)` on Enter; nothing on Esc."""

    run_chosen = Signal(object)

    def __init__(self, choice: DayChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        self.setObjectName("runPickDialog")
        self.setWindowTitle(choice.title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = QLabel(f"<b>{choice.title}</b>")
        explain = QLabel("↑↓ choose · Enter keep it · Esc cancel")
        self.runs = QListWidget()
        self.runs.setObjectName("runPickList")
        for candidate in choice.candidates:
            mark = "  ← now" if candidate.run_id == choice.current else ""
            item = QListWidgetItem(candidate.line() + mark)
            item.setData(_RUN_ROLE, candidate.run_id)
            self.runs.addItem(item)
        automatic = QListWidgetItem(AUTOMATIC)
        automatic.setData(_RUN_ROLE, None)
        self.runs.addItem(automatic)
        selected = [i for i, c in enumerate(choice.candidates) if c.run_id == choice.picked]
        self.runs.setCurrentRow(selected[0] if selected else self.runs.count() - 1)
        self.runs.itemActivated.connect(lambda _item: self.accept())
        self.runs.setMinimumWidth(self.runs.sizeHintForColumn(0) + 40)
        rows = self.runs.sizeHintForRow(0) * self.runs.count()  # a few runs: no empty well
        self.runs.setFixedHeight(rows + 2 * self.runs.frameWidth() + 8)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.runs, explain, buttons):
            layout.addWidget(widget)
        self.runs.setFocus()

    def accept(self) -> None:
        if not self.isVisible():  # a double click's activation after Enter already chose
            return
        item = self.runs.currentItem()
        super().accept()
        if item is not None:
            self.run_chosen.emit(item.data(_RUN_ROLE))
