"""The settings dialogs' shared form, as the runner sees it: the first field has the focus, and a
refusal long enough to wrap is shown whole, not cut off at the dialog's bottom edge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from db.athletes import create_athlete
from db.store import Store
from desktop.gym.opening.equipment import EquipmentOwner
from desktop.ui.gym.dialogs.checked_form import CheckedForm
from desktop.ui.gym.dialogs.equipment import EquipmentDialog
from desktop.ui.gym.dialogs.light_reminder import LightReminderDialog
from tests.gym_support import open_log
from tests.planning_support import OFFSCREEN_SIZE_HINTS

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


@pytest.fixture
def log(data_dir: Path) -> Iterator[Store]:
    store = open_log(data_dir)
    yield store
    store.close()


@pytest.mark.parametrize(
    ("dialog_class", "typed", "first_field"),
    [(LightReminderDialog, "13", "hours"), (EquipmentDialog, "a heavy bar", "bar")],
)
def test_the_first_field_has_the_focus_and_a_long_refusal_is_shown_whole(
    qtbot: QtBot,
    log: Store,
    tmp_path: Path,
    dialog_class: type[CheckedForm],
    typed: str,
    first_field: str,
) -> None:
    ana = create_athlete(log, "Ana")
    dialog = dialog_class(log, EquipmentOwner(ana.id, "Ana", "kg"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # as the window manager activates a dialog it shows
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focus = QApplication.focusWidget()
    assert focus is getattr(dialog, first_field)
    qtbot.keyClick(focus, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focus, typed)
    message = dialog.message
    assert message.text() and message.isVisible()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert message.height() >= message.heightForWidth(message.width()), "every line shows"
    below = message.geometry().bottom()
    assert below < dialog.buttons.geometry().top(), "the message ends above the buttons"
    dialog.grab().save(str(tmp_path / f"{first_field}.png"))
