"""A private speech-dispatcher for the voice tests: its own socket, configuration and log in a
test folder, speaking into the test's PulseAudio server, and killed when the test is done.

A daemon shared with other processes (the one libspeechd autospawns at the runtime folder's
default socket) can be left stuck, e.g. by cues spoken while no audio server answered; every
later client then waits on it for ever. A test that starts its own and points SPEECHD_ADDRESS
at it neither waits on nor depends on anybody else's.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

SPEECH_TOOLS = ("speech-dispatcher", "espeak-ng")
SPEECH_PACKAGES = "speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libspeechd2"
START_TIMEOUT_S = 10.0
SOCKET_PATH_MAX = 100  # sun_path holds 108 bytes

CONFIG = """\
LogLevel 3
LogDir "{log_dir}"
AudioOutputMethod "pulse"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
"""


@contextmanager
def speech_dispatcher(base: Path, env: dict[str, str]) -> Iterator[str]:
    """Run speech-dispatcher in the foreground with `env` (PULSE_SERVER says where it speaks);
    yield its SPEECHD_ADDRESS; kill it and its output module afterwards."""
    config, log_dir = base / "speechd", base / "speechd-log"
    (config / "modules").mkdir(parents=True)
    log_dir.mkdir()
    (config / "speechd.conf").write_text(CONFIG.format(log_dir=log_dir))
    (config / "modules" / "espeak-ng.conf").write_text("")  # espeak-ng's own defaults
    path = base / "speechd.sock"
    if len(str(path)) > SOCKET_PATH_MAX:
        raise RuntimeError(f"socket path too long for a unix socket: {path}")
    command = [
        "speech-dispatcher",
        "--run-single",
        "--communication-method=unix_socket",
        f"--socket-path={path}",
        f"--config-dir={config}",
        f"--pid-file={base / 'speechd.pid'}",
        "--timeout=0",
    ]
    with (log_dir / "stderr.log").open("wb") as log:
        # Its own session: the output module it starts is killed with it, nothing else is.
        process = subprocess.Popen(command, env=env, stdout=log, stderr=log, start_new_session=True)
    try:
        _wait_until_listening(path, process, log_dir)
        yield f"unix_socket:{path}"
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextmanager
def stuck_daemon(path: Path) -> Iterator[None]:
    """A socket at `path` that takes connections and never answers, as a hung daemon does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(path))
        listener.listen(16)
        yield
    finally:
        listener.close()
        path.unlink(missing_ok=True)


def _wait_until_listening(path: Path, process: subprocess.Popen[bytes], log_dir: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"speech-dispatcher exited with {process.returncode}: {_logs(log_dir)}"
            )
        with suppress(OSError), socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.connect(str(path))
            return
        time.sleep(0.05)
    raise RuntimeError(
        f"speech-dispatcher did not listen within {START_TIMEOUT_S} s: {_logs(log_dir)}"
    )


def _logs(log_dir: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in sorted(log_dir.glob("*.log")))
