"""Says a cue's words after its chime, through the platform's own speech engine, which lives in
its own process (`desktop.ui.alerts.speaker`) so the window never waits on it.

Making speech-dispatcher's engine takes about 2-3 s inside one call that holds Python's lock
(it lists every voice it has). Made in the window's process, on its thread or any other, that
stopped the rest timer for those seconds at the first rest, voice on by default. The speech
process makes it instead: `prepare()` only starts the process (a few ms) when a rest begins, and
`say()` writes one line to its stdin, which never blocks on the engine: lines sent before the
engine is ready wait in the pipe and are said in order. Where no engine exists, the chime alone
plays and `voice_unavailable` says why, once, when the process reports it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import weakref
from pathlib import Path
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    import subprocess

log = logging.getLogger(__name__)

TEST_WORDS = "Ready. This is the voice you will hear between sets."
SPEAKER_MODULE = "desktop.ui.alerts.speaker"
SPEAKER_FLAG = "--speech-process"  # how a frozen build, which has no -m, starts it
START_WAIT_MS = 20_000  # a speech-dispatcher that hangs never answers: say so, once


class Voice(QObject):
    """One speech process, started on first need; `rate` −1..1 (0 normal), `volume` 0..1."""

    voice_unavailable = Signal(str)  # why there is no voice; emitted at most once
    voice_ready = Signal(str)  # the engine's name, once the speech process has made it
    words_sent = Signal(str)  # words handed to the speech process, to be said

    def __init__(
        self,
        *,
        enabled: bool = True,
        rate: float = 0.0,
        volume: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._enabled = enabled
        self._rate = _clamp(rate, -1.0, 1.0)
        self._volume = _clamp(volume, 0.0, 1.0)
        self._process: subprocess.Popen[str] | None = None
        self._reason: str | None = None
        self._ready = False
        self._replies = _Replies()
        self._replies.received.connect(self._on_replies_received)

    @property
    def enabled(self) -> bool:
        return self._enabled

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def unavailable_reason(self) -> str | None:
        return self._reason

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled

    def set_rate(self, rate: float) -> None:
        self._rate = _clamp(rate, -1.0, 1.0)

    def set_volume(self, volume: float) -> None:
        self._volume = _clamp(volume, 0.0, 1.0)

    def prepare(self) -> bool:
        """Start the speech process now, while nothing is due; False when there is no voice."""
        return self._enabled and self._start()

    def say(self, words: str, *, after_ms: int = 0) -> None:
        """Speak `words` once `after_ms` have passed (the chime's length); never raises."""
        if not self._enabled or not words:
            return
        QTimer.singleShot(max(0, after_ms), self, lambda: self._speak(words))

    def test_voice(self) -> None:
        """The settings dialog's "Test the voice": at once, even with the voice switched off."""
        self._speak(TEST_WORDS)

    def _speak(self, words: str) -> None:
        if not self._start():
            return
        assert self._process is not None and self._process.stdin is not None
        line = json.dumps({"say": words, "rate": self._rate, "volume": self._volume})
        try:
            self._process.stdin.write(line + "\n")
            self._process.stdin.flush()
            self.words_sent.emit(words)
        except (OSError, ValueError) as error:  # the process ended: its reply says why
            log.warning("speaking %r failed: %s", words, error)
            self._report("Voice is off: the speech process stopped")

    def _start(self) -> bool:
        if self._process is not None or self._reason is not None:
            return self._reason is None
        import subprocess  # 3-5 ms of start-up, for a voice that waits for the first rest

        try:
            process = subprocess.Popen(
                speaker_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=speaker_environment(),
                text=True,
                encoding="utf-8",
            )
        except OSError as error:
            self._report(f"Voice is off: the speech process did not start ({error})")
            return False
        self._process = process
        weakref.finalize(self, _stop, process)
        assert process.stdout is not None
        reader = threading.Thread(
            target=self._replies.read, args=(process.stdout,), name="voice replies", daemon=True
        )
        reader.start()
        QTimer.singleShot(START_WAIT_MS, self, self._on_start_waited)
        return True

    def _on_start_waited(self) -> None:
        if not self._ready:
            self._report("Voice is off: the speech engine did not start")

    @Slot(str)
    def _on_replies_received(self, line: str) -> None:
        try:
            message = json.loads(line)
        except ValueError:
            log.warning("the speech process said %r", line)
            return
        if "ready" in message:
            self._ready = True
            log.info("voice ready: %s engine", message["ready"])
            self.voice_ready.emit(str(message["ready"]))
        for key in ("unavailable", "failed"):
            if key in message:
                self._report(str(message[key]))

    def _report(self, reason: str) -> None:
        if self._reason is None:
            self._reason = reason
            log.warning("%s", reason)
            self.voice_unavailable.emit(reason)


class _Replies(QObject):
    """The speech process's lines, read on a thread and queued to the window's thread.

    A separate object, so the reading thread holds no reference to the Voice: when the Voice
    goes, its finaliser closes the process's stdin and the process ends.
    """

    received = Signal(str)

    def read(self, stream: IO[str]) -> None:
        with stream:
            for line in stream:
                try:
                    self.received.emit(line)
                except RuntimeError:  # the window is gone: nobody is listening
                    return


def speaker_command() -> list[str]:
    """This Python running the speech process; a frozen build is its own interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, SPEAKER_FLAG]
    return [sys.executable, "-m", SPEAKER_MODULE]


def speaker_environment() -> dict[str, str]:
    """The window's environment, with this source tree first on the path for `-m`, and the
    window's PID, which the speech process ends with (`speaker.end_with_the_window`)."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    env["CRAMPROOF_SPEAKER_PARENT"] = str(os.getpid())  # it ends with this process
    return env


def _stop(process: subprocess.Popen[str]) -> None:
    """Closing stdin ends the speech process; one that hangs is killed."""
    import subprocess

    try:
        if process.stdin is not None:
            process.stdin.close()
        process.wait(timeout=2)
    except (OSError, subprocess.TimeoutExpired):
        process.kill()
        process.wait()


def _clamp(value: float, low: float, high: float) -> float:
    return min(high, max(low, float(value)))
