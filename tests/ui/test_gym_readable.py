"""Readable across a room: at 1366×768 the digits are a quarter of the window high, and the
whole timer area takes the ready colour at 3:00 and the max colour at 5:00."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage
from pytestqt.qtbot import QtBot

from desktop.domain.rest.rest_timer import Phase
from desktop.gym.underway.session import WorkoutSession
from desktop.ui.gym.style import PAUSED, PHASE_COLOURS
from desktop.ui.gym.timer_panel import FLASH_MS, FLASH_TOGGLES
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.ui.gym_screens import SIZE, resting_at_ready
from tests.ui.gym_ui import CueLog, show_view, wait

K = Qt.Key


@pytest.fixture
def resting(data_dir: Path) -> Iterator[tuple[WorkoutSession, FakeClock]]:
    session, store, clock = resting_at_ready(data_dir)
    yield session, clock
    store.close()


@pytest.fixture
def view(qtbot: QtBot, resting: tuple[WorkoutSession, FakeClock], tmp_path: Path) -> GymView:
    return show_view(qtbot, resting[0], tmp_path)


def settle(qtbot: QtBot) -> None:
    """Muted cues flash the timer; wait until the flash is over."""
    qtbot.wait(FLASH_TOGGLES * FLASH_MS + 200)


def panel_pixels(view: GymView, image: QImage) -> set[str]:
    """Colours along the timer panel's left and right margins, top to bottom (no text there)."""
    panel = view.timer_panel
    top_left = panel.mapTo(view, QPoint(0, 0))
    xs = (top_left.x() + 6, top_left.x() + panel.width() - 6)
    ys = range(top_left.y() + 4, top_left.y() + panel.height() - 4, 25)
    return {QColor(image.pixel(x, y)).name() for x in xs for y in ys}


def test_the_digits_are_a_quarter_of_the_window_high(view: GymView) -> None:
    assert (view.width(), view.height()) == SIZE
    digits = view.timer_panel.digits
    assert digits.text() == "2:00"
    glyphs = QFontMetrics(digits.font()).tightBoundingRect(digits.text())
    assert glyphs.height() >= view.height() / 4
    assert digits.height() >= glyphs.height(), "the label shows the digits whole"
    assert digits.width() >= glyphs.width()


def test_the_whole_timer_turns_ready_at_3_00_and_max_at_5_00(
    qtbot: QtBot, view: GymView, resting: tuple[WorkoutSession, FakeClock]
) -> None:
    clock = resting[1]
    settle(qtbot)
    image = view.grab().toImage()
    assert panel_pixels(view, image) == {PHASE_COLOURS[Phase.READY].background}
    assert view.timer_panel.title.text() == "Ready"
    cues = CueLog(view, clock)
    wait(view, clock, 119)
    assert panel_pixels(view, view.grab().toImage()) == {PHASE_COLOURS[Phase.READY].background}
    wait(view, clock, 1)
    assert cues.heard == [("max", 300.0)]
    settle(qtbot)
    assert panel_pixels(view, view.grab().toImage()) == {PHASE_COLOURS[Phase.OVER].background}
    assert view.timer_panel.caption.text() == "over by"


def test_a_paused_rest_looks_paused(qtbot: QtBot, view: GymView) -> None:
    settle(qtbot)
    qtbot.keyClick(view, K.Key_P)
    assert panel_pixels(view, view.grab().toImage()) == {PAUSED.background}
    assert view.timer_panel.title.text() == "Paused"


def test_a_cue_without_sound_flashes_the_timer(qtbot: QtBot, view: GymView) -> None:
    settle(qtbot)
    view.player.flash_requested.emit("max")
    qtbot.wait(FLASH_MS + 40)
    assert view.timer_panel.colours.background == PHASE_COLOURS[Phase.READY].background
    assert panel_pixels(view, view.grab().toImage()) == {"#ffffff"}
    qtbot.wait(FLASH_TOGGLES * FLASH_MS)
    assert panel_pixels(view, view.grab().toImage()) == {PHASE_COLOURS[Phase.READY].background}


def test_ready_and_max_marks_are_labelled_on_the_bar(
    view: GymView, resting: tuple[WorkoutSession, FakeClock]
) -> None:
    session, clock = resting
    assert session.rest is not None
    display = session.rest.display(clock.now())
    assert display.ready_mark < display.fraction + 1e-9 < display.max_mark
    bar = view.timer_panel.bar
    image = bar.grab().toImage()
    ready_x = int(bar.width() * display.ready_mark)
    marks = {QColor(image.pixel(ready_x + dx, bar.height() // 5)).name() for dx in (-1, 0, 1)}
    assert "#ffffff" in marks
