"""The long run moved from Sunday to Saturday: the double day done on Saturday counts for Sunday
on the plan, in History and in the adherence the charts draw, not for Friday's speed day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.athletes import create_athlete
from db.plans import save_plan
from db.records import PlannedDayRecord, PlanRecord
from db.settings import set_setting
from db.store import Store
from desktop.history.history import HistoryLog
from desktop.plan.planning import Planning
from desktop.progress.series import ProgressSource
from desktop.runs.importing.importer import import_file
from desktop.ui.history.view import HistoryView
from desktop.ui.plan.view import PlanView
from tests.local_zone import local_zone
from tests.planning_support import (
    HEAVY_DONE,
    LIGHT_DONE,
    OFFSCREEN_SIZE_HINTS,
    at_noon,
    log_session,
)
from tests.runs.test_run_links import long_run_fit

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)
FRIDAY, SATURDAY, SUNDAY = date(2026, 2, 27), date(2026, 2, 28), date(2026, 3, 1)
TUESDAY = SUNDAY + timedelta(days=2)


@pytest.fixture(autouse=True)
def paris() -> Iterator[None]:
    with local_zone("Europe/Paris"):
        yield


def _plan(store: Store) -> tuple[int, int, int]:
    """Ana's build-up: a speed-run double day on Friday, the long-run one on Sunday."""
    created = datetime.combine(FRIDAY - timedelta(days=7), time(9)).astimezone()
    athlete = create_athlete(store, "Ana", created_at=created)
    set_setting(store, "last_athlete_id", str(athlete.id))
    # Weeks run Sunday to Saturday (counted back from a Sunday race): Friday is in week 1,
    # Sunday opens week 2, so a session credited to the wrong day shows in the wrong week.
    days = [
        PlannedDayRecord(
            date=day, after=after, conditional=False, week=week, weeks_out=15 - week, phase="phase2"
        )  # type: ignore[arg-type]
        for day, after, week in ((FRIDAY, "speed_run", 1), (SUNDAY, "long_run", 2))
    ]
    record = PlanRecord(
        athlete_id=athlete.id,
        race_date=SUNDAY + timedelta(weeks=13),
        weeks=14,
        long_run_day=SUNDAY.weekday(),
        speed_day=FRIDAY.weekday(),
        cramp_sites=("none",),
        units="kg",
        created_at=created,
        options={"selection": {"include_finisher": False, "include_accessory": False}},
    )
    plan = save_plan(store, record, days)
    ids = dict(store.db.execute("SELECT after, id FROM planned_days WHERE plan_id = ?", [plan.id]))
    return athlete.id, ids["speed_run"], ids["long_run"]


def test_the_double_day_moves_with_the_long_run_and_counts_as_done(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    athlete, friday_id, sunday_id = _plan(store)
    log_session(store, athlete_id=athlete, kind="heavy", day=SATURDAY, sets=HEAVY_DONE)
    log_session(store, athlete_id=athlete, kind="light", day=SATURDAY, sets=LIGHT_DONE)
    run_end = at_noon(SATURDAY) - timedelta(minutes=40)  # the sessions were logged at noon UTC
    now = datetime.combine(TUESDAY, time(18)).astimezone()
    import_file(store, athlete, long_run_fit(tmp_path, run_end), now)

    overview = Planning(store, now=lambda: now).overview()
    assert overview is not None
    view = PlanView(overview)
    qtbot.addWidget(view)
    view.resize(1366, 680)
    view.show()
    qtbot.waitExposed(view)
    cells = {}
    for day_id in (friday_id, sunday_id):
        cell = view.table.day_cell(day_id)
        assert cell is not None
        cells[day_id] = view.table.item(*cell).text()
    assert cells == {friday_id: "27 Feb  H ✗  L ✗", sunday_id: "1 Mar  H ✓  L ✓"}
    view.table.setCurrentCell(*view.table.day_cell(sunday_id))
    assert "Heavy session started 40 min after a 30.2 km long run" in view.detail.text()
    view.grab().save(str(tmp_path / "plan.png"))

    history = HistoryView(HistoryLog(store, now=lambda: now))
    qtbot.addWidget(history)
    history.show()
    model = history.sessions_model
    assert {model.data(model.index(row, 4)) for row in range(2)} == {
        "½ double day (Sun 1 Mar)",
        "½ double day (Sun 1 Mar) · started 40 min after a 30.2 km long run",
    }

    weeks = ProgressSource(store, now=lambda: now).load().weeks
    done = {week.week.start: week.done for week in weeks[:2]}
    assert done == {FRIDAY - timedelta(days=5): 0.0, SUNDAY: 1.0}
