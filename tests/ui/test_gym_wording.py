"""What the gym screen says, read as the runner reads it: the next-time advice once, in one
sentence and with a dash, exercises left when the session ended early "not done", and the
session's cue once on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.gym_support import plan_for_today
from tests.ui.gym_ui import open_view, press, wait

K = Qt.Key
CUE = "tired legs: form first"


def shown_text(view: GymView) -> str:
    """Every label the runner can see on the gym screen, one per line."""
    labels = [label for label in view.findChildren(QLabel) if label.isVisibleTo(view)]
    return "\n".join(label.text() for label in labels)


def test_the_cue_shows_once_in_every_stage(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    plan_for_today(store, clock)
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    assert shown_text(view).count(CUE) == 1, shown_text(view)  # ready: the set panel's
    press(qtbot, view, K.Key_Space)
    assert shown_text(view).count(CUE) == 1
    wait(view, clock, 30)
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Return)
    assert view.session.stage is Stage.RESTING
    assert shown_text(view).count(CUE) == 1, "the heading keeps it while the set panel is away"
    view.grab().save(str(tmp_path / "resting.png"))


def test_the_summary_says_next_time_once_and_not_done_for_what_was_left(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    plan_for_today(store, clock)
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    press(qtbot, view, K.Key_Space)
    wait(view, clock, 30)
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Return)
    press(qtbot, view, K.Key_E)
    press(qtbot, view, K.Key_Return)
    assert view.session.stage is Stage.SUMMARY
    view.grab().save(str(tmp_path / "summary.png"))
    table = view.summary.table.text()
    # One set of three, then ended: the load is kept (it said "every set reached 5 reps — try
    # 25 kg", which a trial found raised the next session's load).
    assert "Back squat: 1 of 3 sets done — keep 20 kg next time." in table
    assert "Next time:" not in table and " - " not in table
    assert "skipped" not in table
    assert "Back squat</b> — 1/3 sets, 2 not done:" in table
    assert "Deadlift</b> — 0/3 sets, not done:" in table
    assert shown_text(view).count(CUE) == 1
