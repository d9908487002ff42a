"""View → Light session reminder: how long after the heavy session the light one is proposed,
and the latest time of day; checked as typed, used for every light session proposed from then on."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from db.store import Store
from desktop.gym.opening.equipment import EquipmentOwner
from desktop.plan.light_session import (
    parse_reminder_settings,
    reminder_settings,
    save_reminder_settings,
)
from desktop.ui.gym.dialogs.checked_form import CheckedForm


class LightReminderDialog(CheckedForm):
    """Enter saves (only valid input), Esc leaves everything as it was."""

    def __init__(self, store: Store, owner: EquipmentOwner, parent: QWidget | None = None) -> None:
        current = reminder_settings(store, owner.athlete_id)
        hours = QLineEdit(f"{current.delay.total_seconds() / 3600:g}")
        latest = QLineEdit(current.latest.strftime("%H:%M"))
        fields = [
            ("&Hours after the heavy session (1-12):", hours),
            ("&No later than (12:00-23:59):", latest),
        ]
        super().__init__(f"Light session reminder: {owner.name}", fields, parent)
        self._store, self._owner = store, owner
        self.hours, self.latest = hours, latest

    def check_input(self) -> None:
        parse_reminder_settings(self.hours.text(), self.latest.text())

    def save_input(self) -> str:
        delay, latest = parse_reminder_settings(self.hours.text(), self.latest.text())
        problem = save_reminder_settings(
            self._store, self._owner.athlete_id, delay=delay, latest=latest
        )
        if problem is not None:
            raise ValueError(problem)
        hours = delay.total_seconds() / 3600
        return (
            f"Light sessions from now on: {hours:g} h after the heavy one, "
            f"no later than {latest:%H:%M}."
        )
