"""Stored text forms: one fixed-width UTC form for times (text order is time order), ISO days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.records import date_text, from_date_text, from_utc_text, utc_text

BERLIN_SUMMER = timezone(timedelta(hours=2))


def test_times_are_stored_in_utc() -> None:
    local = datetime(2025, 6, 1, 9, 15, 30, 250000, tzinfo=BERLIN_SUMMER)
    assert utc_text(local) == "2025-06-01T07:15:30.250000+00:00"
    assert from_utc_text(utc_text(local)) == local
    assert from_utc_text(utc_text(local)).tzinfo == UTC


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        utc_text(datetime(2025, 6, 1, 9, 0))


aware = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([UTC, BERLIN_SUMMER, timezone(timedelta(hours=-7))]),
)


@given(aware, aware)
def test_text_order_is_time_order_and_round_trips_exactly(
    first: datetime, second: datetime
) -> None:
    assert (utc_text(first) < utc_text(second)) == (first < second)
    assert from_utc_text(utc_text(first)) == first


def test_days_are_iso_and_datetimes_are_not_days() -> None:
    assert date_text(date(2025, 3, 9)) == "2025-03-09"
    assert from_date_text("2025-03-09") == date(2025, 3, 9)
    with pytest.raises(ValueError):
        date_text(datetime(2025, 3, 9, tzinfo=UTC))
