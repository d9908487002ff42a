"""A held exercise (the light session's plank and side plank) reads as a hold in History: its
seconds in the Reps column, its prescribed seconds as the target, and a correction by keyboard
edits the seconds, refuses nonsense in one line, and undoes and redoes like reps."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot

from bench.synthetic import populate
from db.exercises import ensure_exercise
from db.records import SetRecord
from db.sessions import finish_session, log_set, start_session
from db.store import Store, open_store
from desktop.history.history import HistoryLog
from desktop.ui.history.models import REPS
from desktop.ui.history.view import HistoryView

TODAY = date(2027, 3, 3)
NOW = datetime.combine(TODAY, time(19)).astimezone(UTC)
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _held(session_id: int, exercise_id: int, index: int, seconds: float) -> SetRecord:
    """A hold as the gym logs it (`gym/underway/lift.py`): no reps, no rep target, its seconds."""
    at = NOW - timedelta(minutes=20 - index)
    return SetRecord(
        session_id=session_id,
        exercise_id=exercise_id,
        set_index=index,
        warmup=False,
        target_reps_min=0,
        target_reps_max=0,
        reps=0,
        load_kg=0.0,
        form_held=True,
        started_at=at,
        ended_at=at,
        hold_s=seconds,
    )


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """The synthetic log, and tonight a light session: 12 bodyweight squats, then the holds."""
    data_dir.mkdir(parents=True, exist_ok=True)
    populate(data_dir, today=TODAY)
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    athlete = opened.db.execute(
        "SELECT athlete_id FROM sessions ORDER BY started_at DESC LIMIT 1"
    ).fetchone()[0]
    ids = {
        key: ensure_exercise(
            opened, key=key, name=name, movement=movement, barbell=barbell, bodyweight=not barbell
        )
        for key, name, movement, barbell in (
            ("back_squat", "Back squat", "squat", True),
            ("plank", "Plank", "finisher", False),
            ("side_plank", "Side plank", "finisher", False),
        )
    }
    light = start_session(
        opened,
        athlete_id=athlete,
        kind="light",
        planned_day_id=None,
        started_at=NOW - timedelta(minutes=30),
    )
    squat = _held(light.id, ids["back_squat"], 0, 0)
    log_set(opened, replace(squat, target_reps_min=12, target_reps_max=20, reps=12, hold_s=None))
    log_set(opened, _held(light.id, ids["plank"], 1, 45.0))
    log_set(opened, _held(light.id, ids["side_plank"], 2, 30.0))
    finish_session(opened, light.id, ended_at=NOW - timedelta(minutes=10))
    yield opened
    opened.close()


def shown(qtbot: QtBot, store: Store) -> HistoryView:
    view = HistoryView(HistoryLog(store, now=lambda: NOW))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def cells(view: HistoryView, row: int) -> list[str]:
    model = view.sets_model
    return [model.index(row, column).data() for column in range(model.columnCount())]


def row_of(view: HistoryView, exercise: str) -> int:
    model = view.sets_model
    return next(r for r in range(model.rowCount()) if model.set_at(r).exercise == exercise)


def stored(store: Store, exercise: str) -> tuple[int, float | None]:
    return store.db.execute(
        """SELECT st.reps, st.hold_s FROM sets st JOIN exercises e ON e.id = st.exercise_id
        WHERE e.key = ? ORDER BY st.id DESC LIMIT 1""",
        [exercise],
    ).fetchone()


def type_seconds(qtbot: QtBot, view: HistoryView, row: int, text: str) -> str:
    """Enter on the row opens its Reps cell; the text is typed and Enter commits it. Returns
    what the editor opened with."""
    view.sets_table.setFocus()
    qtbot.waitUntil(view.sets_table.hasFocus)
    view.sets_table.setCurrentIndex(view.sets_model.index(row, REPS))
    qtbot.keyClick(view.sets_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.sets_table.state() == QAbstractItemView.State.EditingState)
    editor = view.sets_table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    opened = editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.sets_table.state() != QAbstractItemView.State.EditingState)
    qtbot.wait(1)
    return opened


def test_a_plank_reads_as_seconds_held_against_its_prescription(qtbot: QtBot, store: Store) -> None:
    view = shown(qtbot, store)
    assert view.sessions_model.index(0, 1).data() == "light"
    plank, side, squat = (row_of(view, n) for n in ("Plank", "Side plank", "Bodyweight squat"))
    assert cells(view, plank)[1:4] == ["Plank", "45 s", "30–60 s"]
    assert cells(view, side)[1:4] == ["Side plank", "30 s", "20–45 s"]
    assert cells(view, squat)[1:4] == ["Bodyweight squat", "12", "12–20"], "reps stay reps"
    view.grab().save("/tmp/history_holds.png")


def test_editing_a_hold_edits_its_seconds_and_undo_redo_put_them_back(
    qtbot: QtBot, store: Store
) -> None:
    view = shown(qtbot, store)
    plank = row_of(view, "Plank")
    assert type_seconds(qtbot, view, plank, "50 s") == "45", "the editor opens on the seconds"
    assert stored(store, "plank") == (0, 50.0)
    assert cells(view, plank)[2] == "50 s"
    assert view.message.text() == "Corrected Plank 45 s → 50 s."
    assert view.undo_button.toolTip() == "Undo the correction of Plank 45 s"
    type_seconds(qtbot, view, plank, "1:05")
    assert stored(store, "plank") == (0, 65.0)
    assert view.message.text() == "Corrected Plank 50 s → 65 s."
    qtbot.keyClick(view.sets_table, Qt.Key.Key_Z, CTRL)
    assert stored(store, "plank") == (0, 50.0)
    qtbot.keyClick(view.sets_table, Qt.Key.Key_Z, CTRL)
    assert stored(store, "plank") == (0, 45.0)
    assert cells(view, plank)[2] == "45 s"
    qtbot.keyClick(view.sets_table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(store, "plank") == (0, 50.0)
    assert cells(view, plank)[2] == "50 s"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("long", "Not saved: Seconds held must be a whole number, like 45 or 1:05."),
        ("4000", "Not saved: A hold can be at most 60 minutes."),
        ("-5", "Not saved: Seconds held must be a whole number, like 45 or 1:05."),
    ],
)
def test_a_nonsense_hold_is_refused_in_one_line(
    qtbot: QtBot, store: Store, typed: str, said: str
) -> None:
    view = shown(qtbot, store)
    plank = row_of(view, "Plank")
    type_seconds(qtbot, view, plank, typed)
    assert view.message.text() == said
    assert "c62828" in view.message.styleSheet()
    assert stored(store, "plank") == (0, 45.0)
    assert cells(view, plank)[2] == "45 s"
    assert not view.undo_button.isEnabled()
