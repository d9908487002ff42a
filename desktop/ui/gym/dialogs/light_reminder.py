"""View → Light session reminder: how long after the heavy session the light one is proposed,
and the latest time of day; checked as typed, used for every light session proposed from then on."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from db.store import Store
from desktop.gym.closing.light_time import (
    parse_reminder_settings,
    reminder_settings,
    save_reminder_settings,
)
from desktop.gym.opening.equipment import EquipmentOwner


class LightReminderDialog(QDialog):
    """Enter saves (only valid input), Esc leaves everything as it was."""

    saved = Signal(str)

    def __init__(self, store: Store, owner: EquipmentOwner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._owner = store, owner
        self.setWindowTitle(f"Light session reminder: {owner.name}")
        current = reminder_settings(store, owner.athlete_id)
        self.hours = QLineEdit(f"{current.delay.total_seconds() / 3600:g}")
        self.latest = QLineEdit(current.latest.strftime("%H:%M"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QFormLayout(self)
        layout.addRow("&Hours after the heavy session (1-12):", self.hours)
        layout.addRow("&No later than (12:00-23:59):", self.latest)
        layout.addRow(self.message)
        layout.addRow(self.buttons)
        self.hours.textChanged.connect(self._on_input_changed)
        self.latest.textChanged.connect(self._on_input_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_input_changed(self) -> None:
        try:
            parse_reminder_settings(self.hours.text(), self.latest.text())
        except ValueError as error:
            self.message.setText(str(error))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        else:
            self.message.clear()
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def _on_buttons_accepted(self) -> None:
        try:
            delay, latest = parse_reminder_settings(self.hours.text(), self.latest.text())
        except ValueError as error:
            self.message.setText(str(error))
            return
        problem = save_reminder_settings(
            self._store, self._owner.athlete_id, delay=delay, latest=latest
        )
        if problem is not None:
            self.message.setText(problem)
            return
        hours = delay.total_seconds() / 3600
        self.saved.emit(
            f"Light sessions from now on: {hours:g} h after the heavy one, "
            f"no later than {latest:%H:%M}."
        )
        self.accept()
