"""Without working audio the app goes on: a beep, a flash request, one reason for the status bar."""

from __future__ import annotations

import os
from pathlib import Path

from tests.audio_server import run_audio_child, run_cue_player


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """A child environment that cannot reach any sound server, and will not start one."""
    config = tmp_path / "client.conf"
    config.write_text("autospawn = no\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PULSE")}
    env.update(
        HOME=str(tmp_path),
        XDG_RUNTIME_DIR=str(tmp_path),
        PULSE_CLIENTCONFIG=str(config),
        PULSE_SERVER=f"unix:{tmp_path / 'no-such-server'}",
    )
    return env


def test_missing_qt_multimedia_falls_back_and_reports_once(tmp_path: Path) -> None:
    seen = run_cue_player(
        isolated_env(tmp_path), "ready", "max", "ready", block_multimedia=True, run_ms=300
    )
    assert seen["flashes"] == ["ready", "max", "ready"]
    reason = seen["reason"]
    assert isinstance(reason, str)
    assert reason.startswith("Sound is off: Qt Multimedia could not load")
    assert seen["reasons"] == [reason]
    assert seen["devices"] == []
    assert seen["prepared"] is False


def test_no_output_device_falls_back_and_reports_once(tmp_path: Path) -> None:
    seen = run_cue_player(isolated_env(tmp_path), "max", "max", run_ms=500)
    assert seen["flashes"] == ["max", "max"]
    reason = seen["reason"]
    assert isinstance(reason, str)
    # Where libpulse itself is missing Qt Multimedia cannot even load; either way sound is off.
    assert reason.startswith("Sound is off:")
    assert seen["reasons"] == [reason]
    assert seen["devices"] == []
    assert seen["prepared"] is False


def test_gym_mode_without_an_audio_output_says_so_before_the_first_set(tmp_path: Path) -> None:
    """After a restart with no audio output the gym screen said "Sound on (M)" until the
    first rest's cue failed: the player learns it only when it first loads. Gym mode now asks
    the player as it opens, and the screen says what is true from the start."""
    data_dir, screenshot = tmp_path / "data", tmp_path / "no-sound.png"
    env = {**isolated_env(tmp_path), "SPEECHD_ADDRESS": f"unix_socket:{tmp_path / 'no-speechd'}"}
    child = ["-m", "tests.ui.no_sound_window_child", str(data_dir), str(screenshot)]
    seen = run_audio_child(child, env)
    assert seen["stage"] == "READY", "no set was started"
    reason = seen["reason"]
    assert isinstance(reason, str) and reason.startswith("Sound is off:"), seen
    assert "Sound on" not in str(seen["progress"]), seen
    assert "No sound: the timer flashes" in str(seen["progress"]), seen
    assert seen["status"] == reason, seen
    assert screenshot.is_file()
