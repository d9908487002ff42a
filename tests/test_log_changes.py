"""The log-change notification without Qt: the use cases report each committed write once."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from db.sessions import sets_for_session
from db.store import Store
from desktop.gym.opening.start import start_workout
from desktop.history.history import HistoryLog
from desktop.plan.planning import Planning
from desktop.runtime.changes import Change, LogChanges
from tests.fake_clock import FakeClock
from tests.gym_support import lift_set, plan_for_today
from tests.planning_support import BEFORE_START, FORM, open_harness


def test_listeners_hear_each_change_in_order_until_they_unsubscribe() -> None:
    changes, heard = LogChanges(), []
    stop = changes.subscribe(lambda change: heard.append(("a", change)))
    changes.subscribe(lambda change: heard.append(("b", change)))
    changes.report("set", session_id=7)
    stop()
    changes.report("plan")
    assert heard == [
        ("a", Change("set", 7)),
        ("b", Change("set", 7)),
        ("b", Change("plan", None)),
    ]


def test_a_failing_listener_does_not_keep_the_change_from_the_others(
    caplog: pytest.LogCaptureFixture,
) -> None:
    changes, heard = LogChanges(), []

    def broken(_change: Change) -> None:
        raise RuntimeError("screen gone")

    changes.subscribe(broken)
    changes.subscribe(heard.append)
    with caplog.at_level(logging.ERROR):
        changes.report("checkin")
    assert heard == [Change("checkin")]
    assert "A listener failed" in caplog.text


def test_two_logs_never_hear_each_other() -> None:
    first, second, heard = LogChanges(), LogChanges(), []
    first.subscribe(heard.append)
    second.report("restore")
    assert heard == []


def test_a_gym_session_reports_its_start_each_set_and_its_finish(
    store: Store, clock: FakeClock
) -> None:
    plan_for_today(store, clock)
    changes, heard = LogChanges(), []
    changes.subscribe(heard.append)
    session = start_workout(store, clock=clock, changes=changes)
    sid = session.session_id
    assert heard == [Change("session", sid)]
    lift_set(session, clock)
    assert heard[1:] == [Change("set", sid)]
    session.end_early()
    session.confirm()
    assert session.finish(notes="")
    assert heard[2:] == [Change("session", sid)]


def test_history_reports_corrections_deletions_undo_and_redo_as_its_own(
    store: Store, clock: FakeClock
) -> None:
    plan_for_today(store, clock)
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    set_id = sets_for_session(store, session.session_id)[0].id
    changes, heard = LogChanges(), []
    changes.subscribe(heard.append)
    history = HistoryLog(store, now=clock.wall, changes=changes)
    history.edit_set(set_id, reps=4, load=40.0, form_held=True)
    history.delete_set(set_id)
    history.undo()
    history.redo()
    assert [change.what for change in heard] == ["set", "set", "session", "session"]
    assert all(change.by is history for change in heard)


def test_planning_reports_a_new_plan_a_variant_and_a_checkin(data_dir: Path) -> None:
    with open_harness(data_dir) as harness:
        changes, heard = LogChanges(), []
        changes.subscribe(heard.append)
        planning = Planning(harness.store, now=harness.clock, changes=changes)
        planning.set_up(FORM)
        assert {change.what for change in heard} >= {"athlete", "plan"}
        heard.clear()
        planning.swap_variant("squat", "front_squat")
        planning.record_checkin(BEFORE_START, pain=False, recovered=True)
        assert [change.what for change in heard] == ["plan", "checkin"]
