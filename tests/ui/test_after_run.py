"""After importing the morning's long run, the heavy session's summary, History and the plan
each say how soon after the run the session began, in the words the runner reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.history.history import HistoryLog
from desktop.plan.planning import Planning
from desktop.runs.importing.importer import import_file
from desktop.ui.history.view import HistoryView
from desktop.ui.plan.view import PlanView
from tests.fake_clock import FakeClock
from tests.gym_support import local_day, plan_for_today
from tests.local_zone import local_time, local_zone
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.runs.test_run_links import long_run_fit
from tests.ui.gym_ui import open_view, press
from tests.ui.test_gym_light_time import to_summary

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)
K = Qt.Key
WORDS = "started 25 min after a 30.2 km long run"


@pytest.fixture(autouse=True)
def paris() -> Iterator[None]:
    with local_zone("Europe/Paris"):
        yield


def long_run_before_the_session(store: Store, clock: FakeClock, tmp_path: Path) -> int:
    """Today planned, 11:00, and a 30.2 km long run imported that ended 25 min 20 s ago; the
    athlete's id."""
    athlete, _day = plan_for_today(store, clock)
    clock.set_wall(local_time(local_day(clock), 11, 0))
    run_end = clock.wall() - timedelta(minutes=25, seconds=20)
    import_file(store, athlete, long_run_fit(tmp_path, run_end), clock.wall())
    return athlete


def test_summary_history_and_plan_say_the_session_followed_the_long_run(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    long_run_before_the_session(store, clock, tmp_path)
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    to_summary(qtbot, view, clock)
    label = view.summary.after_run
    assert label.isVisible() and label.text() == "S" + WORDS[1:]
    view.grab().save(str(tmp_path / "summary.png"))
    press(qtbot, view, K.Key_Return)
    assert view.session.finished and label.text() == "S" + WORDS[1:]

    history = HistoryView(HistoryLog(store, now=clock.wall))
    qtbot.addWidget(history)
    history.resize(1366, 768)
    history.show()
    qtbot.waitExposed(history)
    model = history.sessions_model
    shown = model.data(model.index(0, 4))
    assert shown.endswith(f" · {WORDS}"), shown
    history.grab().save(str(tmp_path / "history.png"))

    overview = Planning(store, now=clock.wall).overview()
    assert overview is not None
    plan = PlanView(overview)
    qtbot.addWidget(plan)
    plan.resize(1366, 680)
    plan.show()
    qtbot.waitExposed(plan)
    assert f"Heavy session {WORDS}" in plan.detail.text()
    plan.grab().save(str(tmp_path / "plan.png"))
