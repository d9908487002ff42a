"""The settings dialogs' one form: fields checked as typed, a red line saying what is wrong, and
Save enabled only for input that will be accepted; Enter saves, Esc leaves everything as it was.

A dialog says only what is its own: its fields, how to check them (`check_input`) and how to store
them (`save_input`, which returns the status line's words); both raise ValueError with the runner's
words when the input is refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

REFUSED_STYLE = "color: #c62828; font-weight: bold;"


class CheckedForm(QDialog):
    """`fields` are (label, line edit) pairs, made by the subclass before this is initialised so
    that they come first in the focus chain: the first field has the focus when it opens."""

    saved = Signal(str)  # what the status line says once stored

    def __init__(
        self, title: str, fields: Sequence[tuple[str, QLineEdit]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QFormLayout(self)
        for label, field in fields:
            layout.addRow(label, field)
            field.textChanged.connect(self._on_input_changed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(REFUSED_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addRow(self.message)
        layout.addRow(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def check_input(self) -> None:
        """Raise ValueError, in the runner's words, when the fields as typed would be refused."""
        raise NotImplementedError

    def save_input(self) -> str:
        """Store the fields; the status line's words. ValueError when refused, nothing stored."""
        raise NotImplementedError

    def _on_input_changed(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        try:
            self.check_input()
        except ValueError as error:
            self._refuse(str(error))
            save.setEnabled(False)
        else:
            self.message.clear()
            save.setEnabled(True)

    def _on_buttons_accepted(self) -> None:
        try:
            done = self.save_input()
        except ValueError as error:
            self._refuse(str(error))
            return
        self.saved.emit(done)
        self.accept()

    def _refuse(self, reason: str) -> None:
        """Show why, whole: a wrapped line grows the dialog instead of being cut off below."""
        self.message.setText(reason)
        self.message.setMinimumHeight(self.message.heightForWidth(self.message.width()))
        self.adjustSize()
