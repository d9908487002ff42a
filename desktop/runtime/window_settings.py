"""Reads the window's remembered settings (window.ini) into checked, typed values.

window.ini is a text file anyone can edit, copy from another machine or damage: `volume=nan` once
silenced every cue without the timer flashing. Every stored value goes through one reader here;
a value it cannot read falls back to its default and is reported, so the window can log it. Kept
free of Qt so it can be fuzzed without a display: the caller hands over what QSettings returned.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import TypeVar

from db.lean_dataclass import frozen_dataclass

T = TypeVar("T")

# The screens a start may reopen (MainWindow.current_view's names).
VIEWS = frozenset({"plan", "progress", "history", "welcome"})
MAX_DEVICE_CHARS = 500

LAST_VIEW, HIGH_CONTRAST = "window/last_view", "theme/high_contrast"
VOLUME, MUTED, DEVICE = "sound/volume", "sound/muted", "sound/device"
VOICE, VOICE_RATE, VOICE_VOLUME = "sound/voice", "sound/voice_rate", "sound/voice_volume"
KEYS = (LAST_VIEW, HIGH_CONTRAST, VOLUME, MUTED, DEVICE, VOICE, VOICE_RATE, VOICE_VOLUME)


@frozen_dataclass
class WindowSettings:
    """The defaults are what a fresh data folder starts with."""

    last_view: str | None = None
    high_contrast: bool = False
    volume: float = 1.0
    muted: bool = False
    device: str | None = None  # None: the system's default output
    voice: bool = True  # the cue's words after its chime ("Chime and voice")
    voice_rate: float = 0.0  # -1 slowest, 0 the engine's normal, 1 fastest
    voice_volume: float = 1.0


class Unreadable(ValueError):
    """A stored value that is not one the setting can take."""


def read_window_settings(raw: Mapping[str, object]) -> tuple[WindowSettings, list[str]]:
    """The settings in `raw` (key -> value as stored), and one line per value that was refused."""
    problems: list[str] = []
    defaults = WindowSettings()

    def read(key: str, parse: Callable[[object], T], default: T) -> T:
        if key not in raw:
            return default
        try:
            return parse(raw[key])
        except Unreadable as why:
            problems.append(f"window.ini {key}={_shown(raw[key])} {why}; using {default!r}")
            return default

    return (
        WindowSettings(
            last_view=read(LAST_VIEW, parse_view, defaults.last_view),
            high_contrast=read(HIGH_CONTRAST, parse_bool, defaults.high_contrast),
            volume=read(VOLUME, parse_volume, defaults.volume),
            muted=read(MUTED, parse_bool, defaults.muted),
            device=read(DEVICE, parse_device, defaults.device),
            voice=read(VOICE, parse_bool, defaults.voice),
            voice_rate=read(VOICE_RATE, parse_rate, defaults.voice_rate),
            voice_volume=read(VOICE_VOLUME, parse_volume, defaults.voice_volume),
        ),
        problems,
    )


def parse_bool(value: object) -> bool:
    """QSettings writes "true"/"false"; a value set in this run comes back as a bool."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise Unreadable("is not true or false")


def parse_volume(value: object) -> float:
    """A linear volume from 0 to 1; nan, infinities and anything outside are refused."""
    return _number_between(value, 0.0, 1.0)


def parse_rate(value: object) -> float:
    """A speaking rate from -1 (slowest) to 1 (fastest), as QTextToSpeech takes it."""
    return _number_between(value, -1.0, 1.0)


def _number_between(value: object, low: float, high: float) -> float:
    why = f"is not a number from {low:g} to {high:g}"
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Unreadable(why)
    try:
        number = float(value)
    except (ValueError, OverflowError):
        raise Unreadable(why) from None
    if not (math.isfinite(number) and low <= number <= high):
        raise Unreadable(why)
    return number


def parse_device(value: object) -> str | None:
    """An output device's name as the sound dialog stored it; empty means the system default."""
    if not isinstance(value, str):  # `a, b` comes back from QSettings as a list
        raise Unreadable("is not a device name")
    if len(value) > MAX_DEVICE_CHARS or not value.isprintable():
        raise Unreadable("is not a device name")
    return value or None


def parse_view(value: object) -> str | None:
    """One of the screens the window can reopen."""
    if isinstance(value, str) and value in VIEWS:
        return value
    raise Unreadable("is not a screen Cramproof has")


def _shown(value: object) -> str:
    """The stored value for a log line: one line, bounded, whatever it holds."""
    text = ascii(value)
    return text if len(text) <= 60 else text[:57] + "..."
