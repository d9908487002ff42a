"""Qt table models over the History use case: sessions page by page, and one session's sets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from db.errors import StoreError
from desktop.history.history import PAGE_SIZE, HistoryLog
from desktop.history.lines import SessionLine, SetLine, seconds_typed

Index = QModelIndex | QPersistentModelIndex
SESSION_COLUMNS = ("Date", "Session", "Planned day", "Sets", "Counts for")
SET_COLUMNS = ("#", "Exercise", "Reps", "Target", "Load", "Form held", "Rest before")
REPS, LOAD, FORM = 2, 4, 5
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROOT = QModelIndex()


class SessionsModel(QAbstractTableModel):
    """Newest sessions first; older pages load as the list is scrolled (fetchMore)."""

    def __init__(self, log: HistoryLog) -> None:
        super().__init__()
        self._log = log
        self._rows: list[SessionLine] = []
        self._complete = True

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._log.sessions()
        self._complete = len(self._rows) < PAGE_SIZE
        self.endResetModel()

    def session_at(self, row: int) -> SessionLine | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, session_id: int) -> int | None:
        return next((i for i, line in enumerate(self._rows) if line.id == session_id), None)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(SESSION_COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._rows:
            return
        page = self._log.sessions(after=self._rows[-1])
        self._complete = len(page) < PAGE_SIZE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return SESSION_COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.session_at(index.row())
        if line is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            planned = line.planned_date
            return (
                f"{line.started:%a %d %b %Y  %H:%M}",
                line.kind
                + ("" if line.state == "finished" else f" ({line.state.replace('_', ' ')})"),
                f"{planned:%a %d %b}" if planned else "—",
                f"{line.work_sets} + {line.sets - line.work_sets} W"
                if line.sets != line.work_sets
                else str(line.sets),
                " · ".join(part for part in (line.counts_for, line.after_run) if part),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and line.notes:
            return line.notes
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return RIGHT
        return None


class SetsModel(QAbstractTableModel):
    """A session's sets; reps (a hold's seconds), load and form are edited in place.

    `edit(set_id, reps, load, form_held, hold_s)` commits and returns a message, or raises
    ValueError, LookupError or StoreError; `edit_failed(message)` then says why, nothing changes.
    """

    edit_failed = Signal(str)
    edited = Signal(str)

    def __init__(
        self, log: HistoryLog, edit: Callable[[int, int, float, bool, float | None], str | None]
    ):
        super().__init__()
        self._log = log
        self._edit = edit
        self._rows: list[SetLine] = []
        self.session_id: int | None = None

    def load(self, session_id: int | None) -> None:
        self.beginResetModel()
        self.session_id = session_id
        self._rows = self._log.sets(session_id) if session_id is not None else []
        self.endResetModel()

    def set_at(self, row: int) -> SetLine | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(SET_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            units = self._rows[0].units if self._rows else self._log.units
            return f"Load ({units})" if section == LOAD else SET_COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() in (REPS, LOAD):
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == FORM:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.set_at(index.row())
        if line is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == FORM:
            return Qt.CheckState.Checked if line.form_held else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = (
                line.number,
                line.exercise,
                line.amount if role == Qt.ItemDataRole.DisplayRole else _typed(line),
                line.target,
                f"{line.load:g}",
                "" if role == Qt.ItemDataRole.EditRole else ("yes" if line.form_held else "no"),
                line.rest,
            )
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (REPS, LOAD):
            return RIGHT
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        line = self.set_at(index.row())
        if line is None:
            return False
        reps, load, form, held = line.reps, line.load, line.form_held, line.hold_s
        try:
            if index.column() == REPS and role == Qt.ItemDataRole.EditRole and held is not None:
                held = seconds_typed(str(value))
            elif index.column() == REPS and role == Qt.ItemDataRole.EditRole:
                reps = _whole(str(value))
            elif index.column() == LOAD and role == Qt.ItemDataRole.EditRole:
                load = _number(str(value), line.units)
            elif index.column() == FORM and role == Qt.ItemDataRole.CheckStateRole:
                form = Qt.CheckState(value) == Qt.CheckState.Checked
            else:
                return False
            message = self._edit(line.id, reps, load, form, held)
        except (ValueError, LookupError, StoreError) as error:
            self.edit_failed.emit(problem_text(error))
            return False
        if message:
            # In place, not a model reset: the cell's editor is still closing (a reset here
            # made Qt commit it a second time, from its focus-out, into a view it had left).
            self._rows = self._log.sets(self.session_id) if self.session_id is not None else []
            last = self.index(len(self._rows) - 1, len(SET_COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            self.edited.emit(message)
        return True


def problem_text(error: Exception) -> str:
    """Why a change to the log did not happen, in words for the athlete."""
    if isinstance(error, StoreError):
        return error.message
    if isinstance(error, LookupError):
        return "that set is no longer in the training log."
    return str(error)


def _typed(line: SetLine) -> str:
    """What the Reps cell's editor opens with: the reps, or a hold's bare seconds."""
    return str(line.reps) if line.hold_s is None else f"{line.hold_s:g}"


def _whole(text: str) -> int:
    cleaned = text.strip()
    if not cleaned.isdigit():
        raise ValueError(f"Reps must be a whole number from 0 to 100, not {text!r}.")
    return int(cleaned)


def _number(text: str, units: str) -> float:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise ValueError(f"The load must be a number of {units}, not {text!r}.") from None
