"""Changes the athlete makes to a session under way: pause, +30 s, extra set, skip, swap, end.

A part of WorkoutSession (composition, not a mixin): it is given all it works on, the
SessionBook, the RestKeeper, the shared `Flow` (stage, prompt, message) and the session's own
save and move to the summary. Each change is offered only where the keyboard contract offers it
(mostly while ready or resting, with no prompt open) and is stored at once: the layout through
the SessionBook, the rest through the RestKeeper. Pause and +30 s act on the rest on screen,
never on the one counting on unseen while a set is under way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from db.errors import StoreError
from desktop.domain.gym.workout import Prompt, Stage
from desktop.gym.underway.book import SessionBook
from desktop.gym.underway.rest import RestKeeper

log = logging.getLogger(__name__)


@dataclass
class Flow:
    """Where a session stands: the stage, the one question open, the athlete's message line.
    WorkoutSession and SessionChanges share it; `finished` is set once the session is closed."""

    stage: Stage
    prompt: Prompt | None = None
    message: str | None = None
    finished: bool = False


class SessionChanges:
    """The layout and rest changes, offered only where the keyboard contract offers them."""

    def __init__(
        self,
        book: SessionBook,
        rests: RestKeeper,
        flow: Flow,
        *,
        save: Callable[[], bool],
        to_summary: Callable[[], None],
    ) -> None:
        self.book, self.rests, self.flow = book, rests, flow
        self._save, self._to_summary = save, to_summary

    def toggle_pause(self) -> None:
        """P: someone is using the rack; the rest stops counting until resumed."""
        if self._resting():
            self.rests.toggle_pause()

    def extend_rest(self) -> None:
        """+30 s: the whole window moves later and its cues sound again there."""
        if self._resting():
            self.rests.extend()

    # What the screen offers, whatever question is open: the hint line and the buttons name a
    # key only when it would do something (the changes below check the same).
    @property
    def can_add_extra_set(self) -> bool:
        """X has an exercise to add to: not after a session ended before its first set."""
        after_last = self.flow.stage in (Stage.RESTING, Stage.SUMMARY)
        return (
            not self.flow.finished and self.book.extra_set_slot(after_last=after_last) is not None
        )

    @property
    def can_swap(self) -> bool:
        """V has variants to offer for the movement that comes next."""
        ready = self.flow.stage in (Stage.READY, Stage.RESTING) and not self.flow.finished
        return ready and bool(self.book.swap_choices())

    @property
    def can_skip_warmups(self) -> bool:
        """W has warm-ups to skip: the next set is one."""
        upcoming = self.book.next
        return upcoming is not None and upcoming.warmup

    def add_extra_set(self) -> None:
        """X: one more set of the exercise just done (while resting, or from the summary), else
        of the exercise under way."""
        if self.flow.prompt is not None or not self.can_add_extra_set:
            return
        after_last = self.flow.stage in (Stage.RESTING, Stage.SUMMARY)
        added = self.guarded(lambda: self.book.add_extra_set(after_last=after_last))
        if added and self.flow.stage is Stage.SUMMARY:
            self.flow.stage = Stage.READY

    def skip_exercise(self) -> None:
        """S: leave out what is left of the exercise that comes next."""
        if self._waiting():
            self.guarded(self.book.skip_exercise)
            if self.book.next is None:
                self._to_summary()

    def skip_warmups(self) -> None:
        """W: straight to the work sets of this lift."""
        if self._waiting():
            self.guarded(self.book.skip_warmups)

    def open_swap(self) -> None:
        """V: offer the other variants of the movement that comes next."""
        if self._waiting() and self.can_swap:
            self.flow.prompt = Prompt.SWAP

    def choose_swap(self, index: int) -> None:
        """A digit in the swap prompt; 0 is the first choice shown."""
        choices = self.book.swap_choices()
        if self.flow.prompt is Prompt.SWAP and 0 <= index < len(choices):
            self.flow.prompt = None
            self.guarded(lambda: self.book.swap(choices[index].key))

    def end_early(self) -> None:
        """E: ask before ending; the saved sets stay whatever the answer. A set done but not
        saved yet is saved first, or ending is refused until it can be: never dropped."""
        if self.flow.stage is Stage.SUMMARY or self.flow.prompt is not None:
            return
        if self.flow.stage is Stage.LOGGING:
            if not self._save():
                reason = self.flow.message or "This set is not saved yet."
                self.flow.message = f"{reason} Correct the set, then end the session."
                return
            if self.book.next is None:
                return  # that was the last set: the session is at its summary already
        self.flow.prompt = Prompt.END

    def _waiting(self) -> bool:
        return self.flow.prompt is None and self.flow.stage in (Stage.READY, Stage.RESTING)

    def _resting(self) -> bool:
        return self.flow.prompt is None and self.flow.stage is Stage.RESTING

    def guarded(self, action: Callable[[], object]) -> object:
        """Run a layout change; a store failure becomes the screen's message, not a crash."""
        try:
            return action()
        except StoreError as error:
            log.error("Session layout not saved: %s", error.message)
            self.flow.message = error.message
            return None
