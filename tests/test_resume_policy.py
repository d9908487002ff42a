"""The resume policy without a window: which session gym mode opens after a crash, the offer's
words, what each answer does, and the unanswered question that leaves the session open."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from db.sessions import get_session, open_sessions, sets_for_session
from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.gym.opening.resume import ResumeUnanswered, session_to_open
from desktop.gym.opening.start import start_workout
from tests.conftest import REPO_ROOT
from tests.fake_clock import FakeClock
from tests.gym_support import fake_clock, lift_set, open_log, plan_for_today


@pytest.fixture
def clock() -> FakeClock:
    return fake_clock()


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Iterator[Store]:
    opened = open_log(data_dir)
    plan_for_today(opened, clock)
    yield opened
    opened.close()


class Asked:
    """Answers the offer with `answer` and keeps each question asked."""

    def __init__(self, answer: bool | None) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, text: str) -> bool | None:
        self.questions.append(text)
        return self.answer


def crashed_mid_rest(store: Store, clock: FakeClock) -> int:
    """A session left open 75 s into the rest after its first set, as a SIGKILL leaves it."""
    session = start_workout(store, clock=clock, kind="heavy")
    lift_set(session, clock)
    clock.advance(75)
    return session.session_id


def test_with_nothing_open_a_new_session_starts_and_nothing_is_asked(
    store: Store, clock: FakeClock
) -> None:
    asked = Asked(True)
    session = session_to_open(store, clock=clock, ask=asked, kind="light")
    assert asked.questions == []
    assert (session.plan.kind, session.stage) == ("light", Stage.READY)


def test_the_offer_says_which_session_where_it_stopped_and_that_sets_are_kept(
    store: Store, clock: FakeClock
) -> None:
    session_id = crashed_mid_rest(store, clock)
    asked = Asked(True)
    later = fake_clock(clock.wall() + timedelta(seconds=20))
    session = session_to_open(store, clock=later, ask=asked)
    [question] = asked.questions
    assert "heavy session" in question and "is still open" in question
    assert "next is Back squat, set 2 of 3" in question
    assert "resting for 1:35" in question
    assert question.endswith("1 saved set is kept either way. Resume it?")
    assert (session.session_id, session.stage) == (session_id, Stage.RESTING)


def test_no_closes_the_open_session_keeping_its_sets_and_starts_a_new_one(
    store: Store, clock: FakeClock
) -> None:
    session_id = crashed_mid_rest(store, clock)
    session = session_to_open(store, clock=clock, ask=Asked(False))
    assert session.session_id != session_id
    assert get_session(store, session_id).state == "abandoned"
    assert len(sets_for_session(store, session_id)) == 1
    athlete_id = get_session(store, session_id).athlete_id
    assert [s.id for s in open_sessions(store, athlete_id)] == [session.session_id]


def test_an_unanswered_offer_leaves_the_session_open_and_starts_none(
    store: Store, clock: FakeClock
) -> None:
    session_id = crashed_mid_rest(store, clock)
    with pytest.raises(ResumeUnanswered):
        session_to_open(store, clock=clock, ask=Asked(None))
    assert get_session(store, session_id).state == "in_progress"
    athlete_id = get_session(store, session_id).athlete_id
    assert [s.id for s in open_sessions(store, athlete_id)] == [session_id]
    again = Asked(True)
    assert session_to_open(store, clock=clock, ask=again).session_id == session_id
    assert len(again.questions) == 1, "offered again on the next start"


def test_the_policy_loads_no_qt() -> None:
    code = (
        "import sys, desktop.gym.opening.resume; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
