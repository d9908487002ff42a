"""What the voice says for a session's cue: the set the gym screen shows, as words.

Qt-free: it reads the same values the set panel draws (the next set, the load the session will
prefill, the runner's units) so the voice can never name a different set from the screen.
"""

from __future__ import annotations

from desktop.domain.gym.workout import Prompt, shown_name
from desktop.domain.rest.rest_timer import Cue
from desktop.domain.rest.spoken_cues import SpokenSet, max_words, ready_words, resumed_words
from desktop.gym.underway.session import WorkoutSession


def upcoming_set(session: WorkoutSession) -> SpokenSet | None:
    """The next set as the screen shows it, or None when the last one is done."""
    upcoming = session.next
    if upcoming is None:
        return None
    return SpokenSet(
        name=shown_name(session.plan.kind, upcoming.key),
        warmup=upcoming.warmup,
        number=upcoming.number,
        of=upcoming.of,
        load_kg=session.book.planned_load_kg(upcoming),
        units=session.units,
    )


def cue_words(session: WorkoutSession, cue: Cue) -> str:
    """The sentence for a rest cue; MAX names the rest's maximum as it stands (+30 s included)."""
    kind = session.plan.kind
    if cue is Cue.READY:
        return ready_words(upcoming_set(session), kind=kind)
    rest = session.rest
    max_s = rest.window.max_s if rest is not None else session.plan.rest.max_s
    return max_words(max_s, kind=kind)


def resumed_cue_words(session: WorkoutSession) -> str:
    """Said once when a session is resumed: which one, and what comes next, as the screen
    shows it (a first-time load question open on resume, not the set after it)."""
    if session.prompt is Prompt.START_LOAD:
        return f"Resumed: the starting load for {session.start_load.name}."
    return resumed_words(upcoming_set(session), kind=session.plan.kind)
