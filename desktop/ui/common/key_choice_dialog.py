"""A question answered with one key: each answer is a big button with its key shown on it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.plan.theme import ACCENT, BODY_PT, FOCUS, LARGE_PT, sized_font

CHOICE_BUTTON = (
    "QPushButton { text-align: left; padding: 12px 18px; border: 2px solid #5a6472;"
    " border-radius: 8px; background: #ffffff; color: #111111; }"
    f"QPushButton:focus {{ border: 3px solid {FOCUS}; background: #fff8dc; }}"
    f"QPushButton:hover {{ border-color: {ACCENT}; }}"
)


class KeyChoiceDialog(QDialog):
    """Pressing an answer's key (or clicking it) answers; Esc closes and asks again later."""

    choice_made = Signal(int)

    def __init__(
        self,
        *,
        title: str,
        question: str,
        detail: str,
        choices: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        esc_text: str = "Esc: ask me later",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        self._keys = [key.lower() for key, _label in choices]
        self.question_label = heading = QLabel(question)
        heading.setWordWrap(True)
        heading.setFont(sized_font(self, LARGE_PT + 2, bold=True))
        self.detail_label = body = QLabel(detail)
        body.setWordWrap(True)
        body.setFont(sized_font(self, BODY_PT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(body)
        self.buttons: list[QPushButton] = []
        for index, (key, label) in enumerate(choices):
            button = QPushButton(f"{key}   {label}")
            button.setFont(sized_font(self, LARGE_PT))
            button.setStyleSheet(CHOICE_BUTTON)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, i=index: self._choose(i))
            layout.addWidget(button)
            self.buttons.append(button)
        self.esc_label = later = QLabel(esc_text)
        later.setFont(sized_font(self, BODY_PT - 1))
        later.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(later)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.text().lower()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if key and key in self._keys and plain:
            self._choose(self._keys.index(key))
            return
        super().keyPressEvent(event)

    def _choose(self, index: int) -> None:
        self.choice_made.emit(index)
        self.accept()
