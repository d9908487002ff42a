"""Crash and resume: a real process SIGKILLed mid-session, and a new one picking it up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db.sessions import get_session, sets_for_session
from db.store import Store
from desktop.domain.rest.rest_timer import Phase
from desktop.gym.opening.start import abandon_session, resumable_session, resume_workout
from desktop.gym.underway.session import Stage
from tests.conftest import REPO_ROOT
from tests.fake_clock import FakeClock
from tests.gym_support import fake_clock, lift_set, open_log


def killed_in(data_dir: Path, scenario: str) -> tuple[int, datetime]:
    """Run the child until its scenario is done, SIGKILL it; its session id and wall time."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.session_child", str(data_dir), scenario],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.startswith("ready "), f"child failed: {line!r} {child.stderr.read()}"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()
    assert child.returncode == -signal.SIGKILL
    _ready, session_id, wall = line.split()
    return int(session_id), datetime.fromisoformat(wall)


@pytest.fixture
def reopen(data_dir: Path) -> Iterator[list[Store]]:
    opened: list[Store] = []
    yield opened
    for store in opened:
        store.close()


def later(wall: datetime, seconds: float) -> FakeClock:
    return fake_clock(wall + timedelta(seconds=seconds))


def test_killed_mid_rest_resumes_at_the_next_set_with_the_rest_still_running(
    data_dir: Path, reopen: list[Store]
) -> None:
    session_id, killed_at = killed_in(data_dir, "resting")
    clock = later(killed_at, 100)
    store = open_log(data_dir, now=clock.wall())
    reopen.append(store)
    assert len(sets_for_session(store, session_id)) == 2, "both saved sets survived"
    record = resumable_session(store, now=clock.wall())
    assert record is not None and record.id == session_id
    session = resume_workout(store, clock=clock, session_id=session_id)
    assert session.stage is Stage.RESTING
    assert session.next is not None
    assert (session.next.key, session.next.number, session.next.of) == ("back_squat", 3, 3)
    assert session.rest is not None
    assert session.rest.elapsed(clock.now()) == pytest.approx(175.0)
    assert session.rest.due_cues(clock.now()) == [], "nothing has come due yet"
    clock.advance(5)
    assert [cue.value for cue in session.rest.due_cues(clock.now())] == ["ready"]
    session.primary()
    session.primary()
    session.confirm()
    assert sets_for_session(store, session_id)[-1].rest_before_s == pytest.approx(180.0)


def test_killed_while_paused_resumes_paused_with_its_extension(
    data_dir: Path, reopen: list[Store]
) -> None:
    session_id, killed_at = killed_in(data_dir, "paused")
    clock = later(killed_at, 600)
    store = open_log(data_dir, now=clock.wall())
    reopen.append(store)
    session = resume_workout(store, clock=clock, session_id=session_id)
    rest = session.rest
    assert rest is not None and rest.is_paused
    assert rest.elapsed(clock.now()) == pytest.approx(60.0)
    assert rest.paused_seconds(clock.now()) == pytest.approx(20.0 + 5.0 + 600.0)
    display = rest.display(clock.now())
    assert (display.big_text, display.caption, display.paused) == ("2:30", "until ready", True)
    session.toggle_pause()
    clock.advance(150)
    assert rest.phase(clock.now()) is Phase.READY


def test_killed_mid_set_resumes_with_the_rest_before_that_set_still_running(
    data_dir: Path, reopen: list[Store]
) -> None:
    """The set under way was never saved, so the rest before it never ended: it is offered
    again, still counting, and stored with the set that is saved after the restart."""
    session_id, killed_at = killed_in(data_dir, "lifting")
    clock = later(killed_at, 30)
    store = open_log(data_dir, now=clock.wall())
    reopen.append(store)
    session = resume_workout(store, clock=clock, session_id=session_id)
    assert session.stage is Stage.RESTING and session.rest is not None
    assert session.rest.elapsed(clock.now()) == pytest.approx(200.0 + 10.0 + 30.0)
    assert session.next is not None and (session.next.key, session.next.number) == (
        "back_squat",
        2,
    )
    lift_set(session, clock)
    rows = sets_for_session(store, session_id)
    assert len(rows) == 2
    assert rows[-1].rest_before_s == pytest.approx(240.0)


def test_a_session_open_for_more_than_12_hours_is_closed_not_offered(
    data_dir: Path, reopen: list[Store]
) -> None:
    session_id, killed_at = killed_in(data_dir, "resting")
    clock = later(killed_at, 12 * 3600 + 1)
    store = open_log(data_dir, now=clock.wall())
    reopen.append(store)
    assert resumable_session(store, now=clock.wall()) is None
    closed = get_session(store, session_id)
    assert (closed.state, closed.rest_started_at) == ("abandoned", None)
    assert len(sets_for_session(store, session_id)) == 2


def test_declining_to_resume_keeps_the_sets_and_closes_the_session(
    data_dir: Path, reopen: list[Store]
) -> None:
    session_id, killed_at = killed_in(data_dir, "resting")
    clock = later(killed_at, 60)
    store = open_log(data_dir, now=clock.wall())
    reopen.append(store)
    abandon_session(store, session_id, now=clock.wall())
    assert resumable_session(store, now=clock.wall()) is None
    assert get_session(store, session_id).state == "abandoned"
    assert len(sets_for_session(store, session_id)) == 2
