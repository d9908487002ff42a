"""The README's claim about the rest digits, measured from the rendered pixels.

README, "Read it from 3 m": the rest digits are about a quarter of the window's height. Measured
here as the digits' ink (from the top of the tallest digit to the bottom of the lowest) in a
grab of the window at the size it opens at, gym mode resting.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from db.store import open_store
from desktop.domain.gym.workout import Prompt, Stage
from desktop.plan.planning import Planning
from desktop.plan.setup_form import SetupForm
from desktop.runtime.paths import AppPaths
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import REPO_ROOT

K = Qt.Key


def ink_rows(image: QImage) -> int:
    """Rows from the first to the last that hold anything but the background colour."""
    background = image.pixel(0, 0)
    rows = [
        y
        for y in range(image.height())
        if any(image.pixel(x, y) != background for x in range(0, image.width(), 2))
    ]
    return rows[-1] - rows[0] + 1 if rows else 0


@pytest.fixture(params=["fresh", "planned"])
def window(qtbot: QtBot, data_dir: Path, request: pytest.FixtureRequest) -> MainWindow:
    """A first start's window, on an empty log or (athlete bar shown) with a build-up."""
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    data_dir.mkdir(parents=True)
    store = open_store(paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
    if request.param == "planned":
        race = datetime.now(UTC).date() + timedelta(weeks=20)
        planning = Planning(store, now=lambda: datetime.now(UTC))
        planning.set_up(SetupForm(name="Ana", race_date=race.isoformat()))
    shown = MainWindow(store=store, paths=paths)  # no saved size: the size a first start opens at
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def digits_share(qtbot: QtBot, window: MainWindow) -> float:
    qtbot.wait(50)
    gym = window.gym.view
    assert gym is not None and gym.session.stage is Stage.RESTING
    digits = gym.timer_panel.digits
    assert digits.isVisible() and ":" in digits.text()
    whole = window.grab().toImage()
    assert whole.height() == window.height()
    return ink_rows(digits.grab().toImage()) / window.height()


def test_the_rest_digits_are_about_a_quarter_of_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    if not window.gym.player.muted:  # no audio library is loaded: the cues flash
        window.gym.player.toggle_mute()
    gym = window.gym.open("heavy")
    assert gym is not None
    while gym.session.prompt is Prompt.START_LOAD:  # the loads left to the form
        qtbot.keyClick(gym.focusWidget() or gym, K.Key_Escape)
    for key in (K.Key_W, K.Key_Space, K.Key_Space, K.Key_Return):
        qtbot.keyClick(gym.focusWidget() or gym, key)
    plain = digits_share(qtbot, window)
    qtbot.keyClick(gym, K.Key_Space)  # before 3:00: the banner asks first
    assert gym.session.prompt is Prompt.EARLY
    with_banner = digits_share(qtbot, window)
    print(f"digits: {plain:.1%} of the window's height, {with_banner:.1%} with a banner")
    assert 0.22 <= plain <= 0.30, plain
    assert 0.18 <= with_banner <= plain, with_banner
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "rest digits are about a quarter of the window's height" in readme
