"""A private PulseAudio server with a null sink, a recorder on its monitor, and a cue player.

Nothing touches the developer's own sound setup: the server gets its own home, runtime and
state folders and a socket in a test folder, and is torn down when the test is done.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.system_needs import require_qt

SINK = "cramproof_test"
SINK_DESCRIPTION = "CramproofTestSink"
RATE = 44_100
START_TIMEOUT_S = 10.0
TAIL_S = 0.3  # audio still on its way through the server when the player exits
TOOLS = ("pulseaudio", "pactl", "parecord")


def missing_tools() -> list[str]:
    """The PulseAudio programs this machine lacks (apt-get install pulseaudio pulseaudio-utils)."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@dataclass(frozen=True)
class PulseServer:
    """A running private server: where clients connect and which sink they hear."""

    address: str
    sink: str
    sink_description: str
    env: dict[str, str]

    def client_env(self, **extra: str) -> dict[str, str]:
        """Environment for a child process that must play through this server only."""
        return {**self.env, "PULSE_SERVER": self.address, **extra}

    def pactl(self, *args: str) -> str:
        done = subprocess.run(
            ["pactl", f"--server={self.address}", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
        return done.stdout


@contextmanager
def pulse_server(base: Path) -> Iterator[PulseServer]:
    """Start `pulseaudio` with a null sink as the default sink; stop it afterwards."""
    env = _isolated_env(base)
    socket = base / "native"
    log_path = base / "pulseaudio.log"
    command = [
        "pulseaudio",
        "--daemonize=no",
        "--system=false",
        "-n",
        "--exit-idle-time=-1",
        "--use-pid-file=no",
        "--log-target=stderr",
        f"--load=module-null-sink sink_name={SINK} rate={RATE} "
        f"sink_properties=device.description={SINK_DESCRIPTION}",
        f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    server = PulseServer(f"unix:{socket}", SINK, SINK_DESCRIPTION, env)
    try:
        _wait_until_up(server, process, log_path)
        server.pactl("set-default-sink", SINK)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextmanager
def recording(server: PulseServer) -> Iterator[list[int]]:
    """Record the sink's monitor as 16-bit mono; the yielded list fills in when the block ends.

    Yields only once audio data flows: a null sink idling at its default 2 s latency takes up
    to 2 s to serve a new recording stream.
    """
    command = [
        "parecord",
        f"--server={server.address}",
        f"--device={server.sink}.monitor",
        "--raw",
        "--format=s16le",
        f"--rate={RATE}",
        "--channels=1",
        "--latency-msec=20",
    ]
    process = subprocess.Popen(command, env=server.env, stdout=subprocess.PIPE)
    assert process.stdout is not None
    stdout = process.stdout
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.extend(iter(lambda: stdout.read1(65536), b"")))
    reader.start()
    samples: list[int] = []
    try:
        _wait_for(lambda: bool(chunks), process)
        yield samples
    finally:
        time.sleep(TAIL_S)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=5)
        reader.join(timeout=5)
        stdout.close()
    data = b"".join(chunks)
    samples.extend(array("h", data[: len(data) // 2 * 2]))


def _isolated_env(base: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PULSE", "DBUS"))}
    for name in ("home", "run", "config", "state"):
        (base / name).mkdir(parents=True, exist_ok=True)
    (base / "run").chmod(0o700)
    env.update(
        HOME=str(base / "home"),
        XDG_RUNTIME_DIR=str(base / "run"),
        XDG_CONFIG_HOME=str(base / "config"),
        PULSE_RUNTIME_PATH=str(base / "run" / "pulse"),
        PULSE_STATE_PATH=str(base / "state"),
    )
    return env


def _wait_until_up(server: PulseServer, process: subprocess.Popen[bytes], log: Path) -> None:
    def answers() -> bool:
        try:
            server.pactl("info")
        except subprocess.CalledProcessError:
            return False
        return True

    try:
        _wait_for(answers, process)
    except RuntimeError as error:
        raise RuntimeError(f"{error}\n{log.read_text(errors='replace')}") from None


def _wait_for(ready: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        if ready():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{process.args[0]} did not come up within {START_TIMEOUT_S} s")


PLAYER_SCRIPT = r"""
import json, sys
options = json.loads(sys.argv[1])
if options["block_multimedia"]:
    sys.modules["PySide6.QtMultimedia"] = None  # as if libpulse or the module were missing
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.ui.alerts.sound import CuePlayer
app = QApplication([])
player = CuePlayer(muted=options["muted"], device=options["device"])
seen = {"flashes": [], "reasons": []}
player.flash_requested.connect(seen["flashes"].append)
player.sound_unavailable.connect(seen["reasons"].append)
for cue in options["cues"]:
    QTimer.singleShot(0, lambda cue=cue: player.play(cue))
QTimer.singleShot(options["run_ms"], app.quit)
app.exec()
seen.update(
    reason=player.unavailable_reason, devices=player.output_devices(), prepared=player.prepare()
)
print(json.dumps(seen))
"""


def run_cue_player(
    env: dict[str, str],
    *cues: str,
    muted: bool = False,
    device: str | None = None,
    block_multimedia: bool = False,
    run_ms: int = 1800,
) -> dict[str, object]:
    """Play cues through a CuePlayer in a fresh process (Qt picks its audio backend at import).

    Returns what the player reported: flashes, sound_unavailable reasons, the final
    unavailable_reason, the output devices it saw and whether `prepare()` succeeded.
    """
    options = {
        "cues": list(cues),
        "muted": muted,
        "device": device,
        "block_multimedia": block_multimedia,
        "run_ms": run_ms,
    }
    return run_audio_child(["-c", PLAYER_SCRIPT, json.dumps(options)], env, timeout=60)


def run_audio_child(args: list[str], env: dict[str, str], *, timeout: int = 90) -> dict:
    """Run this Python with `args` in a fresh process (Qt picks its audio server once per
    process, at the first sound) and return the JSON object its last line of output holds."""
    require_qt()
    # Offscreen Qt; PulseAudio even where PipeWire's client library is installed.
    child_env = {**env, "QT_QPA_PLATFORM": "offscreen", "QT_AUDIO_BACKEND": "pulseaudio"}
    done = subprocess.run(
        [sys.executable, *args],
        env=child_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(f"{args[:2]} exited with {done.returncode}:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])
