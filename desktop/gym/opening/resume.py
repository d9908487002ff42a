"""Which session gym mode opens: the one a crash left open, if the runner says so, else today's.

Qt-free, so the policy is tested without a window: the offer's text, what each answer does, and
the rule that an unanswered question (the window closed under it: a logout, a SIGTERM) leaves the
open session open, to be offered again. The gym screen only asks the question
(`desktop.ui.gym.open_session`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from db.store import Store
from desktop.domain.buildup.model import SessionKind
from desktop.domain.gym.workout import Prompt, Stage, shown_name
from desktop.domain.rest.clock import Clock
from desktop.domain.rest.rest_timer import format_seconds
from desktop.gym.opening.start import (
    abandon_session,
    resumable_session,
    resume_workout,
    start_workout,
)
from desktop.gym.opening.today import current_athlete, taper_words
from desktop.gym.underway.session import WorkoutSession
from desktop.runtime.changes import LogChanges

log = logging.getLogger(__name__)

AskResume = Callable[[str], bool | None]
"""Answers the resume offer: True resume, False start a new one, None not answered (the window
closed under the question: a logout, a SIGTERM)."""


AskTaper = Callable[[str], bool]
"""Answers the taper's question: True starts a session anyway, False (Enter) starts none."""


class NotStarted(Exception):
    """The runner chose not to start a session in the taper: nothing was written."""


class ResumeUnanswered(Exception):
    """The resume question went unanswered: the open session stays open, to be offered again."""


def session_to_open(
    store: Store,
    *,
    clock: Clock,
    ask: AskResume,
    kind: SessionKind | None = None,
    changes: LogChanges | None = None,
) -> WorkoutSession:
    """The open session if `ask(offer)` says resume, else a new one of `kind` (today's default
    when None); an open session that cannot be resumed is closed and a new one starts.
    Raises ResumeUnanswered, touching nothing, when the question goes unanswered."""
    return opened_session(store, clock=clock, ask=ask, kind=kind, changes=changes)[0]


def opened_session(
    store: Store,
    *,
    clock: Clock,
    ask: AskResume,
    kind: SessionKind | None = None,
    changes: LogChanges | None = None,
    ask_taper: AskTaper | None = None,
) -> tuple[WorkoutSession, bool]:
    """`session_to_open`, and whether the session is a resumed one: the voice then says so.
    In the taper a new session starts only if `ask_taper(words)` says so (raises NotStarted)."""
    session = resumed_session(store, clock=clock, ask=ask, changes=changes)
    if session is not None:
        return session, True
    words = taper_words(store, now=clock.wall()) if ask_taper is not None else None
    if ask_taper is not None and words is not None and not ask_taper(words):
        log.info("No session started: the runner is in the taper")
        raise NotStarted("taper")
    return start_workout(store, clock=clock, kind=kind, changes=changes), False


def resumed_session(
    store: Store, *, clock: Clock, ask: AskResume, changes: LogChanges | None = None
) -> WorkoutSession | None:
    """The open session if the runner wants it back; None once it is closed or if none is open."""
    wall = clock.wall()
    record = resumable_session(store, now=wall, athlete_id=current_athlete(store, now=wall))
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


def resume_text(session: WorkoutSession) -> str:
    """The offer, in the runner's words: which session, where it stopped, the rest so far.
    Where it stopped is what the screen opens on: a first-time load question open on resume
    is named, not the set it comes before."""
    record, upcoming = session.book.record, session.next
    started = record.started_at.astimezone().strftime("%A %H:%M")
    text = f"Your {session.plan.kind} session from {started} is still open"
    if session.prompt is Prompt.START_LOAD:
        text += f": next is the starting load for {session.start_load.name}"
    elif upcoming is not None:
        name = shown_name(session.plan.kind, upcoming.key)
        kind = "warm-up" if upcoming.warmup else "set"
        text += f": next is {name}, {kind} {upcoming.number} of {upcoming.of}"
    if session.stage is Stage.RESTING and session.rest is not None:
        elapsed = session.rest.elapsed(session.clock.now())
        text += f", resting for {format_seconds(int(elapsed))}"
    saved = len(session.book.logged)
    if not saved:
        return f"{text}. No set was saved yet. Resume it?"
    kept = "1 saved set is" if saved == 1 else f"{saved} saved sets are"
    return f"{text}. {kept} kept either way. Resume it?"
