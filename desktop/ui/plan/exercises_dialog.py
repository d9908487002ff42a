"""Choose the plan's variant of each movement, e.g. a goblet squat where there is no rack."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from desktop.domain.buildup.exercises import SWAPPABLE, accessory_for, variants
from desktop.domain.buildup.model import PlanSettings

MOVEMENT_LABELS = {
    "squat": "&Squat",
    "deadlift": "&Deadlift",
    "lunge": "&Lunge",
    "hip_thrust": "&Hip thrust / bridge",
    "accessory": "&Cramp-site extra",
}
OPTIONAL = frozenset({"hip_thrust", "accessory"})
NONE_LABEL = "None"


def current_variant(settings: PlanSettings, movement: str) -> str | None:
    """The variant the plan uses now, with the accessory's cramp-site default filled in."""
    selection = settings.selection
    if movement == "accessory":
        if not selection.include_accessory:
            return None
        default = accessory_for(settings.cramp_sites)
        return selection.accessory or (default.key if default else None)
    return getattr(selection, movement)


class ExercisesDialog(QDialog):
    """One list per movement; each change is reported at once and saved by the caller."""

    variant_chosen = Signal(str, object)  # movement, variant key or None

    def __init__(self, settings: PlanSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Exercises in this plan")
        layout = QFormLayout(self)
        note = QLabel(
            "The same movements in both sessions: heavy after the run, bodyweight later. The "
            "cramp-site extra is never the main fix."
        )
        note.setWordWrap(True)
        layout.addRow(note)
        self.combos: dict[str, QComboBox] = {}
        for movement in SWAPPABLE:
            combo = QComboBox()
            if movement in OPTIONAL:
                combo.addItem(NONE_LABEL, None)
            for candidate in variants(movement):
                combo.addItem(candidate.name, candidate.key)
            combo.setCurrentIndex(max(0, combo.findData(current_variant(settings, movement))))
            combo.currentIndexChanged.connect(
                lambda _index, m=movement, c=combo: self.variant_chosen.emit(m, c.currentData())
            )
            label = QLabel(MOVEMENT_LABELS[movement])
            label.setBuddy(combo)
            layout.addRow(label, combo)
            self.combos[movement] = combo
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addRow(buttons)
