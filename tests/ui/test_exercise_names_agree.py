"""One name per exercise everywhere: `cramproof plan --json`, its text, and the Plan window
agree on what each session does (the light session's bodyweight forms included)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from desktop.ui.plan.view import PlanView
from tests.conftest import REPO_ROOT, child_env, cramproof_command
from tests.planning_support import FORM, OFFSCREEN_SIZE_HINTS, Harness, open_harness

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)
TODAY = date(2026, 12, 1)
ARGS = ("--race-date", FORM.race_date, "--today", TODAY.isoformat())


def plan_output(*extra: str) -> str:
    done = subprocess.run(
        cramproof_command("plan", *ARGS, *extra),
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=child_env(),
        timeout=60,
        check=True,
    )
    return done.stdout


@pytest.fixture
def harness(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir, day=TODAY) as opened:
        opened.planning.set_up(FORM)
        yield opened


def window_text(qtbot: QtBot, harness: Harness) -> str:
    """The Plan window's detail of the first double day, as the runner reads it."""
    overview = harness.planning.overview()
    assert overview is not None
    view = PlanView(overview)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.detail.show_day(overview.days[0])
    document = QTextDocument()
    document.setHtml(view.detail.text())
    return document.toPlainText()


def test_json_text_and_window_name_the_same_exercises(qtbot: QtBot, harness: Harness) -> None:
    heavy, light = json.loads(plan_output("--json"))["weeks"][0]["days"][0]["sessions"]
    assert light["exercises"][:2] == ["back_squat", "conventional_deadlift"]  # the keys stay
    assert light["names"][:2] == ["Bodyweight squat", "Good morning"]
    assert heavy["names"][:2] == ["Back squat", "Deadlift"]

    text = plan_output()
    heavy_line = next(line for line in text.splitlines() if line.startswith("Heavy, "))
    light_line = next(line for line in text.splitlines() if line.startswith("Light, "))
    shown = window_text(qtbot, harness)
    window_heavy, window_light = shown.split("Light, later the same day", 1)
    for names, line, part in (
        (heavy["names"], heavy_line, window_heavy),
        (light["names"], light_line, window_light),
    ):
        for name in names:
            assert name in line, f"{name!r} missing from the text: {line}"
            assert name in part, f"{name!r} missing from the window: {part}"
    for loaded in ("Back squat", "Deadlift"):
        assert loaded not in light_line and loaded not in window_light.split("Cue")[0]
