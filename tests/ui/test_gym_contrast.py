"""Gym mode's words read against what is behind them (WCAG AA: a contrast of 4.5:1 or more)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.ui.gym_ui import open_view, press
from tests.ui.pixels import text_contrast

K = Qt.Key


@pytest.fixture
def view(qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path) -> GymView:
    return open_view(qtbot, store, clock, tmp_path, kind="heavy")


def cramp_report(qtbot: QtBot, view: GymView) -> None:
    press(qtbot, view, K.Key_E)
    press(qtbot, view, K.Key_Return)
    form = view.summary.cramps
    assert form.isVisible()
    form.yes.setChecked(True)
    qtbot.wait(10)


@pytest.mark.parametrize("text", ["Where", "At km", "Severity"])
def test_the_cramp_report_labels_read_on_their_panel(
    qtbot: QtBot, view: GymView, text: str
) -> None:
    cramp_report(qtbot, view)
    form = view.summary.cramps
    [label] = [w for w in form.findChildren(QLabel) if w.text() == text]
    assert label.isVisible()
    assert text_contrast(label, form) >= 4.5
