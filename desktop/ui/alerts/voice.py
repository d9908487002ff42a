"""Says a cue's words after its chime, through the platform's own speech engine.

QtTextToSpeech is imported on first use, never at start-up: it is a plugin system of its own
and most runs never speak. On Linux its engine is speech-dispatcher (`speechd`); Qt also ships
a `mock` engine for its own tests, which says nothing, so it never counts as a voice.

Nothing waits on speech: `say()` queues the words on a single-shot timer and `QTextToSpeech.say`
returns at once, so the rest timer's cues keep their time. Making the engine is the slow part
(about 3 s for speech-dispatcher, which lists every voice it has, with Python's lock held), so
`prepare()` is called when a rest has just begun, its cues minutes away. Where no engine
exists, the chime alone plays and `voice_unavailable` says why, once.
"""

from __future__ import annotations

import importlib
import logging
from types import ModuleType
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

TEST_WORDS = "Ready. This is the voice you will hear between sets."
_NOT_VOICES = frozenset({"mock"})  # Qt's test engine: silent


class Voice(QObject):
    """One QTextToSpeech, made on first need; `rate` −1..1 (0 normal), `volume` 0..1."""

    voice_unavailable = Signal(str)  # why there is no voice; emitted at most once

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
        self._speech: Any | None = None
        self._tried = False
        self._reason: str | None = None

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
        if self._speech is not None:
            self._speech.setRate(self._rate)

    def set_volume(self, volume: float) -> None:
        self._volume = _clamp(volume, 0.0, 1.0)
        if self._speech is not None:
            self._speech.setVolume(self._volume)

    def prepare(self) -> bool:
        """Make the engine now, while nothing is due; False when there is no voice."""
        if not self._enabled:
            return False
        try:
            return self._engine() is not None
        except Exception:  # a broken speech stack must not stop a workout
            log.exception("preparing the voice failed")
            self._report("Voice is off: the speech engine failed to start")
            return False

    def say(self, words: str, *, after_ms: int = 0) -> None:
        """Speak `words` once `after_ms` have passed (the chime's length); never raises."""
        if not self._enabled or not words:
            return
        QTimer.singleShot(max(0, after_ms), self, lambda: self._speak(words))

    def test_voice(self) -> None:
        """The settings dialog's "Test the voice": at once, even with the voice switched off."""
        enabled, self._enabled = self._enabled, True
        try:
            self._speak(TEST_WORDS)
        finally:
            self._enabled = enabled

    def _speak(self, words: str) -> None:
        try:
            speech = self._engine()
            if speech is None:
                return
            speech.stop()  # a cue is news: the previous one, if still talking, is old
            speech.say(words)
        except Exception:
            log.exception("speaking %r failed", words)
            self._report("Voice is off: the speech engine failed")

    def _engine(self) -> Any | None:
        if self._speech is not None or self._tried:
            return self._speech
        self._tried = True
        module = self._load()
        if module is None:
            return None
        engines = [
            name for name in module.QTextToSpeech.availableEngines() if name not in _NOT_VOICES
        ]
        if not engines:
            self._report("Voice is off: no speech engine (install speech-dispatcher)")
            return None
        speech = module.QTextToSpeech(engines[0], self)
        if speech.state() == module.QTextToSpeech.State.Error:
            self._report(f"Voice is off: {speech.errorString() or 'the speech engine failed'}")
            speech.deleteLater()
            return None
        speech.setRate(self._rate)
        speech.setVolume(self._volume)
        self._speech = speech
        log.info("voice ready: %s engine", engines[0])
        return speech

    def _load(self) -> ModuleType | None:
        try:
            return importlib.import_module("PySide6.QtTextToSpeech")
        except (ImportError, OSError) as error:
            self._report(f"Voice is off: Qt Text to Speech could not load ({error})")
            return None

    def _report(self, reason: str) -> None:
        if self._reason is None:
            self._reason = reason
            log.warning("%s", reason)
            self.voice_unavailable.emit(reason)


def _clamp(value: float, low: float, high: float) -> float:
    return min(high, max(low, float(value)))
