"""The session's changes (pause, +30 s, extra set, skip, swap, end) are a part that stands
alone: given a book, the rests, the shared flow and two calls, not a mixin calling back into
stubs its host must override."""

from __future__ import annotations

import inspect

from db.store import Store
from desktop.domain.gym.workout import Prompt, Stage
from desktop.gym.opening.start import start_workout
from desktop.gym.underway import changes, session
from desktop.gym.underway.changes import Flow, SessionChanges
from desktop.gym.underway.session import WorkoutSession
from tests.fake_clock import FakeClock


def test_the_session_holds_its_changes_instead_of_inheriting_them() -> None:
    assert not issubclass(WorkoutSession, SessionChanges)
    for module in (changes, session):
        assert "NotImplementedError" not in inspect.getsource(module)


def test_the_changes_work_on_what_they_are_given(store: Store, clock: FakeClock) -> None:
    """Driven without a WorkoutSession around them: the layout is stored, the flow moves, and
    the two calls they were given are the only way back."""
    under_way = start_workout(store, clock=clock, kind="heavy")
    book, rests = under_way.book, under_way.rests
    calls: list[str] = []
    flow = Flow(Stage.READY)
    part = SessionChanges(
        book,
        rests,
        flow,
        save=lambda: calls.append("save") is None,
        to_summary=lambda: calls.append("summary"),
    )
    first = book.next
    assert first is not None
    part.skip_exercise()
    assert book.next is not None and book.next.key != first.key
    part.open_swap()
    assert flow.prompt is Prompt.SWAP
    part.choose_swap(0)
    assert flow.prompt is None
    part.end_early()
    assert flow.prompt is Prompt.END
    flow.prompt, flow.stage = None, Stage.LOGGING
    part.end_early()
    assert calls == ["save"], "a set done but not saved is saved before ending"
    while book.next is not None:
        flow.prompt, flow.stage = None, Stage.READY
        part.skip_exercise()
    assert calls[-1] == "summary"
