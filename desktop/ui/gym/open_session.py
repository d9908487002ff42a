"""Opening gym mode: offer to resume a session left open by a crash, else start today's.

What the main window and `cramproof gym [--kind heavy|light]` call. The timer is never behind a
form: on a fresh install a default athlete is created and an unplanned session starts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from db.store import Store
from desktop.domain.clock import Clock, SystemClock
from desktop.domain.model import SessionKind
from desktop.domain.rest_timer import format_seconds
from desktop.domain.workout import shown_name
from desktop.gym.session import Stage, WorkoutSession
from desktop.gym.start import (
    abandon_session,
    resumable_session,
    resume_workout,
    start_workout,
)
from desktop.runtime.changes import LogChanges
from desktop.ui.alerts.screen_awake import ScreenAwake
from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.gym.view import GymView

log = logging.getLogger(__name__)

AskResume = Callable[[str], bool | None]
"""Answers the resume offer: True resume, False start a new one, None not answered (the window
closed under the question: a logout, a SIGTERM)."""


class ResumeUnanswered(Exception):
    """The resume question went unanswered: the open session stays open, to be offered again."""


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
    screen: ScreenAwake | None = None,
    ask_resume: AskResume | None = None,
    parent: QWidget | None = None,
    changes: LogChanges | None = None,
) -> GymView:
    """A GymView on the resumed or a new session; `ask_resume(text)` answers the offer."""
    clock = clock or SystemClock()
    session = _resumed(store, clock=clock, ask=ask_resume or _asker(parent), changes=changes)
    if session is None:
        session = start_workout(store, clock=clock, kind=kind, changes=changes)
    return GymView(session, player=player, screen=screen, parent=parent)


def resume_text(session: WorkoutSession) -> str:
    """The offer, in the runner's words: which session, where it stopped, the rest so far."""
    record, upcoming = session.book.record, session.next
    started = record.started_at.astimezone().strftime("%A %H:%M")
    text = f"Your {session.plan.kind} session from {started} is still open"
    if upcoming is not None:
        name = shown_name(session.plan.kind, upcoming.key)
        kind = "warm-up" if upcoming.warmup else "set"
        text += f": next is {name}, {kind} {upcoming.number} of {upcoming.of}"
    if session.stage is Stage.RESTING and session.rest is not None:
        elapsed = session.rest.elapsed(session.clock.now())
        text += f", resting for {format_seconds(int(elapsed))}"
    saved = len(session.book.logged)
    kept = "1 saved set is" if saved == 1 else f"{saved} saved sets are"
    return f"{text}. {kept} kept either way. Resume it?"


def _resumed(
    store: Store, *, clock: Clock, ask: AskResume, changes: LogChanges | None
) -> WorkoutSession | None:
    record = resumable_session(store, now=clock.wall())
    if record is None:
        return None
    try:
        session = resume_workout(store, clock=clock, session_id=record.id, changes=changes)
    except (ValueError, KeyError, LookupError) as error:
        log.warning("Session %s cannot be resumed (%s); closing it", record.id, error)
        abandon_session(store, record.id, now=clock.wall(), changes=changes)
        return None
    log.info("Asking whether to resume session %s", record.id)
    answer = ask(resume_text(session))
    if answer is None:
        raise ResumeUnanswered(f"session {record.id} left open")
    if answer:
        return session
    abandon_session(store, record.id, now=clock.wall(), changes=changes)
    return None


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
