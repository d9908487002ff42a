"""The speech process: owns the QTextToSpeech engine, so the window never waits on it.

Why a process and not a thread: making speech-dispatcher's engine lists every voice it has
(1,530 with espeak-ng) in about 2-3 s, inside one call that holds Python's lock. In a thread of
the window's process that still stops the window's Python for those seconds, rest timer
included; in its own process it costs the window nothing. `desktop.ui.alerts.voice` starts it.

The protocol is one JSON object a line. In, on stdin: {"say": words, "rate": r, "volume": v}.
Out, on stdout: {"ready": engine} once the engine is made, or {"unavailable": reason} (then the
process ends), and {"failed": reason} when saying a line failed. It ends when stdin closes, and
with the window: a killed window's EOF is never read while the engine hangs in speech-dispatcher.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import threading
import time
from typing import IO, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

NOT_VOICES = frozenset({"mock"})  # Qt's test engine: silent, so never counted as a voice
PARENT_ENV = "CRAMPROOF_SPEAKER_PARENT"  # the window's PID, set by `voice.speaker_environment`
PR_SET_PDEATHSIG = 1


def end_with_the_window() -> None:
    """Die when the window does, even while making the engine holds Python's lock for seconds
    or a hung speech-dispatcher never answers: then stdin's EOF would never be read.

    Linux: the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG; the window starts
    this from its main thread, which lives as long as it does). Elsewhere a thread watches the
    parent's PID. A window that died before this ran is noticed by its PID already changed.
    """
    expected = os.environ.pop(PARENT_ENV, "")
    if not expected.isdigit():
        return
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != int(expected):
                os._exit(0)
            return
    threading.Thread(target=_watch_parent, args=(int(expected),), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def reply(**message: str) -> None:
    """One line to the window; flushed at once, it is waiting for it."""
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def make_engine() -> tuple[Any | None, str]:
    """The platform's engine and its name, or None and why there is no voice."""
    try:
        module = importlib.import_module("PySide6.QtTextToSpeech")
    except (ImportError, OSError) as error:
        return None, f"Voice is off: Qt Text to Speech could not load ({error})"
    engines = [name for name in module.QTextToSpeech.availableEngines() if name not in NOT_VOICES]
    if not engines:
        return None, "Voice is off: no speech engine (install speech-dispatcher)"
    speech = module.QTextToSpeech(engines[0])
    if speech.state() == module.QTextToSpeech.State.Error:
        return None, f"Voice is off: {speech.errorString() or 'the speech engine failed'}"
    return speech, engines[0]


class Lines(QObject):
    """stdin's lines, read on a thread and handed to the main thread by queued signal."""

    received = Signal(str)
    closed = Signal()

    def read(self, stream: IO[str]) -> None:
        for line in stream:
            self.received.emit(line)
        self.closed.emit()


class Speaker(QObject):
    """Says each line it receives, the previous one cut short: a cue is news."""

    def __init__(self) -> None:
        super().__init__()
        self.speech: Any | None = None

    @Slot(str)
    def say(self, line: str) -> None:
        if self.speech is None:
            return
        try:
            message = json.loads(line)
            self.speech.stop()
            self.speech.setRate(float(message.get("rate", 0.0)))
            self.speech.setVolume(float(message.get("volume", 1.0)))
            self.speech.say(str(message["say"]))
        except Exception as error:  # one bad line must not end the voice
            reply(failed=f"Voice is off: the speech engine failed ({error})")


def main() -> int:
    end_with_the_window()
    app = QCoreApplication(sys.argv[:1])
    speaker = Speaker()
    try:
        speaker.speech, name = make_engine()
    except Exception as error:  # a broken speech stack: said once, in the window
        name = f"Voice is off: the speech engine failed to start ({error})"
    if speaker.speech is None:
        reply(unavailable=name)
        return 0
    reply(ready=name)
    # Read only now: lines sent while the engine was being made waited in the pipe, in order.
    lines = Lines()
    lines.received.connect(speaker.say)
    lines.closed.connect(app.quit)
    threading.Thread(target=lines.read, args=(sys.stdin,), daemon=True).start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
