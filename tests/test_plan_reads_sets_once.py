"""The Plan screen counts the work sets of a build-up's sessions with one grouped query, so a
build-up of many logged sessions opens with as few reads as one with a single session."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from db.store import Store
from desktop.plan.planning import Planning
from tests.planning_support import (
    BEFORE_START,
    FORM,
    HEAVY_DONE,
    WEEK1,
    SettableClock,
    log_session,
    open_test_store,
)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_test_store(data_dir)
    yield opened
    opened.close()


def test_eight_weeks_of_sessions_are_counted_in_one_read_of_the_sets(store: Store) -> None:
    clock = SettableClock(BEFORE_START)
    planning = Planning(store, now=clock)
    overview = planning.set_up(FORM)
    athlete = planning.current_athlete()
    assert athlete is not None
    ids = {entry.day.date: entry.day_id for entry in overview.days}
    days = [WEEK1 + timedelta(weeks=week) for week in range(8)]
    for day in days:
        log_session(
            store,
            athlete_id=athlete.id,
            kind="heavy",
            day=day,
            sets=HEAVY_DONE,
            planned_day_id=ids[day],
            warmups=2,
        )
    clock.set_day(days[-1] + timedelta(days=1))
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        overview = planning.overview()
    finally:
        store.db.conn.set_trace_callback(None)
    assert overview is not None
    logged = {ids[day] for day in days}
    heavy = [entry.heavy for entry in overview.days if entry.day_id in logged]
    assert heavy == ["done"] * 8, "each counted, warm-ups left out"
    reads_of_sets = [s for s in statements if "FROM sets" in " ".join(s.split())]
    assert len(reads_of_sets) == 1, reads_of_sets
