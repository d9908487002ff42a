"""History's in-place edits read any typed text: a valid value is saved, anything else is refused
with one line under the table and the set stays as it was.

The text goes through SetsModel.setData, the call the table's editor commits with, over a real log.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from db.athletes import create_athlete
from db.exercises import ensure_exercise
from db.sessions import (
    MAX_HOLD_S,
    MAX_LOAD_KG,
    MAX_REPS,
    finish_session,
    log_set,
    start_session,
)
from db.store import Store, open_store
from desktop.history.history import HistoryLog
from desktop.ui.history.models import LOAD, REPS
from desktop.ui.history.view import HistoryView
from tests.db.helpers import a_set

NOW = datetime(2027, 3, 3, 19, tzinfo=UTC)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

typed = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**4), 10**4).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(alphabet="0123456789.,-+ e_", max_size=12),
    st.sampled_from(["²", "٣", "１２", "1e999", "nan", "-0", "9" * 5000, "3\n4", ""]),
)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    data_dir.mkdir(parents=True, exist_ok=True)
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    athlete = create_athlete(opened, "Ana", created_at=NOW)
    squat = ensure_exercise(
        opened,
        key="back_squat",
        name="Back squat",
        movement="squat",
        barbell=True,
        bodyweight=False,
    )
    session = start_session(
        opened, athlete_id=athlete.id, kind="heavy", planned_day_id=None, started_at=NOW
    )
    log_set(opened, a_set(session.id, squat))
    finish_session(opened, session.id, ended_at=NOW, state="finished")
    yield opened
    opened.close()


def _stored(store: Store) -> tuple[int, float, int]:
    return store.db.execute("SELECT reps, load_kg, form_held FROM sets").fetchone()


def test_typed_reps_and_loads_are_saved_in_range_or_refused(qtbot: QtBot, store: Store) -> None:
    view = HistoryView(HistoryLog(store, now=lambda: NOW))
    qtbot.addWidget(view)
    view.show()
    model = view.sets_model
    assert model.rowCount() == 1, "the one session is selected and its set shown"

    @FUZZ
    @given(typed, st.sampled_from([REPS, LOAD]))
    @example("12", REPS)
    @example("101", REPS)
    @example("102,5", LOAD)
    @example("1e999", LOAD)
    def edit(text: str, column: int) -> None:
        before = _stored(store)
        view.message.clear()
        saved = model.setData(model.index(0, column), text)
        after = _stored(store)
        if not saved:
            assert after == before, "a refused edit leaves the set as it was"
            shown = view.message.text()
            assert shown.startswith("Not saved: ") and len(shown.splitlines()) == 1, shown
            return
        reps, load_kg, _form = after
        assert 0 <= reps <= MAX_REPS and math.isfinite(load_kg) and 0 <= load_kg <= MAX_LOAD_KG
        if column == REPS:
            assert reps == int(text.strip())
        else:
            assert math.isclose(load_kg, float(text.strip().replace(",", ".")), abs_tol=0.01)

    edit()


@pytest.fixture
def held_store(data_dir: Path) -> Iterator[Store]:
    """One light session holding one 45 s plank, stored as the gym stores a hold."""
    data_dir.mkdir(parents=True, exist_ok=True)
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    athlete = create_athlete(opened, "Ana", created_at=NOW)
    plank = ensure_exercise(
        opened, key="plank", name="Plank", movement="finisher", barbell=False, bodyweight=True
    )
    session = start_session(
        opened, athlete_id=athlete.id, kind="light", planned_day_id=None, started_at=NOW
    )
    held = {"target_reps_min": 0, "target_reps_max": 0, "reps": 0, "load_kg": 0.0}
    log_set(opened, a_set(session.id, plank, hold_s=45.0, **held))
    finish_session(opened, session.id, ended_at=NOW, state="finished")
    yield opened
    opened.close()


def test_typed_seconds_held_are_saved_in_range_or_refused(qtbot: QtBot, held_store: Store) -> None:
    view = HistoryView(HistoryLog(held_store, now=lambda: NOW))
    qtbot.addWidget(view)
    view.show()
    model = view.sets_model
    assert model.index(0, REPS).data() == "45 s"

    @FUZZ
    @given(st.one_of(typed, st.sampled_from(["50 s", "1:05", "0", "3600", "3601", "1:60"])))
    @example("60:00")
    @example("60:01")
    def edit(text: str) -> None:
        def stored() -> tuple[int, float]:
            return held_store.db.execute("SELECT reps, hold_s FROM sets").fetchone()

        before = stored()
        view.message.clear()
        saved = model.setData(model.index(0, REPS), text)
        after = stored()
        if not saved:
            assert after == before, "a refused edit leaves the hold as it was"
            shown = view.message.text()
            assert shown.startswith("Not saved: ") and len(shown.splitlines()) == 1, shown
            return
        reps, hold_s = after
        assert reps == 0 and 0 <= hold_s <= MAX_HOLD_S
        assert model.index(0, REPS).data() == f"{hold_s:g} s"

    edit()
