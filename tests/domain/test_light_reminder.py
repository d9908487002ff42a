"""The light session's proposed time: heavy end + delay, never after the evening cut-off."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.domain.buildup.light_reminder import (
    LightReminderSettings,
    nudge_light_time,
    propose_light_time,
)

DAY = datetime(2027, 3, 14)


def at(hour: int, minute: int = 0) -> datetime:
    return DAY.replace(hour=hour, minute=minute)


@pytest.mark.parametrize(
    ("heavy_end", "expected"),
    [
        (at(9, 0), at(15, 0)),  # a morning long run: six hours later
        (at(11, 30), at(17, 30)),
        (at(15, 0), at(21, 0)),  # exactly at the cut-off is allowed
        (at(15, 1), at(21, 0)),  # one minute past: clipped
        (at(19, 45), at(21, 0)),  # an evening heavy session: the cut-off
        (at(20, 59), at(21, 0)),
        (at(21, 0), None),  # ending at the cut-off: nothing later that day
        (at(22, 30), None),  # ending late: no time in the past is proposed
    ],
)
def test_default_proposal(heavy_end: datetime, expected: datetime | None) -> None:
    assert propose_light_time(heavy_end) == expected


@pytest.mark.parametrize(
    ("delay_h", "latest", "heavy_end", "expected"),
    [
        (4, time(21, 0), at(9, 0), at(13, 0)),
        (8, time(19, 0), at(9, 0), at(17, 0)),
        (8, time(19, 0), at(12, 0), at(19, 0)),
        (6, time(22, 30), at(16, 0), at(22, 0)),
        (6, time(18, 0), at(18, 30), None),
    ],
)
def test_settings_change_delay_and_cut_off(
    delay_h: int, latest: time, heavy_end: datetime, expected: datetime | None
) -> None:
    settings = LightReminderSettings(delay=timedelta(hours=delay_h), latest=latest)
    assert propose_light_time(heavy_end, settings) == expected


def test_the_cut_off_is_a_local_time_of_day_across_a_clock_change() -> None:
    # 2027-03-28: Europe/Berlin moves to summer time at 02:00; 21:00 stays 21:00 on the wall.
    zone = ZoneInfo("Europe/Berlin")
    end = datetime(2027, 3, 28, 16, 0, tzinfo=zone)
    assert propose_light_time(end) == datetime(2027, 3, 28, 21, 0, tzinfo=zone)


@pytest.mark.parametrize("hours", [0, -1, 24, 30])
def test_a_delay_that_is_not_later_that_day_is_refused(hours: int) -> None:
    with pytest.raises(ValueError, match="delay"):
        LightReminderSettings(delay=timedelta(hours=hours))


@pytest.mark.parametrize(
    ("proposed", "heavy_end", "steps", "expected"),
    [
        (at(17, 30), at(11, 30), 1, at(18, 0)),
        (at(17, 30), at(11, 30), -2, at(16, 30)),
        (at(21, 0), at(15, 30), 2, at(22, 0)),  # the runner may choose past the cut-off
        (at(12, 0), at(11, 30), -1, at(12, 0)),  # not before half an hour after the heavy end
        (at(23, 30), at(17, 30), 1, at(23, 30)),  # not into tomorrow
    ],
)
def test_nudge_moves_by_half_hours_within_the_day(
    proposed: datetime, heavy_end: datetime, steps: int, expected: datetime
) -> None:
    assert nudge_light_time(proposed, heavy_end, steps) == expected
