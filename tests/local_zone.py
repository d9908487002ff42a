"""Run a test in a given local time zone: the light session's 21:00 is the runner's wall clock."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime


@contextmanager
def local_zone(name: str) -> Iterator[None]:
    previous = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if previous is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = previous
        time.tzset()


def local_time(day: date, hour: int, minute: int = 0) -> datetime:
    """An aware datetime at that wall-clock time in the current local zone."""
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()
