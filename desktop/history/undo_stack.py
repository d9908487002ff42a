"""Undo and redo for corrections to the log: a stack of changes, each able to undo and redo.

Qt-free, so History's undo is tested without a display. A change leaves the undo stack only
once its undo worked (and the redo stack only once its redo worked): when the store refuses,
the step stays where it was and can be tried again, so nothing the runner deleted is lost to a
failed write. A new change forgets what could be redone, as in every editor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

LIMIT = 100


@dataclass(frozen=True)
class Change:
    """One change already made to the log: `label` says what ("deletion of Back squat …")."""

    label: str
    undo: Callable[[], None]
    redo: Callable[[], None]


class UndoStack:
    """The changes made, newest last, and the ones undone that can be redone."""

    def __init__(self, *, limit: int = LIMIT) -> None:
        self._limit = limit
        self._done: list[Change] = []
        self._undone: list[Change] = []

    @property
    def undo_label(self) -> str | None:
        """What Undo would take back, or None when there is nothing to undo."""
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        """What Redo would make again, or None when there is nothing to redo."""
        return self._undone[-1].label if self._undone else None

    def push(self, change: Change) -> None:
        """Remember a change just made; the oldest is forgotten past the limit."""
        self._done.append(change)
        del self._done[: -self._limit]
        self._undone.clear()

    def undo(self) -> Change | None:
        """Take back the newest change; None when there is none. Errors of its undo propagate."""
        if not self._done:
            return None
        change = self._done[-1]
        change.undo()
        self._undone.append(self._done.pop())
        return change

    def redo(self) -> Change | None:
        """Make the newest undone change again; None when there is none."""
        if not self._undone:
            return None
        change = self._undone[-1]
        change.redo()
        self._done.append(self._undone.pop())
        return change
