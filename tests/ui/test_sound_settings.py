"""Sound settings change the player at once and are remembered for the next start."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.alerts.sound_settings import (
    CHIME,
    CHIME_AND_VOICE,
    DEFAULT_DEVICE,
    OFF,
    SoundSettingsDialog,
)
from desktop.ui.alerts.voice import Voice
from desktop.ui.common.window_state import WindowState

# Listing outputs loads QtMultimedia, which reports a missing sound server; that is the point of
# the fallback, not a test failure.
pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudioService", "Qt multimedia")


def test_changes_apply_to_the_player_and_are_reported(qtbot: QtBot) -> None:
    player = CuePlayer(volume=0.8, muted=False)
    dialog = SoundSettingsDialog(player, Voice())
    qtbot.addWidget(dialog)
    assert dialog.cues.currentText() == CHIME_AND_VOICE
    assert dialog.volume.value() == 80
    assert dialog.device.itemText(0) == DEFAULT_DEVICE
    with qtbot.waitSignal(dialog.settings_changed) as changed:
        dialog.volume.setValue(35)
    assert changed.args == [0.35, False, None]
    assert player.volume == 0.35
    dialog.cues.setCurrentText(OFF)
    assert player.muted


def test_the_cues_choice_turns_the_voice_and_the_chime_on_and_off(qtbot: QtBot) -> None:
    player, voice = CuePlayer(muted=True), Voice(enabled=False)
    dialog = SoundSettingsDialog(player, voice)
    qtbot.addWidget(dialog)
    assert dialog.cues.currentText() == OFF
    dialog.cues.setCurrentText(CHIME)
    assert (player.muted, voice.enabled) == (False, False)
    dialog.cues.setCurrentText(CHIME_AND_VOICE)
    assert (player.muted, voice.enabled) == (False, True)
    with qtbot.waitSignal(dialog.settings_changed):
        dialog.voice_rate.setValue(-5)
    dialog.voice_volume.setValue(60)
    assert (voice.rate, voice.volume) == (-0.5, 0.6)


def test_test_the_alert_never_fails_and_says_what_happened(qtbot: QtBot) -> None:
    player = CuePlayer(muted=False)
    dialog = SoundSettingsDialog(player, Voice())
    qtbot.addWidget(dialog)
    dialog.test_button.click()
    assert dialog.status.text(), "either 'Played…' or the reason sound is unavailable"


def test_sound_settings_survive_a_restart(tmp_path: Path) -> None:
    state = WindowState(tmp_path / "window.ini")
    assert state.sound == (1.0, False, None)
    state.set_sound(volume=0.4, muted=True, device="Speaker by the rack")
    assert WindowState(tmp_path / "window.ini").sound == (0.4, True, "Speaker by the rack")


def test_voice_settings_survive_a_restart(tmp_path: Path) -> None:
    state = WindowState(tmp_path / "window.ini")
    assert state.voice == (True, 0.0, 1.0)
    state.set_voice(enabled=False, rate=-0.3, volume=0.7)
    assert WindowState(tmp_path / "window.ini").voice == (False, -0.3, 0.7)
