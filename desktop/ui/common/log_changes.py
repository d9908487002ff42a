"""The Qt face of the log-change notification: one queued signal the screens connect to.

`desktop.runtime.changes.LogChanges` calls its listeners at once, inside the use case that
wrote. A screen must not redraw there (History's own model may be in the middle of `setData`),
so `ChangeSignal.changed` is delivered on the next turn of the event loop, after the use case
has returned. A screen connects a slot of its own; Qt drops the connection when the screen is
deleted, so a rebuilt screen (another athlete, a restored log) never hears for the old one.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from desktop.runtime.changes import Change, LogChanges


class ChangeSignal(QObject):
    """Emits `changed(Change)` on the event loop for every change reported to `changes`."""

    changed = Signal(object)
    _reported = Signal(object)

    def __init__(self, changes: LogChanges, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes = changes
        self._relaying = False
        self._relay_lock = threading.Lock()  # a run import reports from its own thread
        changes.subscribe(self._on_reported)  # one per window: both go with it

    def _on_reported(self, change: Change) -> None:
        with self._relay_lock:
            if not self._relaying:
                # Connected at the first change, not at start-up: naming the connection type
                # builds PySide6's `Qt` namespace (see pyside_compat), and an int is ignored.
                from PySide6.QtCore import Qt

                self._reported.connect(self.changed, Qt.ConnectionType.QueuedConnection)
                self._relaying = True
        self._reported.emit(change)
