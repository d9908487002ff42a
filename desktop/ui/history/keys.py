"""History's keyboard: Enter or F2 edits the cell, Delete deletes, Ctrl+Z / Ctrl+Shift+Z undo and
redo, wherever the focus is in History's two tables.

F2 is also the window's "Plan" key. A key a table claims here is taken at its ShortcutOverride,
before any window shortcut sees it, so inside History's sets table F2 edits instead of leaving.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView

EDIT_KEYS = (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class HistoryKeys(QObject):
    """An event filter over History's sessions and sets tables.

    `first_editable` is the column an edit starts in when the current cell cannot be edited.
    """

    def __init__(
        self,
        *,
        sessions: QTableView,
        sets: QTableView,
        first_editable: int,
        delete_session: Callable[[], None],
        delete_set: Callable[[], None],
        undo: Callable[[], None],
        redo: Callable[[], None],
    ) -> None:
        super().__init__(sets)
        self._sessions, self._sets, self._first_editable = sessions, sets, first_editable
        self._delete = {sessions: delete_session, sets: delete_set}
        self._undo, self._redo = undo, redo
        for table in (sessions, sets):
            table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or watched not in self._delete:
            return super().eventFilter(watched, event)
        table = self._sets if watched is self._sets else self._sessions
        command = self._command(table, event)
        if command is None:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key is ours: no window shortcut takes it
            return True
        if event.type() == QEvent.Type.KeyPress:
            command()
            return True
        return super().eventFilter(watched, event)

    def _command(self, table: QTableView, event: QKeyEvent) -> Callable[[], None] | None:
        """What the key does in `table`, or None to leave it to the table and the window."""
        if table.state() == QAbstractItemView.State.EditingState:
            return None
        if event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Z
            and event.modifiers()
            == (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        ):
            return self._redo
        if event.matches(QKeySequence.StandardKey.Undo):
            return self._undo
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and event.key() == Qt.Key.Key_Delete:
            return self._delete[table]
        if plain and table is self._sets and event.key() in EDIT_KEYS:
            return self._edit_current
        return None

    def _edit_current(self) -> None:
        """Edit the current cell, or the row's first editable one (a whole row is selected)."""
        table = self._sets
        index = table.currentIndex()
        if not index.isValid():
            return
        if not table.model().flags(index) & Qt.ItemFlag.ItemIsEditable:
            index = index.siblingAtColumn(self._first_editable)
            table.setCurrentIndex(index)
        table.edit(index)
