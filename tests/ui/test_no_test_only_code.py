"""Production code carries nothing only the tests use; their helpers live in tests/.

Each name below was once in desktop/ for the tests alone (FakeClock is tests/fake_clock.py now;
the gym and progress helpers are in tests/ui/gym_ui.py and the tests that need them).
"""

from __future__ import annotations

import ast

import pytest

from desktop.ui.alerts.rest_follower import RestFollower
from desktop.ui.gym.view import GymView
from desktop.ui.progress.view import ProgressView
from tests.conftest import REPO_ROOT

TEST_ONLY_CLASSES = {"FakeClock"}


def test_no_fake_clock_in_production() -> None:
    defined = [
        f"{path.relative_to(REPO_ROOT)}: {node.name}"
        for path in sorted((REPO_ROOT / "desktop").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and node.name in TEST_ONLY_CLASSES
    ]
    assert defined == [], f"test doubles belong in tests/: {defined}"


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        (GymView, "refresh"),
        (GymView, "cue_reached"),
        (ProgressView, "export_all"),
        (ProgressView, "refreshed"),
        (RestFollower, "driver"),
    ],
)
def test_widgets_keep_no_test_only_members(owner: type, name: str) -> None:
    assert not hasattr(owner, name), f"{owner.__name__}.{name} is used by tests only"
