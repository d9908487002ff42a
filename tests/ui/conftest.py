"""Fixtures for the window tests: `run_cramproof` starts Cramproof through its composition root;
`harness` is a log with the standard build-up set up (a module may define its own instead)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.planning_support import FORM, Harness, open_harness
from tests.ui.started_app import run_cramproof

__all__ = ["harness", "run_cramproof"]


@pytest.fixture
def harness(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir) as opened:
        opened.planning.set_up(FORM)
        yield opened
