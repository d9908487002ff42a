"""The weekly check-in and the second-day offer answer with one key; Esc asks again later."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.plan.planning import CheckinQuestion, SecondDayOffer
from desktop.ui.common.key_choice_dialog import KeyChoiceDialog
from desktop.ui.plan.checkin_dialog import CheckinDialog
from desktop.ui.plan.second_day_dialog import SecondDayDialog
from tests.planning_support import OFFSCREEN_SIZE_HINTS

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)

QUESTION = CheckinQuestion("Ana", date(2027, 1, 10), date(2027, 1, 16))


def shown(qtbot: QtBot, dialog: KeyChoiceDialog) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize(
    ("key", "answer"),
    [
        (Qt.Key.Key_1, [False, True]),
        (Qt.Key.Key_2, [False, False]),
        (Qt.Key.Key_3, [True, False]),
    ],
)
def test_one_key_answers_the_check_in(qtbot: QtBot, key: Qt.Key, answer: list[bool]) -> None:
    dialog = shown(qtbot, CheckinDialog(QUESTION))
    with qtbot.waitSignal(dialog.checkin_answered) as answered:
        qtbot.keyClick(dialog, key)
    assert answered.args == answer
    assert not dialog.isVisible()


def test_the_question_names_the_athlete_and_the_week(qtbot: QtBot) -> None:
    dialog = shown(qtbot, CheckinDialog(QUESTION))
    assert dialog.windowTitle() == "Weekly check-in"
    assert dialog.question_label.text() == "Ana, how was last week (Sun 10 Jan – Sat 16 Jan)?"
    assert "Press 1, 2 or 3" in dialog.detail_label.text()
    texts = [button.text() for button in dialog.buttons]
    assert texts[0].startswith("1") and "no pain, recovered" in texts[0]
    assert texts[1].startswith("2") and "not recovered" in texts[1]
    assert texts[2].startswith("3") and "Pain" in texts[2]


def test_the_keypad_and_a_click_answer_too(qtbot: QtBot) -> None:
    dialog = shown(qtbot, CheckinDialog(QUESTION))
    with qtbot.waitSignal(dialog.checkin_answered) as answered:
        qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.KeypadModifier)
    assert answered.args == [False, False]
    again = shown(qtbot, CheckinDialog(QUESTION))
    with qtbot.waitSignal(again.checkin_answered) as clicked:
        qtbot.mouseClick(again.buttons[2], Qt.MouseButton.LeftButton)
    assert clicked.args == [True, False]


def test_escape_and_other_keys_answer_nothing(qtbot: QtBot) -> None:
    dialog = shown(qtbot, CheckinDialog(QUESTION))
    with qtbot.assertNotEmitted(dialog.checkin_answered):
        qtbot.keyClick(dialog, Qt.Key.Key_4)
        qtbot.keyClick(dialog, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        assert dialog.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.mark.parametrize(("key", "accept"), [(Qt.Key.Key_Y, True), (Qt.Key.Key_N, False)])
def test_y_or_n_decides_the_second_day(qtbot: QtBot, key: Qt.Key, accept: bool) -> None:
    offer = SecondDayOffer(date(2027, 1, 31), date(2027, 2, 3))
    dialog = shown(qtbot, SecondDayDialog(offer, speed_day=2))
    assert "speed run on Wednesdays from Wed 3 Feb" in dialog.detail_label.text()
    assert [b.text() for b in dialog.buttons] == ["Y   Yes, add it", "N   Not this week"]
    with qtbot.waitSignal(dialog.second_day_decided) as decided:
        qtbot.keyClick(dialog, key)
    assert decided.args == [accept]
