"""View → Bar and plates: the runner's own bar and plate sizes, checked as typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from db.store import Store
from desktop.domain.gym.workout_input import InputError
from desktop.gym.opening.equipment import (
    EquipmentOwner,
    current_equipment,
    parse_equipment,
    save_equipment,
)


class EquipmentDialog(QDialog):
    """Enter saves (only valid input); the plate breakdown in gym mode uses it from then on."""

    saved = Signal(str)

    def __init__(self, store: Store, owner: EquipmentOwner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._owner = store, owner
        self.setWindowTitle(f"Bar and plates: {owner.name}")
        gear = current_equipment(store, owner)
        self.bar = QLineEdit(f"{gear.bar:g}")
        self.plates = QLineEdit(", ".join(f"{p:g}" for p in gear.plates))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QFormLayout(self)
        layout.addRow(f"&Bar ({owner.units}):", self.bar)
        layout.addRow(f"&Plates per size ({owner.units}):", self.plates)
        layout.addRow(self.message)
        layout.addRow(self.buttons)
        self.bar.textChanged.connect(self._on_input_changed)
        self.plates.textChanged.connect(self._on_input_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_input_changed(self) -> None:
        try:
            parse_equipment(self.bar.text(), self.plates.text(), self._owner.units)
        except InputError as error:
            self.message.setText(str(error))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        else:
            self.message.clear()
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def _on_buttons_accepted(self) -> None:
        try:
            gear = save_equipment(
                self._store, self._owner, bar_text=self.bar.text(), plates_text=self.plates.text()
            )
        except InputError as error:
            self.message.setText(str(error))
            return
        self.saved.emit(
            f"Bar {gear.bar:g} {gear.units}, plates {', '.join(f'{p:g}' for p in gear.plates)}"
        )
        self.accept()
