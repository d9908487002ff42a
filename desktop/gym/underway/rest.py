"""The rest between two sets in a session: the running RestTimer, stored after every change.

The store holds the rest in wall-clock terms (start, paused seconds, paused since, extension),
so a new process restores it to the second. The rest runs until the next set is saved: a set
started by mistake (then Esc) or cut short by a crash leaves it running and stored.
"""

from __future__ import annotations

import copy
import logging

from db.errors import StoreError
from db.store import Store
from desktop.domain.rest.clock import Clock
from desktop.domain.rest.rest_timer import RestRecord, RestTimer, RestWindow
from desktop.gym.underway.rows import store_rest

log = logging.getLogger(__name__)


class RestKeeper:
    """Owns the session's RestTimer; `problem` says when the store refused a change."""

    def __init__(
        self, store: Store, session_id: int, *, clock: Clock, timer: RestTimer | None = None
    ) -> None:
        self._db, self._session_id, self._clock = store, session_id, clock
        self._timer = timer
        self.problem: str | None = None

    @property
    def timer(self) -> RestTimer | None:
        """The running rest: from a saved set until the next one is saved; None before any."""
        return self._timer

    def start(self, window: RestWindow, *, at: float) -> None:
        """A set was saved: the rest before it is done, the new one counts from `at`, the
        moment the set ended."""
        self._timer = RestTimer.start(window, at)
        self._persist()

    def is_early(self) -> bool:
        return self._timer is not None and self._timer.is_early(self._clock.now())

    def record_at(self, at: float) -> RestRecord | None:
        """The rest as stored with the set that started at `at`. Worked out on a copy: the rest
        keeps running until that set is committed, so a refused save loses nothing."""
        if self._timer is None:
            return None
        return copy.deepcopy(self._timer).finish(at)

    def forget(self) -> None:
        """The session ends: a rest with no set after it is not a rest worth keeping."""
        if self._timer is not None:
            self._timer = None
            self._persist()

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
