"""The speech process ends with the window: a window killed outright (`kill -9`, the kernel's OOM
killer, a crash) must not leave `python -m desktop.ui.alerts.speaker` running under PID 1, one
more after every such end, each holding a speech-dispatcher connection.

The real window in a process of its own, its voice made by a private speech-dispatcher and
heard once (the settings' "Test the voice"), then SIGKILLed.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.ui.alerts.voice import SPEAKER_MODULE
from tests.audio_server import PulseServer
from tests.speech_server import SPEECH_PACKAGES, SPEECH_TOOLS, speech_dispatcher, stuck_daemon
from tests.system_needs import require_tools

pytestmark = pytest.mark.audio

WINDOW_SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import start_window
from desktop.runtime.paths import AppPaths
app = QApplication(sys.argv[:1])
data = Path(sys.argv[1])
shown = start_window(AppPaths(data_dir=data, log_dir=data / "logs"))
heard = []
def speak():
    if not shown.opened:
        return QTimer.singleShot(50, speak)
    voice = shown.window.gym.voice
    for signal, key in ((voice.voice_unavailable, "unavailable"), (voice.voice_ready, "ready"),
                        (voice.words_sent, "sent")):
        signal.connect(lambda value, key=key: print(json.dumps({key: value}), flush=True))
    voice.test_voice()
QTimer.singleShot(0, speak)
app.exec()
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _speaker_of(pid: int) -> int | None:
    for child in _children(pid):
        try:
            command = (Path("/proc") / str(child) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if SPEAKER_MODULE.encode() in command:
            return child
    return None


def _running(pid: int) -> bool:
    """True while `pid` lives and is no zombie (a container's PID 1 may never reap it)."""
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.parametrize("daemon", ["speaking", "hung"])
def test_killing_the_window_ends_its_speech_process(
    audio_server: PulseServer, tmp_path: Path, daemon: str
) -> None:
    """Speaking: the voice made and heard. Hung: a speech-dispatcher that takes the connection
    and never answers, so the speech process is still making its engine when the window dies."""
    require_tools(SPEECH_TOOLS, SPEECH_PACKAGES)
    waits_for = "ready" if daemon == "speaking" else "sent"
    with contextlib.ExitStack() as stack:
        if daemon == "speaking":
            address = stack.enter_context(speech_dispatcher(tmp_path, audio_server.client_env()))
        else:
            stack.enter_context(stuck_daemon(tmp_path / "hung.sock"))
            address = f"unix_socket:{tmp_path / 'hung.sock'}"
        env = audio_server.client_env(
            SPEECHD_ADDRESS=address, QT_QPA_PLATFORM="offscreen", QT_AUDIO_BACKEND="pulseaudio"
        )
        env.pop("CRAMPROOF_DATA_DIR", None)
        window = subprocess.Popen(
            [sys.executable, "-c", WINDOW_SCRIPT, str(tmp_path / "data")],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        speaker = None
        try:
            assert window.stdout is not None
            said: dict[str, str] = {}
            while waits_for not in said and "unavailable" not in said:
                said = json.loads(window.stdout.readline() or '{"unavailable": "window ended"}')
            assert waits_for in said, f"the voice was not {waits_for}: {said}"
            speaker = _speaker_of(window.pid)
            assert speaker is not None and _running(speaker), "the speech process runs"
            window.send_signal(signal.SIGKILL)
            window.wait()
            deadline = time.monotonic() + 5
            while _running(speaker) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert not _running(speaker), "the speech process outlived the killed window"
        finally:
            window.kill()
            window.wait()
            if window.stdout is not None:
                window.stdout.close()
            if speaker is not None and _running(speaker):
                os.kill(speaker, signal.SIGKILL)
