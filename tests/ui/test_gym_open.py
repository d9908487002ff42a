"""Opening gym mode: at once on a fresh install, and the resume offer after a crash."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db.athletes import list_athletes
from db.sessions import get_session, open_sessions, sets_for_session
from db.store import Store
from desktop.domain.gym.workout import Stage
from desktop.gym.opening.start import start_workout
from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.gym.open_session import ResumeUnanswered, open_gym
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.gym_support import fake_clock, lift_set
from tests.ui.gym_ui import no_bus_screen


class Asked:
    """Answers the resume offer and remembers what it was asked."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, text: str) -> bool:
        self.questions.append(text)
        return self.answer


def opened(qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path, **options: Any) -> GymView:
    view = open_gym(
        store,
        clock=clock,
        player=CuePlayer(muted=True),
        screen=no_bus_screen(tmp_path),
        **options,
    )
    qtbot.addWidget(view)
    return view


def crashed_mid_rest(store: Store, clock: FakeClock) -> int:
    """A session left open 75 s into the rest after its first set, as a SIGKILL leaves it."""
    session = start_workout(store, clock=clock, kind="heavy")
    lift_set(session, clock)
    clock.advance(75)
    return session.session_id


@pytest.mark.parametrize(
    ("kind", "expected"), [(None, "heavy"), ("heavy", "heavy"), ("light", "light")]
)
def test_a_fresh_install_opens_a_session_at_once(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path, kind: str | None, expected: str
) -> None:
    asked = Asked(True)
    view = opened(qtbot, store, clock, tmp_path, kind=kind, ask_resume=asked)
    assert asked.questions == []
    assert [a.name for a in list_athletes(store)] == ["Runner"]
    assert (view.session.plan.kind, view.session.stage) == (expected, Stage.READY)


def test_resuming_restores_the_rest_where_it_was(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    session_id = crashed_mid_rest(store, clock)
    restarted = fake_clock(clock.wall() + timedelta(seconds=20))
    asked = Asked(True)
    view = opened(qtbot, store, restarted, tmp_path, ask_resume=asked)
    [question] = asked.questions
    assert "heavy session" in question
    assert "next is Back squat, set 2 of 3" in question
    assert "resting for 1:35" in question
    assert "1 saved set is kept either way" in question
    assert view.session.session_id == session_id
    assert view.session.stage is Stage.RESTING
    assert view.timer_panel.digits.text() == "1:25"
    assert view.timer_panel.caption.text() == "until ready"


def test_declining_closes_the_old_session_and_starts_a_new_one(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    session_id = crashed_mid_rest(store, clock)
    view = opened(qtbot, store, clock, tmp_path, ask_resume=Asked(False))
    assert view.session.session_id != session_id
    assert get_session(store, session_id).state == "abandoned"
    assert len(sets_for_session(store, session_id)) == 1
    assert [s.id for s in open_sessions(store, 1)] == [view.session.session_id]


def test_a_session_open_for_more_than_12_hours_is_not_offered(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    session_id = crashed_mid_rest(store, clock)
    asked = Asked(True)
    next_day = fake_clock(clock.wall() + timedelta(hours=13))
    view = opened(qtbot, store, next_day, tmp_path, ask_resume=asked)
    assert asked.questions == []
    assert get_session(store, session_id).state == "abandoned"
    assert view.session.session_id != session_id


def test_a_session_from_elsewhere_without_a_layout_is_closed_not_offered(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """An import or another tool may leave a session open that gym mode cannot walk."""
    from db.sessions import set_session_layout

    session_id = crashed_mid_rest(store, clock)
    set_session_layout(store, session_id, {"version": 99})
    asked = Asked(True)
    view = opened(qtbot, store, clock, tmp_path, ask_resume=asked)
    assert asked.questions == []
    assert get_session(store, session_id).state == "abandoned"
    assert view.session.session_id != session_id


def test_the_resume_question_box_is_deleted_once_answered(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """Asked on every start after a crash: the boxes must not collect under the window."""
    crashed_mid_rest(store, clock)
    window = QWidget()
    qtbot.addWidget(window)
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            poller.stop()
            asked.append(box.text())
            [resume] = [button for button in box.buttons() if button.text() == "Resume"]
            resume.click()

    poller = QTimer()
    poller.setInterval(10)
    poller.timeout.connect(answer)
    poller.start()
    view = opened(qtbot, store, clock, tmp_path, parent=window)
    assert len(asked) == 1 and asked[0].endswith("Resume it?")
    assert view.session.stage is Stage.RESTING
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(QMessageBox) == []


def test_the_resume_question_reads_from_across_the_room(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    crashed_mid_rest(store, clock)
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    seen: dict[str, Any] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            poller.stop()
            label = box.findChild(QLabel, "qt_msgbox_label")
            assert isinstance(label, QLabel)
            seen["font"] = label.font()
            seen["fits"] = label.height() >= label.heightForWidth(label.width())
            seen["buttons"] = [button.font().pixelSize() for button in box.buttons()]
            box.grab().save(str(tmp_path / "resume.png"))
            box.defaultButton().click()

    poller = QTimer()
    poller.setInterval(10)
    poller.timeout.connect(answer)
    poller.start()
    view = opened(qtbot, store, clock, tmp_path, parent=window)
    assert view.session.stage is Stage.RESTING, "Enter's button resumes"
    font = seen["font"]
    assert font.pixelSize() >= 26 and font.bold(), "as large as gym mode's own questions"
    assert QFontMetrics(font).capHeight() >= 20
    assert seen["fits"], "the whole question is shown"
    assert min(seen["buttons"]) >= 24


def test_an_unanswered_resume_question_leaves_the_session_open_and_starts_none(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """The question closed under the runner (a logout): neither resumed, abandoned nor replaced."""
    session_id = crashed_mid_rest(store, clock)
    with pytest.raises(ResumeUnanswered):
        opened(qtbot, store, clock, tmp_path, ask_resume=lambda _text: None)
    assert get_session(store, session_id).state == "in_progress"
    athlete_id = get_session(store, session_id).athlete_id
    assert [record.id for record in open_sessions(store, athlete_id)] == [session_id]
