"""window.ini is read through one checked reader: nothing stored there can silence the cues."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.runtime.window_settings import (
    DEVICE,
    HIGH_CONTRAST,
    LAST_VIEW,
    MUTED,
    VIEWS,
    VOICE,
    VOICE_RATE,
    VOICE_VOLUME,
    VOLUME,
    WindowSettings,
    read_window_settings,
)

KEYS = (LAST_VIEW, HIGH_CONTRAST, VOLUME, MUTED, DEVICE, VOICE, VOICE_RATE, VOICE_VOLUME)


def test_an_empty_file_gives_the_defaults_without_a_complaint() -> None:
    assert read_window_settings({}) == (WindowSettings(), [])


def test_what_the_window_writes_reads_back() -> None:
    stored = {LAST_VIEW: "history", HIGH_CONTRAST: "true", VOLUME: "0.4", MUTED: "false"}
    settings_read, problems = read_window_settings({**stored, DEVICE: "Speaker by the rack"})
    assert problems == []
    assert settings_read == WindowSettings("history", True, 0.4, False, "Speaker by the rack")
    assert read_window_settings({DEVICE: ""})[0].device is None
    voice = {VOICE: "false", VOICE_RATE: "-0.5", VOICE_VOLUME: "0.25"}
    assert read_window_settings(voice) == (
        WindowSettings(voice=False, voice_rate=-0.5, voice_volume=0.25),
        [],
    )


def test_an_unreadable_voice_rate_keeps_the_normal_rate() -> None:
    for rate in ("nan", "-1.5", "2", "fast", ""):
        read, [problem] = read_window_settings({VOICE_RATE: rate})
        assert read.voice_rate == 0.0, rate
        assert "is not a number from -1 to 1; using 0.0" in problem


def test_unreadable_values_fall_back_to_their_defaults_and_are_reported() -> None:
    for volume in ("nan", "NaN", "inf", "-inf", "1.5", "-0.1", "loud", "1e999", ""):
        read, problems = read_window_settings({VOLUME: volume})
        assert read.volume == 1.0, volume
        [problem] = problems
        assert problem.startswith(f"window.ini {VOLUME}=") and "using 1.0" in problem
    weird = {
        HIGH_CONTRAST: "yes please",
        MUTED: ["true", "false"],  # `muted=true, false` comes back from QSettings as a list
        DEVICE: ["Speaker", "by the rack"],
        LAST_VIEW: "../../etc",
    }
    read, problems = read_window_settings(weird)
    assert read == WindowSettings()
    assert len(problems) == 4
    assert all("\n" not in line for line in problems)


STORED_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=700),
    st.sampled_from(["nan", "inf", "-0", "1e-400", " 0.5 ", "TRUE", "plan", "\x00", "a\nb"]),
    st.binary(max_size=20),
    st.lists(st.text(max_size=10), max_size=3),
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), STORED_VALUE))
def test_any_stored_value_gives_usable_settings(raw: dict[str, object]) -> None:
    read, problems = read_window_settings(raw)
    assert math.isfinite(read.volume) and 0.0 <= read.volume <= 1.0
    assert -1.0 <= read.voice_rate <= 1.0 and 0.0 <= read.voice_volume <= 1.0
    assert isinstance(read.voice, bool)
    assert isinstance(read.muted, bool) and isinstance(read.high_contrast, bool)
    assert read.last_view is None or read.last_view in VIEWS
    assert read.device is None or (read.device.isprintable() and len(read.device) <= 500)
    assert len(problems) <= len(raw)
    assert all(line.isprintable() and len(line) < 200 for line in problems)
