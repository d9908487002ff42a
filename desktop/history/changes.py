"""The changes History can undo and redo, each as an `undo_stack.Change` over the store.

Kept apart from `desktop.history.history` (which reads the log and names things for the runner)
so that each module has one job. A deleted row may come back under a new id when a newer row has
taken its old one meanwhile; each change keeps the id its row has now, so redo finds it.
"""

from __future__ import annotations

from typing import Any

from db.history_queries import delete_set, restore_set, update_set
from db.records import SetRecord
from db.session_removal import RemovedSession, delete_session, restore_session
from db.store import Store
from desktop.history.undo_stack import Change


def set_correction(store: Store, label: str, *, before: SetRecord, after: SetRecord) -> Change:
    """A set's reps, load, form or seconds held corrected from `before` to `after`."""
    set_id = before.id or 0

    def put(record: SetRecord) -> None:
        update_set(
            store,
            set_id,
            reps=record.reps,
            load_kg=record.load_kg,
            form_held=record.form_held,
            hold_s=record.hold_s,
        )

    return Change(label, undo=lambda: put(before), redo=lambda: put(after))


def set_deletion(store: Store, label: str, row: dict[str, Any]) -> Change:
    """A set deleted; `row` is its whole row as `delete_set` returned it."""
    current = [int(row["id"])]

    def undo() -> None:
        current[0] = restore_set(store, row).id or current[0]

    def redo() -> None:
        delete_set(store, current[0])

    return Change(label, undo=undo, redo=redo)


def session_deletion(store: Store, label: str, removed: RemovedSession) -> Change:
    """A whole session deleted with its sets, as `delete_session` took it out."""
    taken = [removed]

    def undo() -> None:
        restore_session(store, taken[0])

    def redo() -> None:
        taken[0] = delete_session(store, int(taken[0].session["id"]))

    return Change(label, undo=undo, redo=redo)
