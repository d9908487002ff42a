"""What gym mode says in words: the key line agrees with the banner; messages are shown whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.domain.gym.workout import Prompt, Stage
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.ui.gym_ui import open_view, press, wait
from tests.ui.pixels import contrast, image_rows_blank, ink_and_background

K = Qt.Key


@pytest.fixture
def view(qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path) -> GymView:
    return open_view(qtbot, store, clock, tmp_path, kind="heavy")


def resting_after_a_work_set(qtbot: QtBot, view: GymView, clock: FakeClock) -> None:
    press(qtbot, view, K.Key_W)  # no warm-ups: the next set is heavy work
    press(qtbot, view, K.Key_Space)
    wait(view, clock, 30)
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Return)
    assert view.session.stage is Stage.RESTING
    wait(view, clock, 60)


def test_the_key_line_follows_the_early_rest_banner(
    qtbot: QtBot, view: GymView, clock: FakeClock
) -> None:
    resting_after_a_work_set(qtbot, view, clock)
    hints = view.controls.hints
    assert "Esc leave" in hints.text()
    press(qtbot, view, K.Key_Space)
    assert view.session.prompt is Prompt.EARLY
    banner = view.controls.prompt
    assert banner.isVisible() and "Esc: keep resting" in banner.text()
    assert hints.isVisible() and "Esc keep resting" in hints.text()
    assert "Esc leave" not in hints.text()
    wait(view, clock, 1)  # a tick of the rest keeps both in step
    assert "Esc keep resting" in hints.text()
    press(qtbot, view, K.Key_Escape)
    assert view.session.prompt is None and "Esc leave" in hints.text()


@pytest.mark.parametrize(
    ("key", "banner_word", "hint_word"),
    [(K.Key_E, "Esc: keep going", "Esc keep going"), (K.Key_V, "Esc: keep", "Esc keep this")],
)
def test_the_key_line_follows_every_banner(
    qtbot: QtBot, view: GymView, clock: FakeClock, key: Qt.Key, banner_word: str, hint_word: str
) -> None:
    resting_after_a_work_set(qtbot, view, clock)
    press(qtbot, view, key)
    assert banner_word in view.controls.prompt.text()
    assert hint_word in view.controls.hints.text()
    assert "Esc leave" not in view.controls.hints.text()


def test_a_validation_message_is_shown_whole(qtbot: QtBot, view: GymView) -> None:
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Space)
    view.log_panel.reps.selectAll()
    qtbot.keyClicks(view.log_panel.reps, "abc")
    press(qtbot, view, K.Key_Return)
    for size in ((1366, 768), (1024, 600)):
        view.resize(*size)
        qtbot.wait(20)
        message = view.log_panel.message
        assert message.isVisible() and message.text().startswith("Reps must be a whole number")
        needed = message.fontMetrics().boundingRect(
            message.contentsRect(),
            int(message.alignment()) | Qt.TextFlag.TextWordWrap,
            message.text(),
        )
        assert needed.height() <= message.contentsRect().height(), size
        image = message.grab().toImage()
        assert image_rows_blank(image, (0, image.height() - 1)), "no glyph is cut at an edge"
        ink, background = ink_and_background(image)
        assert contrast(ink, background) >= 4.5
