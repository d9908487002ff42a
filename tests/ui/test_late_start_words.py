"""A late start said plainly and only while it matters: no "0 weeks already over", a correct
plural, a plain box rather than the green one in the setup dialog, and the Plan screen's banner
gone once the week the plan began in is over (the weeks before are history like any other)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.plan.setup_dialog import SetupDialog
from tests.planning_support import FORM, OFFSCREEN_SIZE_HINTS, Harness, open_harness
from tests.ui.test_plan_view import show

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)
WEEK1 = date(2027, 1, 10)  # the 14-week build-up to 18 April 2027 begins on this Sunday


@pytest.fixture
def late(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir) as harness:
        yield harness


@pytest.mark.parametrize(
    ("today", "said", "state"),
    [
        (WEEK1 + timedelta(days=3), None, "ok"),
        (WEEK1 + timedelta(days=10), "the week already over is left out", "neutral"),
        (WEEK1 + timedelta(days=22), "the 3 weeks already over are left out", "neutral"),
    ],
    ids=["within-week-1", "one-week", "three-weeks"],
)
def test_the_setup_dialog_says_a_late_start_plainly(
    qtbot: QtBot, late: Harness, tmp_path: Path, today: date, said: str | None, state: str
) -> None:
    late.clock.set_day(today)
    dialog = SetupDialog(late.planning)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name_edit, "Ana")
    qtbot.keyClicks(dialog.race_edit, "2027-04-18")
    text = dialog.message.text()
    assert "the 0 weeks" not in text
    if said is None:
        assert "Late start" not in text and "already over" not in text, text
    else:
        assert said in text, text
    assert dialog.message.property("state") == state
    assert dialog.ok_button.isEnabled()
    box = dialog.message
    assert box.height() >= box.heightForWidth(box.width()), "the whole note shows"
    dialog.grab().save(str(tmp_path / f"setup-{today}.png"))


def test_the_plan_banner_goes_once_the_starting_week_is_over(qtbot: QtBot, late: Harness) -> None:
    started = WEEK1 + timedelta(days=22)  # a Tuesday in week 4
    late.clock.set_day(started)
    late.planning.set_up(FORM)
    view = show(qtbot, late.planning)
    assert view.notes.isVisible() and "Late start" in view.notes.text()
    late.clock.set_day(started + timedelta(days=12))  # week 5
    later = show(qtbot, late.planning)
    assert "Late start" not in later.notes.text()
