"""Fixtures shared by the gym-mode tests: a fake clock and a log opened on a real file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.store import Store
from tests.fake_clock import FakeClock
from tests.gym_support import fake_clock, open_log


@pytest.fixture
def clock() -> FakeClock:
    return fake_clock()


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_log(data_dir)
    yield opened
    opened.close()
