"""Changes the athlete makes to a session under way: pause, +30 s, extra set, skip, swap, end.

A mixin of WorkoutSession. Each change is offered only where the keyboard contract offers it
(mostly while ready or resting, with no prompt open) and is stored at once: the layout through
the SessionBook, the rest through the RestKeeper. Pause and +30 s act on the rest on screen,
never on the one counting on unseen while a set is under way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from db.errors import StoreError
from desktop.domain.workout import Prompt, Stage
from desktop.gym.book import SessionBook
from desktop.gym.rest import RestKeeper

log = logging.getLogger(__name__)


class SessionChanges:
    """Needs the host's book, rests and flow state; `_to_summary` comes from the host."""

    book: SessionBook
    rests: RestKeeper
    _stage: Stage
    _prompt: Prompt | None
    _finished: bool
    _message: str | None

    def toggle_pause(self) -> None:
        """P: someone is using the rack; the rest stops counting until resumed."""
        if self._resting():
            self.rests.toggle_pause()

    def extend_rest(self) -> None:
        """+30 s: the whole window moves later and its cues sound again there."""
        if self._resting():
            self.rests.extend()

    def add_extra_set(self) -> None:
        """X: one more set of the exercise just done (while resting, or from the summary), else
        of the exercise under way."""
        if self._prompt is not None or self._finished:
            return
        after_last = self._stage in (Stage.RESTING, Stage.SUMMARY)
        added = self._guarded(lambda: self.book.add_extra_set(after_last=after_last))
        if added and self._stage is Stage.SUMMARY:
            self._stage = Stage.READY

    def skip_exercise(self) -> None:
        """S: leave out what is left of the exercise that comes next."""
        if self._waiting():
            self._guarded(self.book.skip_exercise)
            if self.book.next is None:
                self._to_summary()

    def skip_warmups(self) -> None:
        """W: straight to the work sets of this lift."""
        if self._waiting():
            self._guarded(self.book.skip_warmups)

    def open_swap(self) -> None:
        """V: offer the other variants of the movement that comes next."""
        if self._waiting() and self.book.swap_choices():
            self._prompt = Prompt.SWAP

    def choose_swap(self, index: int) -> None:
        """A digit in the swap prompt; 0 is the first choice shown."""
        choices = self.book.swap_choices()
        if self._prompt is Prompt.SWAP and 0 <= index < len(choices):
            self._prompt = None
            self._guarded(lambda: self.book.swap(choices[index].key))

    def end_early(self) -> None:
        """E: ask before ending; the saved sets stay whatever the answer. A set done but not
        saved yet is saved first, or ending is refused until it can be: never dropped."""
        if self._stage is Stage.SUMMARY or self._prompt is not None:
            return
        if self._stage is Stage.LOGGING:
            if not self.save():
                reason = self._message or "This set is not saved yet."
                self._message = f"{reason} Correct the set, then end the session."
                return
            if self.book.next is None:
                return  # that was the last set: the session is at its summary already
        self._prompt = Prompt.END

    def _waiting(self) -> bool:
        return self._prompt is None and self._stage in (Stage.READY, Stage.RESTING)

    def _resting(self) -> bool:
        return self._prompt is None and self._stage is Stage.RESTING

    def _guarded(self, action: Callable[[], object]) -> object:
        """Run a layout change; a store failure becomes the screen's message, not a crash."""
        try:
            return action()
        except StoreError as error:
            log.error("Session layout not saved: %s", error.message)
            self._message = error.message
            return None

    def save(self) -> bool:
        raise NotImplementedError("WorkoutSession saves the set")

    def _to_summary(self) -> None:
        raise NotImplementedError("WorkoutSession moves to the summary")
