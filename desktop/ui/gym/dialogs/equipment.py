"""View → Bar and plates: the runner's own bar and plate sizes, checked as typed."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from db.store import Store
from desktop.gym.opening.equipment import (
    EquipmentOwner,
    current_equipment,
    parse_equipment,
    save_equipment,
)
from desktop.ui.gym.dialogs.checked_form import CheckedForm


class EquipmentDialog(CheckedForm):
    """Enter saves (only valid input); the plate breakdown in gym mode uses it from then on."""

    def __init__(self, store: Store, owner: EquipmentOwner, parent: QWidget | None = None) -> None:
        gear = current_equipment(store, owner)
        bar = QLineEdit(f"{gear.bar:g}")
        plates = QLineEdit(", ".join(f"{p:g}" for p in gear.plates))
        fields = [(f"&Bar ({owner.units}):", bar), (f"&Plates per size ({owner.units}):", plates)]
        super().__init__(f"Bar and plates: {owner.name}", fields, parent)
        self._store, self._owner = store, owner
        self.bar, self.plates = bar, plates

    def check_input(self) -> None:
        parse_equipment(self.bar.text(), self.plates.text(), self._owner.units)

    def save_input(self) -> str:
        gear = save_equipment(
            self._store, self._owner, bar_text=self.bar.text(), plates_text=self.plates.text()
        )
        return f"Bar {gear.bar:g} {gear.units}, plates {', '.join(f'{p:g}' for p in gear.plates)}"
