"""Connects a session's rests to the screen and the speaker: one TimerDriver for the session,
`watch`ed anew for every rest, its cues played by the CuePlayer and then said by the Voice
(the words of `desktop.gym.underway.spoken`), its ticks drawn."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from desktop.domain.rest.rest_timer import Cue, RestTimer
from desktop.gym.underway.session import WorkoutSession
from desktop.gym.underway.spoken import cue_words
from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.alerts.timer_driver import TimerDriver
from desktop.ui.alerts.voice import Voice


class RestFollower(QObject):
    """`sync()` after every change to the session; `ticked` is the driver's own tick, passed on
    by Qt signal to signal (no slot in between); `cue_reached` comes after the cue is played."""

    ticked = Signal(object)  # RestDisplay, straight from the TimerDriver
    cue_reached = Signal(str)

    def __init__(
        self,
        session: WorkoutSession,
        player: CuePlayer,
        *,
        voice: Voice | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session, self._player, self._voice = session, player, voice
        self._driver: TimerDriver | None = None  # made with the first rest: sound waits till then
        self._watched: RestTimer | None = None

    def sync(self) -> None:
        """Follow the session's current rest (or stop), re-arm the cue timer, redraw."""
        rest = self._session.rest
        if rest is None:
            if self._driver is not None:
                self._driver.stop()
            self._watched = None
            return
        if self._driver is None:
            self._driver = TimerDriver(self._session.clock, rest, parent=self)
            self._driver.ticked.connect(self.ticked)
            self._driver.cue_reached.connect(self._on_driver_cue_reached)
            if not self._player.muted:  # muted cues flash; audio loads when first unmuted
                self._player.prepare()
                if self._voice is not None:  # the slow part, while the cues are minutes away
                    self._voice.prepare()
        elif rest is not self._watched:
            self._driver.watch(rest)
        self._watched = rest
        self._driver.refresh()

    def refresh(self) -> None:
        """Report due cues and redraw now, as the driver's own timers do 4× a second."""
        if self._driver is not None and self._watched is not None:
            self._driver.refresh()

    def announce(self, words: str) -> None:
        """Say `words` through the cues' voice, as a cue's are: not when the cues are off."""
        if self._voice is not None and not self._player.muted:
            self._voice.say(words)

    def stop(self) -> None:
        if self._driver is not None:
            self._driver.stop()

    @Slot(str)
    def _on_driver_cue_reached(self, cue: str) -> None:
        self._player.play(cue)
        if self._voice is not None and not self._player.muted:
            words = cue_words(self._session, Cue(cue))
            self._voice.say(words, after_ms=self._player.length_ms(cue))
        self.cue_reached.emit(cue)
