"""The cues are really heard: played through a private PulseAudio server and recorded back."""

from __future__ import annotations

import itertools
from math import sqrt

import pytest

from tests.audio_server import (
    RATE,
    PulseServer,
    recording,
    run_cue_player,
)

pytestmark = pytest.mark.audio

LOUD = 16_000  # -6 dBFS: the cues peak at -1 dBFS and play at full volume
QUIET = 100
GAP_S = 0.05


def bursts(samples: list[int], *, threshold: int = 1000) -> list[float]:
    """Lengths in seconds of the loud stretches, split by gaps of at least 50 ms."""
    loud = [i for i, value in enumerate(samples) if abs(value) > threshold]
    if not loud:
        return []
    lengths, start = [], loud[0]
    for before, after in itertools.pairwise(loud):
        if after - before > GAP_S * RATE:
            lengths.append((before - start) / RATE)
            start = after
    lengths.append((loud[-1] - start) / RATE)
    return lengths


def rms(samples: list[int]) -> float:
    return sqrt(sum(value * value for value in samples) / max(1, len(samples)))


def test_ready_cue_is_heard_on_the_default_device(audio_server: PulseServer) -> None:
    with recording(audio_server) as samples:
        seen = run_cue_player(audio_server.client_env(), "ready")
    assert seen["reason"] is None
    assert seen["flashes"] == []
    assert audio_server.sink_description in seen["devices"]
    assert seen["prepared"] is True
    assert max(map(abs, samples)) > LOUD
    assert rms(samples) > 1000
    beeps = bursts(samples)
    assert len(beeps) == 3, f"READY is a triple beep, heard {beeps}"


def test_muted_player_is_silent_and_asks_for_a_flash(audio_server: PulseServer) -> None:
    with recording(audio_server) as samples:
        seen = run_cue_player(audio_server.client_env(), "ready", muted=True, run_ms=1200)
    assert seen["flashes"] == ["ready"]
    assert seen["reason"] is None
    assert samples, "the recorder ran"
    assert max(map(abs, samples)) < QUIET


def test_max_cue_plays_on_the_chosen_device(audio_server: PulseServer) -> None:
    with recording(audio_server) as samples:
        seen = run_cue_player(
            audio_server.client_env(), "max", device=audio_server.sink_description
        )
    assert seen["reason"] is None
    assert max(map(abs, samples)) > LOUD
    (alarm,) = bursts(samples)
    assert 1.3 < alarm < 1.7, "MAX is one continuous 1.5 s alarm"
