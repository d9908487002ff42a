"""The high-contrast gym theme (Ctrl+Shift+G) changes gym mode itself, and shows state clearly.

Gym mode had its own fixed colours, so the theme left it pixel for pixel the same, though gym
mode is where bright gym lights matter. In the theme the cramp report's three answers looked
alike, and disabled buttons looked enabled.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from db.store import Store, open_store
from desktop.history.history import HistoryLog
from desktop.progress.series import ProgressSource
from desktop.runtime.paths import AppPaths
from desktop.ui.common.theme import apply_theme
from desktop.ui.gym.view import GymView
from desktop.ui.history.view import HistoryView
from desktop.ui.progress.view import ProgressView
from desktop.ui.shell.main_window import MainWindow
from tests.fake_clock import FakeClock
from tests.ui.gym_ui import SCREEN, open_view, press
from tests.ui.pixels import colours, contrast, ink_and_background

K = Qt.Key
NOW = datetime(2027, 3, 3, 19, tzinfo=UTC)


@pytest.fixture(autouse=True)
def normal_theme_after() -> Iterator[None]:
    """The theme is application-wide: every test here leaves the normal one behind."""
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, high_contrast=False)


def high_contrast(on: bool = True) -> None:
    """Switch the theme as the menu does; the palette reaches the widgets on the next turn."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, high_contrast=on)
    QApplication.processEvents()


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def differing_share(a: QImage, b: QImage) -> float:
    assert a.size() == b.size()
    step = 4
    points = [(x, y) for y in range(0, a.height(), step) for x in range(0, a.width(), step)]
    return sum(a.pixel(x, y) != b.pixel(x, y) for x, y in points) / len(points)


def test_ctrl_shift_g_changes_gym_mode_and_back(qtbot: QtBot, data_dir: Path) -> None:
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    data_dir.mkdir(parents=True)
    store = open_store(paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
    window = MainWindow(store=store, paths=paths)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    gym = window.gym.open("heavy")
    assert gym is not None
    qtbot.wait(50)
    before = grab(gym)
    qtbot.keyClick(
        gym, K.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.view_actions.high_contrast_action.isChecked()
    qtbot.wait(50)
    after = grab(gym)
    assert differing_share(before, after) > 0.5, "most of gym mode looks different"
    background = QColor(after.pixel(after.width() // 2, after.height() // 8))
    assert background == QColor("#000000"), background.name()
    primary = window.gym.view.controls.primary  # type: ignore[union-attr]
    ink, face = ink_and_background(grab(primary))
    assert contrast(ink, face) >= 7, "the primary button reads from across the room"
    qtbot.keyClick(
        gym, K.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.wait(50)
    assert differing_share(before, grab(gym)) < 0.01, "switched off, gym mode is as before"
    window.close()


def test_a_gym_mode_opened_in_the_theme_is_in_it(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    high_contrast()
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    image = grab(view)
    assert QColor(image.pixel(image.width() // 2, image.height() // 8)) == QColor("#000000")


def indicator(button: QAbstractButton) -> QImage:
    side = button.height()
    return grab(button).copy(QRect(0, 0, side, side))


def dark_pixels(image: QImage) -> int:
    return sum(n for rgb, n in colours(image).items() if QColor(rgb).lightness() < 80)


def test_the_cramp_answers_look_different_by_state(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    high_contrast()
    view: GymView = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    press(qtbot, view, K.Key_E)
    press(qtbot, view, K.Key_Return)
    form = view.summary.cramps
    assert form.isVisible() and form.unanswered.isChecked()
    chosen, other = dark_pixels(indicator(form.unanswered)), dark_pixels(indicator(form.no))
    assert chosen > other * 1.3, (chosen, other)
    form.yes.setChecked(True)
    qtbot.wait(10)
    assert dark_pixels(indicator(form.yes)) > dark_pixels(indicator(form.unanswered)) * 1.3
    box = form.sites["calf"]
    unticked = dark_pixels(indicator(box))
    box.setChecked(True)
    assert dark_pixels(indicator(box)) > unticked * 1.3


def ink_contrast(button: QWidget) -> tuple[float, QColor]:
    ink, face = ink_and_background(grab(button))
    return contrast(ink, face), ink


def test_disabled_buttons_look_disabled(qtbot: QtBot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    store = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    history = HistoryView(HistoryLog(store, now=lambda: NOW))
    progress = ProgressView(ProgressSource(store, now=lambda: NOW))
    try:
        high_contrast()
        for view in (history, progress):
            view.resize(*SCREEN)
            view.show()
            qtbot.waitExposed(view)
        enabled, enabled_ink = ink_contrast(history.export_button)
        assert history.export_button.isEnabled() and enabled >= 7
        disabled = [history.delete_button, history.undo_button]
        disabled += [chart.save_button for chart in progress.charts()]
        for button in disabled:
            assert not button.isEnabled()
            ratio, ink = ink_contrast(button)
            assert ratio < enabled / 2, f"{button.text()} reads as enabled ({ratio:.1f})"
            assert contrast(ink, enabled_ink) > 2, f"{button.text()} has enabled words"
    finally:
        high_contrast(False)  # while the log the views read is still open
        for view in (history, progress):
            view.close()
            view.deleteLater()
        qtbot.wait(10)
        store.close()
