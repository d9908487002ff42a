"""The Plan menu's status messages over a real log: posted after a save, never after a refusal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.plan.actions import PlanActions
from desktop.ui.plan.checkin_dialog import CheckinDialog
from desktop.ui.plan.second_day_dialog import SecondDayDialog
from tests.planning_support import (
    FORM,
    HEAVY_DONE,
    OFFSCREEN_SIZE_HINTS,
    WEEK1,
    Harness,
    log_session,
    open_harness,
)

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


@pytest.fixture
def harness(data_dir: Path) -> Iterator[Harness]:
    """Three good weeks logged and two of their check-ins answered; today is in week 4."""
    with open_harness(data_dir) as opened:
        planning = opened.planning
        planning.set_up(FORM)
        overview = planning.overview()
        assert overview is not None
        for entry in overview.days[:3]:
            log_session(
                opened.store,
                athlete_id=opened.athlete_id(),
                kind="heavy",
                day=entry.day.date,
                sets=HEAVY_DONE,
                planned_day_id=entry.day_id,
            )
        for number in (1, 2):
            opened.clock.set_day(WEEK1 + timedelta(weeks=number))
            question = planning.checkin_due()
            assert question is not None
            planning.record_checkin(question.week_start, pain=False, recovered=True)
        opened.clock.set_day(WEEK1 + timedelta(weeks=3, days=1))
        yield opened


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    shown = QWidget()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def refusals(qtbot: QtBot) -> Iterator[list[str]]:
    """Closes every 'Not saved' box the moment it is up, keeping its text."""
    seen: list[str] = []

    def dismiss() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(f"{widget.windowTitle()}: {widget.text()}")
                widget.reject()

    timer = QTimer(interval=20)
    timer.timeout.connect(dismiss)
    timer.start()
    yield seen
    timer.stop()


def actions_on(window: QWidget, harness: Harness) -> tuple[PlanActions, list[str]]:
    actions = PlanActions(planning_getter=lambda: harness.planning, parent=window)
    posted: list[str] = []
    actions.message_posted.connect(posted.append)
    return actions, posted


def test_a_refused_check_in_is_not_reported_saved(
    qtbot: QtBot, window: QWidget, harness: Harness, refusals: list[str]
) -> None:
    actions, posted = actions_on(window, harness)
    actions.open_checkin()
    qtbot.waitUntil(lambda: isinstance(actions.dialog, CheckinDialog))
    dialog = actions.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    harness.store.db.execute("PRAGMA query_only = ON")  # the store refuses every write
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: bool(refusals))
    assert refusals[0].startswith("Not saved: Cramproof cannot save")
    assert "Check-in saved" not in posted
    assert harness.planning.checkin_due() is not None, "still to answer"


def test_a_refused_second_day_is_not_reported_added(
    qtbot: QtBot, window: QWidget, harness: Harness, refusals: list[str]
) -> None:
    planning = harness.planning
    question = planning.checkin_due()
    assert question is not None
    planning.record_checkin(question.week_start, pain=False, recovered=True)
    actions, posted = actions_on(window, harness)
    actions.offer_second_day()
    qtbot.waitUntil(lambda: isinstance(actions.dialog, SecondDayDialog))
    dialog = actions.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    harness.store.db.execute("PRAGMA query_only = ON")
    qtbot.keyClick(dialog, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: bool(refusals))
    assert refusals[0].startswith("Not saved: ")
    assert not any(message.startswith("Second double day") for message in posted)
    harness.store.db.execute("PRAGMA query_only = OFF")
    assert planning.refresh() is not None, "the offer is still open"


def test_a_saved_check_in_is_reported(
    qtbot: QtBot, window: QWidget, harness: Harness, refusals: list[str]
) -> None:
    actions, posted = actions_on(window, harness)
    actions.open_checkin()
    qtbot.waitUntil(lambda: isinstance(actions.dialog, CheckinDialog))
    dialog = actions.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: "Check-in saved" in posted)
    assert refusals == []
