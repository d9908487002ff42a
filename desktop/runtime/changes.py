"""One notification that the training log changed, and what changed, for every screen to redraw.

The use cases report here right after a write commits; the screens subscribe and read the log
again themselves (as Anki's `operation_did_execute`). Without it each screen learnt of a change
its own way: Progress only when F3 was pressed again, History through a one-off connection, the
plan after a discarded session only because the gym screen said so. Plain Python, no Qt: a
screen that must redraw on Qt's event loop wraps its callback in a queued signal.

One `LogChanges` belongs to one open log; the composition root (the main window attaching the
log) creates it and hands it to the use cases. It is never a module-level global, so two logs
(or two tests) never hear each other.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import field
from typing import Literal

from db.lean_dataclass import frozen_dataclass

log = logging.getLogger(__name__)

What = Literal["set", "session", "plan", "checkin", "athlete", "restore", "runs", "cramp"]
"""set: a set logged, corrected or deleted; session: one started, finished, discarded, deleted or
put back; plan: set up, re-planned, a variant swapped, a second day decided; checkin: a weekly
answer; athlete: added or switched to; restore: the whole log replaced from a backup; runs: runs
imported from the watch, or the run of a planned day picked; cramp: a cramp report given for an
imported run."""

Listener = Callable[["Change"], None]


@frozen_dataclass
class Change:
    """What changed in the log; `session_id` names the session touched, when there is one.

    `by` is the use case that wrote it, so the screen that made the change (and already shows
    it) can leave it alone instead of redrawing under the runner's cursor.
    """

    what: What
    session_id: int | None = None
    by: object = field(default=None, compare=False)


class LogChanges:
    """Tells every subscriber, in the order they subscribed, about each committed change."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` after every change from now on; returns the call that stops it."""
        self._listeners.append(listener)
        return lambda: self.unsubscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop telling `listener` (a screen that is going away); unknown listeners are ignored."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def report(self, what: What, *, session_id: int | None = None, by: object = None) -> None:
        """Tell every listener that `what` changed; call only once the write has committed.

        A listener that raises does not stop the others hearing of the change (the write has
        already happened): its error is logged with its traceback and the rest are called.
        """
        change = Change(what, session_id, by)
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:
                log.exception("A listener failed on %s", change)
