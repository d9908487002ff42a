"""The plan reads the sessions near its days and those linked to them, never fewer: every session
the plan could count is read, whatever the computer's time zone, and a five-year log's other
sessions are not."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.athletes import create_athlete
from db.session_reach import sessions_in_reach
from db.sessions import sessions_for_athlete, start_session
from db.store import Store
from desktop.domain.progress.day_status import session_day
from tests.fake_clock import FakeClock
from tests.gym_support import plan_for_today

FIRST = datetime(2022, 1, 3, tzinfo=UTC)
NAMES = count()


@pytest.fixture(params=["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Paris", "UTC"])
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The computer's own zone, which decides a session's day (from +14 h to -11 h)."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    first=st.integers(0, 5 * 365),
    length=st.integers(0, 120),
    near_first=st.lists(st.integers(-40, 40), max_size=12),
    near_last=st.lists(st.integers(-40, 40), max_size=12),
    elsewhere=st.lists(st.integers(0, 5 * 365 * 24), max_size=12),
)
def test_every_session_begun_on_the_days_is_read(
    store: Store,
    zone: str,
    first: int,
    length: int,
    near_first: list[int],
    near_last: list[int],
    elsewhere: list[int],
) -> None:
    """Sessions around the window's edges (hours from its first and last days' UTC midnights)
    and anywhere in five years."""
    athlete = create_athlete(store, f"Runner {next(NAMES)}").id
    days = (FIRST.date() + timedelta(days=first), FIRST.date() + timedelta(days=first + length))
    opening = FIRST + timedelta(days=first)
    closing = opening + timedelta(days=length + 1)
    moments = [opening + timedelta(hours=h) for h in near_first]
    moments += [closing + timedelta(hours=h) for h in near_last]
    moments += [FIRST + timedelta(hours=h) for h in elsewhere]
    for moment in moments:
        start_session(
            store, athlete_id=athlete, kind="heavy", planned_day_id=None, started_at=moment
        )
    read = sessions_in_reach(store, athlete, days=days, planned_day_ids=())
    wanted = {
        s.id
        for s in sessions_for_athlete(store, athlete)
        if days[0] <= session_day(s.started_at) <= days[1]
    }
    assert wanted <= {s.id for s in read}
    assert all(  # and none further than a day beyond, in any zone
        days[0] - timedelta(days=2) <= s.started_at.date() <= days[1] + timedelta(days=2)
        for s in read
    )


def test_a_session_linked_to_a_planned_day_is_read_wherever_it_fell(
    store: Store, clock: FakeClock
) -> None:
    athlete, day_id = plan_for_today(store, clock)
    long_ago = start_session(
        store,
        athlete_id=athlete,
        kind="heavy",
        planned_day_id=day_id,
        started_at=datetime(2020, 5, 1, 9, tzinfo=UTC),
    )
    elsewhere = date(2024, 1, 1), date(2024, 1, 31)
    linked = sessions_in_reach(store, athlete, days=elsewhere, planned_day_ids=[day_id])
    assert [s.id for s in linked] == [long_ago.id]
    assert sessions_in_reach(store, athlete, days=None, planned_day_ids=[day_id]) == linked
    assert sessions_in_reach(store, athlete, days=elsewhere, planned_day_ids=[]) == []
