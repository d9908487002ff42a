"""The runner answered the cramp report for the morning's long run when the import offered it:
the heavy session's summary that afternoon does not ask "did anything cramp?" again, and its
close stores no second report for the day."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.checkins import cramp_reports
from db.runs import runs_for
from db.store import Store
from desktop.gym.closing.finish import CrampAnswer, report_cramp
from tests.fake_clock import FakeClock
from tests.planning_support import OFFSCREEN_SIZE_HINTS
from tests.ui.gym_ui import open_view, press
from tests.ui.test_after_run import long_run_before_the_session, paris  # noqa: F401
from tests.ui.test_gym_light_time import to_summary

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def test_a_run_reported_from_the_import_is_not_asked_about_again(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    athlete = long_run_before_the_session(store, clock, tmp_path)
    (run,) = runs_for(store, athlete)
    answered = report_cramp(  # as the import's offer stores it: on the run's own day
        store,
        athlete_id=athlete,
        day=run.started_at.astimezone().date(),
        cramp=CrampAnswer(cramped=False),
        when=clock.wall(),
        run_km=run.distance_m / 1000,
    )
    assert answered is None

    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    to_summary(qtbot, view, clock)
    assert view.summary.after_run.isVisible()  # the run is named
    assert not view.summary.cramps.isVisible()  # but not asked about twice
    view.grab().save(str(tmp_path / "summary.png"))
    view.grab().save("/tmp/cramproof-summary-reported.png")
    press(qtbot, view, Qt.Key.Key_Return)
    assert view.session.finished
    assert len(cramp_reports(store, athlete)) == 1
