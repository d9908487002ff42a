"""The rest timer never waits on speech: the engine is made in the speech process, never in the
window's, so the window's event loop keeps turning through the first rest while it starts."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.system_needs import require_qt, require_tools

SPEECH_PACKAGES = "speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libspeechd2"

FIRST_REST = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.gym.opening.start import start_workout
from desktop.ui.alerts.rest_follower import RestFollower
from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.alerts.voice import Voice
from tests.gym_support import fake_clock, lift_set, open_log
app = QApplication([])
clock = fake_clock()
session = start_workout(open_log(Path(sys.argv[1])), clock=clock)
lift_set(session, clock)
voice = Voice()
seen = {"ticks": 0, "ticks_at_ready": None, "cues": [], "reasons": []}
ticker = QTimer(interval=10)
ticker.timeout.connect(lambda: seen.__setitem__("ticks", seen["ticks"] + 1))
ticker.start()
def on_ready(engine):
    seen["engine"], seen["ticks_at_ready"] = engine, seen["ticks"]
    QTimer.singleShot(500, app.quit)
voice.voice_ready.connect(on_ready)
voice.voice_unavailable.connect(seen["reasons"].append)
rests = RestFollower(session, CuePlayer(), voice=voice)
rests.cue_reached.connect(seen["cues"].append)
rests.sync()  # the first rest begins: the voice gets ready
clock.advance(180.0)
rests.refresh()  # its ready cue is due at once, while the engine is still being made
seen["ticks_at_cue"] = seen["ticks"]
QTimer.singleShot(30_000, app.quit)
app.exec()
seen["engine_loaded_here"] = "PySide6.QtTextToSpeech" in sys.modules
print(json.dumps(seen))
"""


@pytest.fixture
def private_runtime_dir() -> Iterator[Path]:
    """A runtime folder of the test's own, so speech-dispatcher's autospawned daemon is the
    test's, not one that other runs share (and may have left stuck), and is stopped after."""
    with tempfile.TemporaryDirectory(prefix="sd-") as folder:  # short: a socket path's limit
        yield Path(folder)
        for pid_file in Path(folder).glob("speech-dispatcher/pid/*.pid"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)


def test_the_first_rest_never_waits_for_the_speech_engine(
    tmp_path: Path, private_runtime_dir: Path
) -> None:
    require_qt()
    require_tools(("speech-dispatcher", "espeak-ng"), SPEECH_PACKAGES)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_REST, str(tmp_path)],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(private_runtime_dir),
        },
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["reasons"] == [], seen
    assert seen["engine"] == "speechd", "the speech process made the real engine"
    assert seen["cues"] == ["ready"]
    assert seen["ticks_at_cue"] == 0, "the cue came straight after the rest began"
    assert seen["ticks_at_ready"] > 0, "the window's loop kept turning while the engine started"
    assert not seen["engine_loaded_here"], "the engine is never made in the window's process"
