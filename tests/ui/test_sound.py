"""CuePlayer settings and its never-raise promise, in this process without loading audio."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain.rest.rest_timer import Cue
from desktop.ui.alerts.sound import CuePlayer, default_sounds


@pytest.fixture
def player(qtbot: QtBot) -> CuePlayer:
    return CuePlayer()


def test_default_sounds_are_the_bundled_cues() -> None:
    sounds = default_sounds()
    assert set(sounds) == set(Cue)
    for cue, path in sounds.items():
        assert path.name == f"{cue.value}.wav"
        assert path.is_file()


@pytest.mark.parametrize(("asked", "kept"), [(0.5, 0.5), (-1.0, 0.0), (3.0, 1.0), (1, 1.0)])
def test_volume_is_clamped(player: CuePlayer, asked: float, kept: float) -> None:
    player.set_volume(asked)
    assert player.volume == kept
    assert CuePlayer(volume=asked).volume == kept


def test_mute_toggles_and_device_is_remembered(player: CuePlayer) -> None:
    assert not player.muted
    assert player.toggle_mute() is True
    assert player.muted
    assert player.toggle_mute() is False
    player.set_device("USB speaker")
    assert player.device == "USB speaker"
    player.set_device(None)
    assert player.device is None


def test_muted_cue_asks_for_a_flash_instead(qtbot: QtBot) -> None:
    player = CuePlayer(muted=True)
    with qtbot.waitSignal(player.flash_requested) as flash:
        player.play(Cue.MAX)
    assert flash.args == ["max"]
    with qtbot.waitSignal(player.flash_requested) as flash:
        player.test_alert()
    assert flash.args == ["ready"]
    assert player.unavailable_reason is None


def test_play_never_raises_on_an_unknown_cue(
    qtbot: QtBot, player: CuePlayer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(player.flash_requested) as flash:
        player.play("warm-up")
    assert flash.args == ["warm-up"]
    assert "warm-up" in caplog.text
