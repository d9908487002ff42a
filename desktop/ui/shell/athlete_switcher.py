"""The toolbar's athlete picker: a shared gym laptop holds several runners, each with a plan."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QWidget

from db.records import Athlete
from desktop.ui.common.pyside_compat import KEY_END, KEY_HOME, KEY_PAGE_DOWN, KEY_PAGE_UP
from desktop.ui.plan.theme import BODY_PT, sized_font

ADD_ATHLETE = "Add athlete…"
# A combo box steps through its entries on these: here they would switch runners or open the
# athlete form with one stray key. They page the screen on show instead (Progress scrolls).
# By number: the tool bar is on the first screen, drawn without PySide6's `Qt` namespace.
PAGE_KEYS = frozenset({KEY_PAGE_UP, KEY_PAGE_DOWN, KEY_HOME, KEY_END})


class AthleteSwitcher(QWidget):
    """Lists the athletes with the current one chosen; the last entry adds a new athlete.

    `screen` gives the screen on show, which gets the page keys pressed in the box."""

    athlete_chosen = Signal(int)
    athlete_add_requested = Signal()

    def __init__(
        self,
        athletes: Sequence[Athlete],
        current_id: int | None,
        parent: QWidget | None = None,
        *,
        screen: Callable[[], QWidget | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._screen = screen
        self.combo = QComboBox()
        self.combo.setObjectName("athleteSwitcher")
        self.combo.setMinimumContentsLength(14)
        self.combo.setFont(sized_font(self, BODY_PT))
        self.combo.setToolTip("Whose plan is shown (Alt+A)")
        label = QLabel("&Athlete:")
        label.setFont(sized_font(self, BODY_PT))
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self._current_id = current_id
        self.set_athletes(athletes, current_id)
        self.combo.activated.connect(self._on_combo_activated)
        self.combo.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The page keys go to the screen on show; the box keeps the keyboard and its runner."""
        if watched is not self.combo or event.type() != QEvent.Type.KeyPress:
            return False
        from PySide6.QtGui import QKeyEvent  # its enums are built on import: not at start-up

        if not isinstance(event, QKeyEvent) or event.key() not in PAGE_KEYS:
            return False
        screen = self._screen()
        if screen is not None:
            page_key = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            QApplication.sendEvent(screen, page_key)
        return True

    def set_athletes(self, athletes: Sequence[Athlete], current_id: int | None) -> None:
        """Show these athletes, `current_id` selected, without reporting a choice."""
        self._current_id = current_id
        self.combo.blockSignals(True)
        self.combo.clear()
        for athlete in athletes:
            self.combo.addItem(athlete.name, athlete.id)
        self.combo.addItem(ADD_ATHLETE, None)
        index = self.combo.findData(current_id) if current_id is not None else -1
        self.combo.setCurrentIndex(max(index, 0) if athletes else self.combo.count() - 1)
        self.combo.blockSignals(False)

    def _on_combo_activated(self, index: int) -> None:
        athlete_id = self.combo.itemData(index)
        if athlete_id is None:
            self._restore_current()
            self.athlete_add_requested.emit()
        elif athlete_id != self._current_id:
            self._current_id = athlete_id
            self.athlete_chosen.emit(athlete_id)

    def _restore_current(self) -> None:
        index = self.combo.findData(self._current_id) if self._current_id is not None else -1
        if index >= 0:
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(index)
            self.combo.blockSignals(False)
