"""The ready cue is said aloud after its chime, through the app's own path (RestFollower →
CuePlayer → Voice → QtTextToSpeech → speech-dispatcher), recorded from a private PulseAudio
server; without a speech engine the chime still plays and the reason is given once."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.ui.alerts.sound import CuePlayer
from tests.audio_server import RATE, TOOLS, PulseServer, pulse_server, recording
from tests.system_needs import require_qt, require_tools
from tests.ui.test_sound_audio import bursts

pytestmark = pytest.mark.audio

SPEECH_PACKAGES = "speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libspeechd2"
NO_DISPATCHER = "unix_socket:/nonexistent/speechd.sock"  # as if speech-dispatcher were absent

REST_SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.domain.rest.rest_timer import Cue
from desktop.gym.opening.start import start_workout
from desktop.ui.alerts.rest_follower import RestFollower
from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.alerts.voice import Voice
from tests.gym_support import fake_clock, lift_set, open_log
app = QApplication([])
clock = fake_clock()
session = start_workout(open_log(Path(sys.argv[1])), clock=clock)
lift_set(session, clock)
player, voice = CuePlayer(), Voice()
seen = {"reasons": [], "cues": []}
player.sound_unavailable.connect(seen["reasons"].append)
voice.voice_unavailable.connect(seen["reasons"].append)
rests = RestFollower(session, player, voice=voice)
rests.cue_reached.connect(seen["cues"].append)
rests.sync()  # the rest begins: chime and voice get ready while the cues are minutes away
def reach(seconds):
    clock.advance(seconds)
    rests.refresh()
for at_ms, seconds in json.loads(sys.argv[2]):
    QTimer.singleShot(at_ms, lambda seconds=seconds: reach(seconds))
QTimer.singleShot(int(sys.argv[3]), app.quit)
app.exec()
seen["reason"] = voice.unavailable_reason
print(json.dumps(seen))
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PulseServer]:
    require_tools(TOOLS, "pulseaudio pulseaudio-utils")
    with pulse_server(tmp_path_factory.mktemp("pulse")) as running:
        yield running


def run_rest(
    env: dict[str, str], data_dir: Path, steps: list[tuple[int, float]], run_ms: int
) -> dict[str, object]:
    """A heavy session's first rest in a fresh process: each step advances the rest's clock."""
    require_qt()
    child_env = {**env, "QT_QPA_PLATFORM": "offscreen", "QT_AUDIO_BACKEND": "pulseaudio"}
    done = subprocess.run(
        [sys.executable, "-c", REST_SCRIPT, str(data_dir), json.dumps(steps), str(run_ms)],
        env=child_env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def loud_span_s(samples: list[int], *, threshold: int = 1000) -> float:
    loud = [i for i, value in enumerate(samples) if abs(value) > threshold]
    return (loud[-1] - loud[0]) / RATE if loud else 0.0


def test_the_ready_cue_is_said_after_its_chime(server: PulseServer, tmp_path: Path) -> None:
    require_tools(("speech-dispatcher", "espeak-ng"), SPEECH_PACKAGES)
    chime_s = CuePlayer().length_ms("ready") / 1000
    with recording(server) as samples:
        seen = run_rest(server.client_env(), tmp_path, [(200, 180.0)], run_ms=9000)
    assert seen["reasons"] == [], seen
    assert seen["cues"] == ["ready"]
    assert max(map(abs, samples)) > 8000, "the chime and the voice are heard"
    heard = loud_span_s(samples)
    assert heard > chime_s + 1.0, f"heard {heard:.2f} s: the chime alone lasts {chime_s:.2f} s"
    assert len(bursts(samples)) > 3, "the voice follows the chime's three beeps"


def test_without_a_speech_engine_the_chime_plays_and_why_is_said_once(
    server: PulseServer, tmp_path: Path
) -> None:
    env = server.client_env(SPEECHD_ADDRESS=NO_DISPATCHER)
    with recording(server) as samples:
        seen = run_rest(env, tmp_path, [(200, 180.0), (1500, 120.0)], run_ms=3500)
    assert seen["cues"] == ["ready", "max"]
    assert seen["reasons"] == ["Voice is off: Connection to speech-dispatcher failed"]
    assert seen["reason"] == seen["reasons"][0]
    assert max(map(abs, samples)) > 8000, "the chimes still play"
