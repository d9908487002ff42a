"""A damaged or hand-edited window.ini never silences the cues: the runner sees the defaults."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QMainWindow, QStackedWidget
from pytestqt.qtbot import QtBot

from desktop.ui.alerts.sound_settings import OFF
from desktop.ui.common.window_state import WindowState
from desktop.ui.gym.actions import GymActions
from tests.fake_clock import FakeClock


@pytest.mark.qt_log_ignore("pipewire", "PulseAudioService", "Qt multimedia")
def test_volume_nan_plays_the_cues_at_full_volume_and_is_logged(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    ini = tmp_path / "window.ini"
    ini.write_text("[sound]\nvolume=nan\nmuted=maybe\ndevice=a, b\n", encoding="utf-8")
    window = QMainWindow()
    window.setCentralWidget(pages := QStackedWidget())
    qtbot.addWidget(window)
    with caplog.at_level(logging.WARNING):
        actions = GymActions(
            window=window, pages=pages, store=lambda: None, state=WindowState(ini), now=clock.wall
        )
    assert (actions.player.volume, actions.player.muted, actions.player.device) == (
        1.0,
        False,
        None,
    )
    actions.open_sound_settings()
    dialog = actions.sound_dialog
    assert dialog is not None
    assert dialog.volume.value() == 100, "the Sound dialog shows the volume the cues play at"
    assert dialog.cues.currentText() != OFF, "the cues are not muted"
    logged = [r.getMessage() for r in caplog.records if "unreadable setting" in r.getMessage()]
    assert any("sound/volume='nan'" in line for line in logged), logged
    assert len(logged) == 3
    dialog.close()


def test_theme_and_screen_fall_back_too(tmp_path: Path) -> None:
    ini = tmp_path / "window.ini"
    ini.write_text("[theme]\nhigh_contrast=1e9\n[window]\nlast_view=gym\n", encoding="utf-8")
    state = WindowState(ini)
    assert (state.high_contrast, state.last_view) == (False, None)


INI_LINE = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"), max_size=40
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(["volume", "muted", "device"]),
    st.sampled_from(["high_contrast"]),
    st.sampled_from(["last_view"]),
    INI_LINE,
    INI_LINE,
    INI_LINE,
)
def test_any_line_in_window_ini_gives_usable_settings(
    tmp_path: Path, sound_key: str, theme_key: str, view_key: str, a: str, b: str, c: str
) -> None:
    ini = tmp_path / "window.ini"
    ini.write_text(
        f"[sound]\n{sound_key}={a}\n[theme]\n{theme_key}={b}\n[window]\n{view_key}={c}\n",
        encoding="utf-8",
    )
    state = WindowState(ini)
    volume, muted, device = state.sound
    assert 0.0 <= volume <= 1.0 and isinstance(muted, bool)
    assert device is None or isinstance(device, str)
    assert isinstance(state.high_contrast, bool)
    assert state.last_view in (None, "plan", "progress", "history", "welcome")
