"""The rest between two sets in a session: the running RestTimer, stored after every change.

The store holds the rest in wall-clock terms (start, paused seconds, paused since, extension),
so a new process restores it to the second; the finished rest's record waits here until the
next set is saved with it.
"""

from __future__ import annotations

import logging

from db.errors import StoreError
from db.store import Store
from desktop.domain.clock import Clock
from desktop.domain.rest_timer import RestRecord, RestTimer, RestWindow
from desktop.session_store import store_rest

log = logging.getLogger(__name__)


class RestKeeper:
    """Owns the session's RestTimer; `problem` says when the store refused a change."""

    def __init__(
        self, store: Store, session_id: int, *, clock: Clock, timer: RestTimer | None = None
    ) -> None:
        self._db, self._session_id, self._clock = store, session_id, clock
        self._timer = timer
        self._record: RestRecord | None = None
        self.problem: str | None = None

    @property
    def timer(self) -> RestTimer | None:
        """The running rest, or None between a rest's end and the next saved set."""
        return self._timer

    @property
    def record(self) -> RestRecord | None:
        """The rest that ended when this set started, to be stored with it."""
        return self._record

    def start(self, window: RestWindow, *, at: float) -> None:
        """A set was saved: its rest counts from `at`, the moment the set ended."""
        self._timer, self._record = RestTimer.start(window, at), None
        self._persist()

    def is_early(self) -> bool:
        return self._timer is not None and self._timer.is_early(self._clock.now())

    def finish(self) -> None:
        """The next set starts now; keep the rest's record for it."""
        if self._timer is not None:
            self._record = self._timer.finish(self._clock.now())
            self._timer = None
            self._persist()

    def forget(self) -> None:
        """The session ends: a rest with no set after it is not a rest worth keeping."""
        self._record = None
        if self._timer is not None:
            self._timer = None
            self._persist()

    def saved(self) -> None:
        """The set that carried the record is committed."""
        self._record = None

    def toggle_pause(self) -> None:
        if self._timer is not None:
            now = self._clock.now()
            (self._timer.resume if self._timer.is_paused else self._timer.pause)(now)
            self._persist()

    def extend(self) -> None:
        if self._timer is not None:
            self._timer.extend(self._clock.now())
            self._persist()

    def _persist(self) -> None:
        timer, now, wall = self._timer, self._clock.now(), self._clock.wall()
        try:
            store_rest(self._db, self._session_id, timer and timer.snapshot(now, wall))
            self.problem = None
        except StoreError as error:
            log.error("Rest not stored: %s", error.message)
            self.problem = error.message
