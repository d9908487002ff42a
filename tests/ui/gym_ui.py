"""Helpers for the gym-screen tests: a view over a real log in virtual time, keys, cue records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.domain.buildup.model import SessionKind
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import Prompt, WorkoutSession
from desktop.ui.alerts.screen_awake import ScreenAwake
from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock

SCREEN = (1366, 768)


def no_bus_screen(tmp_path: Path) -> ScreenAwake:
    """A ScreenAwake on a bus that does not exist: the view must work the same without one."""
    bus = QDBusConnection.connectToBus(f"unix:path={tmp_path / 'no-bus'}", "cramproof-no-bus")
    return ScreenAwake(bus=bus)


def show_view(qtbot: QtBot, session: WorkoutSession, tmp_path: Path) -> GymView:
    """The gym screen at 1366×768, muted (cues flash; nothing loads audio in the test)."""
    view = GymView(session, player=CuePlayer(muted=True), screen=no_bus_screen(tmp_path))
    qtbot.addWidget(view)
    view.resize(*SCREEN)
    view.show()
    qtbot.waitExposed(view)
    return view


def open_view(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path, *, kind: SessionKind
) -> GymView:
    """Gym mode on today's session; Esc to each first-time load question, so a test of
    something else starts where it always did (`leave_start_loads`)."""
    view = show_view(qtbot, start_workout(store, clock=clock, kind=kind), tmp_path)
    leave_start_loads(qtbot, view)
    return view


def leave_start_loads(qtbot: QtBot, view: GymView) -> None:
    """Esc, by key, to each first-time load question: the loads are set on the form."""
    while view.session.prompt is Prompt.START_LOAD:
        press(qtbot, view, Qt.Key.Key_Escape)


def focused(view: GymView) -> QWidget:
    """Where a key press lands: the focused field, else the gym screen itself."""
    return view.focusWidget() or view


def press(qtbot: QtBot, view: GymView, key: Qt.Key, *, ctrl: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(focused(view), key, modifier)


def type_text(qtbot: QtBot, view: GymView, text: str) -> None:
    qtbot.keyClicks(focused(view), text)


@dataclass
class CueLog:
    """Each cue with the rest's elapsed seconds at the moment it was reported."""

    view: GymView
    clock: FakeClock
    heard: list[tuple[str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.view.rests.cue_reached.connect(self._on_cue)

    def _on_cue(self, cue: str) -> None:
        rest = self.view.session.rest
        assert rest is not None, "a cue outside a rest"
        self.heard.append((cue, rest.elapsed(self.clock.now())))


def wait(view: GymView, clock: FakeClock, seconds: float, *, step: float = 1.0) -> None:
    """Let virtual time pass, redrawing as the 250 ms refresh would (in whole steps)."""
    remaining = seconds
    while remaining > 1e-9:
        chunk = min(step, remaining)
        clock.advance(chunk)
        remaining -= chunk
        view.rests.refresh()  # the rest timer's poll, 4x a second in the app
        view._render()  # the lifting stopwatch's redraw, 4x a second in the app
