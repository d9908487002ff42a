"""The setup dialog: validation as you type, a past race date refused visibly, Enter accepts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.plan.planning import Planning
from desktop.plan.setup_form import SetupForm
from desktop.ui.plan.setup_dialog import START_HINT, SetupDialog
from tests.planning_support import FORM, OFFSCREEN_SIZE_HINTS, open_harness

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


@pytest.fixture
def planning(data_dir: Path) -> Iterator[Planning]:
    with open_harness(data_dir) as harness:
        yield harness.planning


def open_dialog(qtbot: QtBot, planning: Planning, **options: object) -> SetupDialog:
    dialog = SetupDialog(planning, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_in(qtbot: QtBot, dialog: SetupDialog, name: str, race: str) -> None:
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClicks(dialog.race_edit, race)


def test_opens_with_a_hint_not_an_error(qtbot: QtBot, planning: Planning) -> None:
    dialog = open_dialog(qtbot, planning)
    assert dialog.message.text() == START_HINT
    assert dialog.message.property("state") == "neutral"
    assert not dialog.ok_button.isEnabled()
    assert dialog.focusWidget() is dialog.name_edit


def test_a_past_race_date_is_refused_with_a_visible_message(
    qtbot: QtBot, planning: Planning
) -> None:
    dialog = open_dialog(qtbot, planning)
    type_in(qtbot, dialog, "Ana", "2026-10-03")
    assert dialog.message.isVisible()
    assert "is in the past" in dialog.message.text()
    assert dialog.message.property("state") == "error"
    assert not dialog.ok_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.form_accepted):
        qtbot.keyClick(dialog.race_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert planning.athletes() == []


def test_the_message_follows_each_keystroke(qtbot: QtBot, planning: Planning) -> None:
    dialog = open_dialog(qtbot, planning)
    qtbot.keyClicks(dialog.name_edit, "Ana")
    assert "race date" in dialog.message.text()
    qtbot.keyClicks(dialog.race_edit, "2027-04-1")
    assert "YYYY-MM-DD" in dialog.message.text()
    qtbot.keyClicks(dialog.race_edit, "8")
    assert dialog.message.property("state") == "ok"
    assert dialog.message.text().startswith("11 weeks of strength work")
    dialog.speed_combo.setCurrentIndex(6)
    assert "different days" in dialog.message.text()
    assert not dialog.ok_button.isEnabled()


def test_enter_accepts_a_valid_form_with_every_choice(qtbot: QtBot, planning: Planning) -> None:
    dialog = open_dialog(qtbot, planning)
    type_in(qtbot, dialog, "Ana", "2027-04-18")
    dialog.weeks_combo.setCurrentIndex(2)
    dialog.long_run_combo.setCurrentIndex(5)
    dialog.speed_combo.setCurrentIndex(1)
    dialog.site_boxes["calf"].setChecked(True)
    dialog.site_boxes["hamstring"].setChecked(True)
    dialog.units_combo.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.form_accepted) as accepted:
        qtbot.keyClick(dialog.race_edit, Qt.Key.Key_Return)
    assert accepted.args == [
        SetupForm(
            name="Ana",
            race_date="2027-04-18",
            weeks=16,
            long_run_day=5,
            speed_day=1,
            cramp_sites=("calf", "hamstring"),
            units="lb",
        )
    ]
    assert not dialog.isVisible()


def test_editing_fixes_the_name_and_starts_filled_in(qtbot: QtBot, planning: Planning) -> None:
    form = replace(FORM, cramp_sites=("quad",), units="lb")
    dialog = open_dialog(qtbot, planning, form=form, editing=True)
    assert dialog.windowTitle() == "Change race date or weekdays"
    assert dialog.name_edit.isReadOnly() and dialog.name_edit.text() == "Ana"
    assert dialog.site_boxes["quad"].isChecked() and dialog.units_combo.currentText() == "lb"
    assert dialog.ok_button.text() == "Re-plan" and dialog.ok_button.isEnabled()
    assert dialog.focusWidget() is dialog.race_edit
