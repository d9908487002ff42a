"""Which planned day a session counts for is decided once: the plan, Progress and History agree.

A session done a day after its planned double day (the long run moved, the gym was shut) and not
linked to it counts for that day on every screen, through `desktop.domain.progress.day_status`.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from desktop.domain.progress.day_status import logged_session, session_day
from desktop.history.history import HistoryLog
from desktop.plan.planning import Planning
from desktop.progress.series import ProgressSource
from tests.planning_support import FORM, HEAVY_DONE, LIGHT_DONE, WEEK1, log_session, open_harness


def plan_status(planning: Planning) -> str:
    overview = planning.overview()
    assert overview is not None
    [first] = [entry for entry in overview.days if entry.day.date == WEEK1]
    return first.status


@pytest.mark.parametrize(
    ("kinds", "status", "credit"),
    [(("heavy", "light"), "done", 1.0), (("heavy",), "partly", 0.5)],
    ids=["both", "heavy-only"],
)
def test_a_session_logged_a_day_late_counts_for_the_same_day_everywhere(
    data_dir: Path, kinds: tuple[str, ...], status: str, credit: float
) -> None:
    with open_harness(data_dir) as harness:
        harness.planning.set_up(FORM)
        late = WEEK1 + timedelta(days=1)
        for kind in kinds:
            log_session(
                harness.store,
                athlete_id=harness.athlete_id(),
                kind=kind,  # type: ignore[arg-type]
                day=late,
                sets=HEAVY_DONE if kind == "heavy" else LIGHT_DONE,
            )
        harness.clock.set_day(WEEK1 + timedelta(days=4))  # the one-day slack is over

        assert plan_status(harness.planning) == status
        weeks = ProgressSource(harness.store, now=harness.clock).load().weeks
        [week1] = [week for week in weeks if week.week.start <= WEEK1 <= week.week.end]
        assert (week1.done, week1.extra) == (credit, 0)
        lines = HistoryLog(harness.store, now=harness.clock).sessions()
        assert [line.planned_date for line in lines] == [WEEK1] * len(kinds)


def test_a_session_begun_before_midnight_is_done_on_the_day_it_began() -> None:
    late_evening = datetime.combine(WEEK1, time(23, 50)).astimezone()  # the runner's own clock
    session = logged_session(late_evening.astimezone(UTC), "heavy", None, {"back_squat": 3})
    assert session_day(late_evening + timedelta(minutes=20)) == WEEK1 + timedelta(days=1)
    assert session.date == WEEK1
