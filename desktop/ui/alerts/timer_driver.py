"""Drives a RestTimer from Qt: a display refresh four times a second and a precise cue timer.

The RestTimer decides everything; this object only asks it, at the right moments, what to
show and which cues came due. Two Qt timers do the asking:

- a repeating refresh (250 ms) that emits the display and re-arms the cue timer, and
- a single-shot timer armed for the RestTimer's next deadline, so a cue sounds within a few
  milliseconds of its moment instead of up to a refresh interval late.

Qt timers run on a clock that stops while the laptop sleeps, so after a suspend the single
shot may still be waiting; the refresh fires as soon as the machine wakes and reports every
cue that came due, because the RestTimer's clock kept counting.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from desktop.domain.rest.clock import Clock
from desktop.domain.rest.rest_timer import RestTimer

REFRESH_MS = 250
MAX_ARM_MS = 86_400_000  # a day; QTimer takes a 32-bit interval and the refresh re-arms anyway


class TimerDriver(QObject):
    """Polls one RestTimer at a time; the gym screen keeps one driver and `watch`es each rest.

    After changing the rest (pause, resume, +30 s) call `refresh()` so the cue timer re-arms at
    once; the next refresh would do it anyway, up to 250 ms later.
    """

    ticked = Signal(object)  # RestDisplay
    cue_reached = Signal(str)  # Cue value: "ready" or "max"

    def __init__(
        self,
        clock: Clock,
        timer: RestTimer,
        *,
        refresh_ms: int = REFRESH_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timer = timer
        self._armed_deadline: float | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._refresh_timer.setInterval(refresh_ms)
        self._refresh_timer.timeout.connect(self._on_refresh_timeout)
        self._cue_timer = QTimer(self)
        self._cue_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._cue_timer.setSingleShot(True)
        self._cue_timer.timeout.connect(self._on_cue_timer_timeout)
        self.watch(timer)

    @property
    def timer(self) -> RestTimer:
        return self._timer

    @property
    def armed_deadline(self) -> float | None:
        """The clock value the cue timer is armed for, or None while no cue is pending."""
        return self._armed_deadline

    @property
    def is_running(self) -> bool:
        return self._refresh_timer.isActive()

    def watch(self, timer: RestTimer) -> None:
        """Follow a new rest (the previous one is forgotten); emits nothing until refreshed."""
        self._timer = timer
        if timer.is_finished:
            self.stop()
            return
        self._refresh_timer.start()
        self._arm(self._clock.now())

    def refresh(self) -> None:
        """Report due cues and the display now, then re-arm the cue timer."""
        now = self._clock.now()
        for cue in self._timer.due_cues(now):
            self.cue_reached.emit(cue.value)
        self.ticked.emit(self._timer.display(now))
        if self._timer.is_finished:
            self.stop()
        else:
            self._arm(now)

    def stop(self) -> None:
        """Stop both Qt timers, e.g. when the rest ended or the gym screen closes."""
        self._refresh_timer.stop()
        self._cue_timer.stop()
        self._armed_deadline = None

    def _arm(self, now: float) -> None:
        deadline = self._timer.next_deadline(now)
        self._armed_deadline = deadline
        if deadline is None:
            self._cue_timer.stop()
            return
        self._cue_timer.start(min(MAX_ARM_MS, max(0, math.ceil((deadline - now) * 1000))))

    @Slot()
    def _on_refresh_timeout(self) -> None:
        self.refresh()

    @Slot()
    def _on_cue_timer_timeout(self) -> None:
        self.refresh()
