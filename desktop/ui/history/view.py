"""The History screen: sessions on the left, the chosen session's sets on the right.

Reps (a held exercise's seconds), load and form are corrected in place (double-click, Enter or
F2), a set or a whole session is deleted with Delete, Ctrl+Z undoes one change after another
and Ctrl+Shift+Z redoes them; every change is committed at once and reported through the log's
change notification, which the other screens redraw from; this one redraws from it too when the
change was made elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import StoreError
from desktop.history.history import HistoryLog
from desktop.runtime.changes import Change
from desktop.ui.common.colours import FOCUS_RING
from desktop.ui.history.keys import HistoryKeys
from desktop.ui.history.models import REPS, SessionsModel, SetsModel, problem_text

ERROR_STYLE = "color: #c62828; font-weight: bold;"
NO_SESSIONS = "No sessions yet: the sets of every session you log appear here."


class HistoryView(QWidget):
    """Takes the History use case; `export_requested` when the runner asks to export."""

    export_requested = Signal()

    def __init__(self, log: HistoryLog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log = log
        self._stale = False
        title = QLabel("History")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(
            "Enter or F2 corrects reps, a hold's seconds or load · Delete removes the set (or, in"
            " the sessions list, the session) · Ctrl+Z undoes, again and again ·"
            " Ctrl+Shift+Z redoes"
        )
        hint.setWordWrap(True)

        self.sessions_model = SessionsModel(log)
        self.sets_model = SetsModel(log, self._edit)
        self.sessions_table = _table(self.sessions_model)
        self.sets_table = _table(self.sets_model)
        self.setFocusProxy(self.sessions_table)  # F4 lands on the sessions, Tab goes on to the sets
        self.sets_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.delete_button = QPushButton("Delete set")
        self.delete_session_button = QPushButton("Delete session")
        self.undo_button = QPushButton("Undo")
        self.redo_button = QPushButton("Redo")
        self.export_button = QPushButton("Export…")
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.delete_session_button.clicked.connect(self._on_delete_session_clicked)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.redo_button.clicked.connect(self._on_redo_clicked)
        self.export_button.clicked.connect(self.export_requested)
        self.keys = HistoryKeys(
            sessions=self.sessions_table,
            sets=self.sets_table,
            first_editable=REPS,
            delete_session=self._on_delete_session_clicked,
            delete_set=self._on_delete_clicked,
            undo=self._on_undo_clicked,
            redo=self._on_redo_clicked,
        )
        self.sets_model.edit_failed.connect(self._on_sets_edit_failed)
        # Queued: the list is re-read once the editor that made the change has closed.
        self.sets_model.edited.connect(self._on_sets_edited, Qt.ConnectionType.QueuedConnection)
        self.sessions_table.selectionModel().selectionChanged.connect(
            self._on_sessions_selection_changed
        )
        self.sets_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.sets_table.itemDelegate().closeEditor.connect(
            self._on_editor_closed, Qt.ConnectionType.QueuedConnection
        )

        buttons = QHBoxLayout()
        for button in (
            self.delete_button,
            self.delete_session_button,
            self.undo_button,
            self.redo_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.sets_table, 1)
        right_layout.addWidget(self.message)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.sessions_table)
        splitter.addWidget(right)
        splitter.setSizes([560, 640])

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Z undoes and Ctrl+Shift+Z redoes from anywhere on the screen (the tables' own
        keys are in `HistoryKeys`); keys typed into a cell being edited never get here."""
        if (
            event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination() == (QKeySequence("Ctrl+Shift+Z")[0])
        ):
            self._on_redo_clicked()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self._on_undo_clicked()
        else:
            super().keyPressEvent(event)

    def clear_problem(self) -> None:
        """Forget a red "Not saved…" once something later worked (an export, say)."""
        if self.message.styleSheet() == ERROR_STYLE:
            self._say("")

    def on_log_changed(self, change: Change) -> None:
        """Something else changed the log (a set logged in gym mode, a plan re-made): redraw
        now if on show, else when next shown. Its own corrections are on screen already."""
        if change.by is self._log:
            return
        self._stale = True
        if self.isVisible() and self.sets_table.state() != QAbstractItemView.State.EditingState:
            self.refresh()

    def _on_editor_closed(self) -> None:
        """A change that came while a cell was being edited is drawn once the editor closes:
        re-reading the sets under an open editor would throw the runner's typing away."""
        if self._stale and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the log again, keeping the selected session when it still exists."""
        self._stale = False
        selected = self.sets_model.session_id
        self.sessions_model.reload()
        row = self.sessions_model.row_of(selected) if selected is not None else None
        self.sessions_table.selectRow(0 if row is None else row)
        if self.sessions_model.rowCount() == 0:
            self.sets_model.load(None)
            self._say(NO_SESSIONS)
        elif self.message.text() == NO_SESSIONS:  # the first session has just been logged
            self._say("")
        self._update_buttons()

    def selected_set_id(self) -> int | None:
        rows = self.sets_table.selectionModel().selectedRows()
        line = self.sets_model.set_at(rows[0].row()) if rows else None
        return line.id if line else None

    def _edit(
        self, set_id: int, reps: int, load: float, form_held: bool, hold_s: float | None
    ) -> str | None:
        return self._log.edit_set(set_id, reps=reps, load=load, form_held=form_held, hold_s=hold_s)

    def _after_change(self, message: str) -> None:
        self._say(message)
        row = self.sessions_table.currentIndex().row()
        self.sessions_model.reload()
        self.sessions_table.selectRow(max(row, 0))
        self._update_buttons()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _update_buttons(self, *_args: object) -> None:
        self.delete_button.setEnabled(self.selected_set_id() is not None)
        label = self._log.undo_label
        self.undo_button.setEnabled(label is not None)
        self.undo_button.setToolTip(f"Undo the {label}" if label else "Nothing to undo")
        again = self._log.redo_label
        self.redo_button.setEnabled(again is not None)
        self.redo_button.setToolTip(f"Redo the {again}" if again else "Nothing to redo")
        self.delete_session_button.setEnabled(self._selected_session_id() is not None)

    def _selected_session_id(self) -> int | None:
        rows = self.sessions_table.selectionModel().selectedRows()
        line = self.sessions_model.session_at(rows[0].row()) if rows else None
        return line.id if line else None

    def _on_sessions_selection_changed(
        self, selected: QItemSelection, _old: QItemSelection
    ) -> None:
        rows = self.sessions_table.selectionModel().selectedRows()
        line = self.sessions_model.session_at(rows[0].row()) if rows else None
        self.sets_model.load(line.id if line else None)
        self._update_buttons()

    def _on_sets_edit_failed(self, reason: str) -> None:
        self._say(f"Not saved: {reason}", error=True)

    def _on_sets_edited(self, message: str) -> None:
        self._after_change(message)

    def _on_delete_clicked(self) -> None:
        set_id = self.selected_set_id()
        if set_id is None:
            return
        row = self.sets_table.currentIndex().row()
        try:
            message = self._log.delete_set(set_id)
        except (LookupError, StoreError) as error:
            self.sets_model.load(self.sets_model.session_id)
            self._say(f"Not deleted: {problem_text(error)}", error=True)
            self._update_buttons()
            return
        self._after_change(f"{message} Ctrl+Z brings it back.")
        self.sets_table.selectRow(min(row, self.sets_model.rowCount() - 1))

    def _on_delete_session_clicked(self) -> None:
        session_id = self._selected_session_id()
        if session_id is None:
            return
        row = self.sessions_table.currentIndex().row()
        try:
            message = self._log.delete_session(session_id)
        except (LookupError, StoreError) as error:
            self._say(f"Not deleted: {problem_text(error)}", error=True)
            self.refresh()
            return
        self._after_change(f"{message} Ctrl+Z brings it back.")
        count = self.sessions_model.rowCount()
        if count == 0:
            self.sets_model.load(None)
        else:
            self.sessions_table.selectRow(min(max(row, 0), count - 1))
        self._update_buttons()

    def _on_undo_clicked(self) -> None:
        self._step(self._log.undo, "Not undone")

    def _on_redo_clicked(self) -> None:
        self._step(self._log.redo, "Not redone")

    def _step(self, step: Callable[[], str | None], refused: str) -> None:
        try:
            message = step()
        except (LookupError, StoreError) as error:
            self._say(f"{refused}: {problem_text(error)}", error=True)
            return
        if message is not None:
            self._after_change(message)


def _table(model: SessionsModel | SetsModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    # Which table has the keys, seen from across the room: the ring is always there, in colour
    # while focused (a ring that came with focus alone would not be in the laid-out frame).
    table.setStyleSheet(
        "QTableView { border: 3px solid #c8ced6; }"
        f"QTableView:focus {{ border-color: {FOCUS_RING}; }}"
    )
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
