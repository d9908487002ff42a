"""Counts in gym mode read as a runner says them: "1 warm-up set", "1 rep", "1 of 1 rest".

The summary said "1 warm-up sets" and "1 of 1 rests inside 3:00–5:00"; a one-rep set was
"1 reps" in the results.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.gym.opening.start import start_workout
from tests.fake_clock import FakeClock
from tests.gym_support import plan_for_today
from tests.ui.gym_ui import press, show_view, type_text, wait

K = Qt.Key


def test_the_summary_of_one_warm_up_and_one_set_of_one_rep_reads_in_the_singular(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    plan_for_today(store, clock)
    view = show_view(qtbot, start_workout(store, clock=clock, kind="heavy"), tmp_path)
    type_text(qtbot, view, "60")
    press(qtbot, view, K.Key_Return)  # the squat's load; the other lifts left to the form
    while view.session.prompt is not None:
        press(qtbot, view, K.Key_Escape)
    press(qtbot, view, K.Key_Space)  # the first warm-up, as shown
    wait(view, clock, 20)
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Return)
    wait(view, clock, 90)
    press(qtbot, view, K.Key_W)  # the other warm-ups skipped
    press(qtbot, view, K.Key_Space)
    wait(view, clock, 20)
    press(qtbot, view, K.Key_Space)
    type_text(qtbot, view, "1")  # one rep: the reps field's text is selected
    press(qtbot, view, K.Key_Return)
    assert view.progress.text().startswith("1/9 sets")
    press(qtbot, view, K.Key_E)
    press(qtbot, view, K.Key_Return)
    assert view.session.stage is Stage.SUMMARY
    qtbot.wait(20)
    view.grab().save("/tmp/gymfix_counts.png")
    totals, table = view.summary.totals.text(), view.summary.table.text()
    assert "1 warm-up set" in totals and "1 warm-up sets" not in totals, totals
    assert "1 of 9 work sets" in totals, totals
    assert "1 rep ×" in table or "1 × 60 kg" in table, table
    assert "1 reps" not in table and "1/3 sets" in table, table
