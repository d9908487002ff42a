"""Opening gym mode: the resume question box, and the gym screen on the session chosen.

What the main window and `cramproof gym [--kind heavy|light]` call. Which session to offer, the
offer's words and what each answer does are `desktop.gym.opening.resume`'s; this module only asks.
The timer is never behind a form: on a fresh install a default athlete is created and an unplanned
session starts.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from db.store import Store
from desktop.domain.buildup.model import SessionKind
from desktop.domain.rest.clock import Clock, SystemClock
from desktop.gym.opening.resume import (
    AskResume,
    AskTaper,
    NotStarted,
    ResumeUnanswered,
    opened_session,
)
from desktop.gym.underway.spoken import resumed_cue_words
from desktop.runtime.changes import LogChanges
from desktop.ui.alerts.screen_awake import ScreenAwake
from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.alerts.voice import Voice
from desktop.ui.gym.view import GymView

__all__ = ["AskResume", "AskTaper", "NotStarted", "ResumeUnanswered", "open_gym"]

QUESTION_PX = 32  # larger than gym mode's banner questions (26 px), bold
RESUME_BOX_STYLE = (
    f"QLabel {{ font-size: {QUESTION_PX}px; font-weight: bold; }}"
    "QPushButton { font-size: 26px; font-weight: bold; padding: 14px 28px; }"
)


def open_gym(
    store: Store,
    *,
    kind: SessionKind | None = None,
    clock: Clock | None = None,
    player: CuePlayer | None = None,
    voice: Voice | None = None,
    screen: ScreenAwake | None = None,
    ask_resume: AskResume | None = None,
    ask_taper: AskTaper | None = None,
    parent: QWidget | None = None,
    changes: LogChanges | None = None,
) -> GymView:
    """A GymView on the resumed or a new session; `ask_resume(text)` answers the offer. A
    resumed session is said aloud ("Resumed: Back squat, set 3 of 4."): the runner who answered
    the question may already be back at the rack. In the taper a new session is asked about
    first (`ask_taper`); declined, NotStarted is raised and nothing is written. An unmuted
    player loads its sounds on the turn after the screen is built: with no audio output the
    screen says "No sound" from the start, not at the first rest's failed cue."""
    clock = clock or SystemClock()
    ask = ask_resume or _asker(parent)
    session, resumed = opened_session(
        store,
        clock=clock,
        ask=ask,
        kind=kind,
        changes=changes,
        ask_taper=ask_taper or _taper_asker(parent),
    )
    view = GymView(session, player=player, voice=voice, screen=screen, parent=parent)
    if not view.player.muted:  # asked as the screen opens, so it never says "Sound on" untrue
        QTimer.singleShot(0, view.player, view.player.prepare)
    if resumed:
        view.rests.announce(resumed_cue_words(session))
    return view


def _asker(parent: QWidget | None) -> AskResume:
    def ask(text: str) -> bool | None:
        box = QMessageBox(parent)
        box.setWindowTitle("Resume the open session?")
        box.setText(text)
        # Asked at the rack, like the banner's questions: read from 3 m, answered by Enter.
        box.setStyleSheet(RESUME_BOX_STYLE)
        resume = box.addButton("Resume", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Start a new session", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(resume)
        # Esc clicks "Start a new session". A box closed under the runner (the window closing
        # on a logout) also reports that button as clicked, but emits no click: not an answer.
        clicked: list[object] = []
        box.buttonClicked.connect(clicked.append)
        try:
            box.exec()
            return clicked[-1] is resume if clicked else None
        finally:
            box.deleteLater()  # asked once per start; the window must not collect them

    return ask


def _taper_asker(parent: QWidget | None) -> AskTaper:
    """The taper's question, as large as the resume offer: Enter (or Esc) goes back to the plan,
    S starts a session anyway (a runner told to by a coach, a test session)."""

    def ask(text: str) -> bool:
        box = QMessageBox(parent)
        box.setWindowTitle("Taper: no strength work")
        box.setText(text)
        box.setStyleSheet(RESUME_BOX_STYLE)
        back = box.addButton("Back to the plan", QMessageBox.ButtonRole.RejectRole)
        anyway = box.addButton("&Start anyway", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        try:
            box.exec()
            return box.clickedButton() is anyway
        finally:
            box.deleteLater()

    return ask
