"""Asked after a session ends with no sets: discard it, or keep it in History? One key."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.ui.common.key_choice_dialog import KeyChoiceDialog


class DiscardEmptyDialog(KeyChoiceDialog):
    """`discard_chosen(True)` for 1 (discard), `discard_chosen(False)` for 2; Esc keeps it too."""

    discard_chosen = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            title="A session with no sets",
            question="No sets were saved in this session. Discard it?",
            detail=(
                "Discarded, it leaves no trace in History, the charts or adherence. "
                "A cramp report you gave with it is kept."
            ),
            choices=[("1", "Discard it"), ("2", "Keep it in History")],
            parent=parent,
            esc_text="Esc: keep it",
        )
        self.choice_made.connect(lambda index: self.discard_chosen.emit(index == 0))
