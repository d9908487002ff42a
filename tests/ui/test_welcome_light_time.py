"""A runner who lifted without a plan finds the light session's time on the welcome page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.store import open_store
from desktop.runtime.paths import AppPaths
from desktop.ui.shell.main_window import MainWindow
from tests.local_zone import local_time, local_zone
from tests.planning_support import OFFSCREEN_SIZE_HINTS

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_SIZE_HINTS, "pipewire", "PulseAudioService", "Qt multimedia"
)
K = Qt.Key


class WallClock:
    """The window's `now`, moved by the test."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def berlin() -> Iterator[None]:
    with local_zone("Europe/Berlin"):
        yield


def test_the_welcome_page_shows_the_light_session_after_a_heavy_one(
    qtbot: QtBot, data_dir: Path, berlin: None, tmp_path: Path
) -> None:
    clock = WallClock(local_time(date(2026, 3, 1), 10, 0))
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    data_dir.mkdir(parents=True)
    store = open_store(paths.database, backups_dir=paths.backups, now=clock())
    window = MainWindow(store=store, paths=paths, now=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.welcome_view.light_label.isHidden()
    window.welcome_view.session_button.click()
    view = window.gym.view
    assert view is not None and view.session.plan.kind == "heavy"
    qtbot.keyClick(view, K.Key_Space)
    clock.moment += timedelta(seconds=40)
    qtbot.keyClick(view, K.Key_Space)
    qtbot.keyClick(view.focusWidget() or view, K.Key_Return)  # save the set as shown
    qtbot.keyClick(view, K.Key_E)
    qtbot.keyClick(view, K.Key_Return)
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.summary)
    clock.moment = local_time(date(2026, 3, 1), 11, 30)
    qtbot.keyClick(view.focusWidget() or view, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.gym.view is None)
    welcome = window.welcome_view
    assert window.centralWidget().currentWidget() is welcome
    assert welcome.light_label.isVisible()
    assert welcome.light_label.text() == "Light session at 17:30"
    window.grab().save(str(tmp_path / "welcome.png"))
    window.close()
    store.close()
