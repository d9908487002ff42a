"""The quick decoder options read every file exactly as the SDK's defaults do: whole, damaged,
cut short, chained, or not a run at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.runs.reading.files import read_run_file
from desktop.runs.reading.fit_decode import decode, fit_crc
from desktop.runs.reading.run import FileReading, Unreadable
from tests.runs.fit_builder import T0, Leg, fit_bytes
from tests.runs.test_fit_file import _late


def _flip(data: bytes, at: int) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 0x01
    return bytes(changed)


def _heart_rate_value(data: bytes) -> int:
    """Where the 140 bpm of a late record sits: flipping it keeps the file's shape, not its CRC."""
    return data.rindex(bytes([140]), 0, len(data) - 200)


def _heart_rate_apart() -> bytes:
    """A minute whose heart rate a chest strap stored apart (hr messages, 4 a second): the SDK
    merges them into the records by default, so the quick options must not lose them."""
    from datetime import timedelta

    from garmin_fit_sdk import Encoder, Profile

    mesg = Profile["mesg_num"]
    encoder = Encoder()
    encoder.write_mesg(
        {"mesg_num": mesg["FILE_ID"], "type": "activity", "manufacturer": "garmin", "product": 1}
    )
    encoder.write_mesg(
        {
            "mesg_num": mesg["HR"],
            "timestamp": T0,
            "fractional_timestamp": 0.0,
            "event_timestamp": [0.0],
            "filtered_bpm": [150],
        }
    )
    for second in range(1, 60, 4):
        beats = [float(second + i) for i in range(4)]
        bpm = [150 + i for i in range(4)]
        encoder.write_mesg({"mesg_num": mesg["HR"], "event_timestamp": beats, "filtered_bpm": bpm})
    for second in range(61):
        stamp = T0 + timedelta(seconds=second)
        record = {"timestamp": stamp, "distance": 3.0 * second, "enhanced_speed": 3.0}
        encoder.write_mesg({"mesg_num": mesg["RECORD"], **record, "cadence": 85})
    encoder.write_mesg(
        {
            "mesg_num": mesg["SESSION"],
            "timestamp": T0 + timedelta(seconds=60),
            "start_time": T0,
            "sport": "running",
            "total_distance": 180.0,
            "total_elapsed_time": 60.0,
            "total_timer_time": 60.0,
        }
    )
    return bytes(encoder.close())


def _speed_only(fields: Callable[[int], dict[str, object]]) -> bytes:
    """Two minutes whose records carry speed as `fields` gives it (an older watch's ways)."""
    from datetime import timedelta

    from garmin_fit_sdk import Encoder, Profile

    mesg = Profile["mesg_num"]
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": mesg["FILE_ID"], "type": "activity", "manufacturer": "garmin"})
    for second in range(121):
        stamp = T0 + timedelta(seconds=second)
        encoder.write_mesg(
            {"mesg_num": mesg["RECORD"], "timestamp": stamp, **fields(second), "cadence": 85}
        )
    encoder.write_mesg(
        {
            "mesg_num": mesg["SESSION"],
            "timestamp": T0 + timedelta(seconds=120),
            "start_time": T0,
            "sport": "running",
            "total_distance": 360.0,
            "total_elapsed_time": 120.0,
            "total_timer_time": 120.0,
        }
    )
    return bytes(encoder.close())


LONG = fit_bytes([Leg("running", 4000, profile=_late, stop=(1500, 300))])
BRICK = fit_bytes([Leg("running", 400), Leg("cycling", 400, offset_s=500)])
FILES: dict[str, Callable[[], bytes]] = {
    "long": lambda: LONG,
    "brick": lambda: BRICK,
    "ride": lambda: fit_bytes([Leg("cycling", 300)]),
    "settings": lambda: fit_bytes([], kind="settings"),
    "crc-byte": lambda: _flip(LONG, len(LONG) - 1),
    "crc-inside": lambda: _flip(LONG, _heart_rate_value(LONG)),
    "cut-half": lambda: LONG[: len(LONG) // 2],
    "cut-brick": lambda: BRICK[:-40],
    "cut-crc": lambda: LONG[:-1],
    "chained": lambda: BRICK + fit_bytes([Leg("running", 300)]),
    "chained-crc": lambda: _flip(BRICK, len(BRICK) - 1) + LONG,
    "trailing": lambda: LONG + b"\0\0\0",
    "heart-rate-apart": _heart_rate_apart,
    "speed": lambda: _speed_only(lambda s: {"distance": 3.0 * s, "speed": 3.0}),
    "speed-over-enhanced": lambda: _speed_only(
        lambda s: {"distance": 3.0 * s, "speed": 3.25, "enhanced_speed": 3.1}
    ),
    "packed": lambda: _speed_only(lambda s: {"compressed_speed_distance": [0x2C, 0x31, s % 16]}),
}


def read_fit_bytes(data: bytes) -> tuple:
    from desktop.runs.reading.fit_file import read_fit

    return read_fit(data, "hr.fit").runs


def _reading(path: Path, *, thorough: bool) -> FileReading | str:
    try:
        return read_run_file(path, thorough=thorough)
    except Unreadable as error:
        return f"unreadable: {error}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_quick_options_read_each_file_as_the_defaults_do(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.fit"
    path.write_bytes(FILES[name]())
    quick = _reading(path, thorough=False)
    assert quick == _reading(path, thorough=True)
    assert quick != FileReading(runs=())


def test_a_flipped_bit_inside_a_record_is_a_crc_error_as_with_the_defaults() -> None:
    damaged = _flip(LONG, _heart_rate_value(LONG))
    _, thorough_errors = decode(damaged, thorough=True)
    messages, errors = decode(damaged)
    assert "CRC" in str(thorough_errors[0]) and "CRC" in str(errors[0])
    assert len(messages["record_mesgs"]) == 4301
    assert decode(LONG)[1] == []


def test_the_crc_is_fits_own() -> None:
    from garmin_fit_sdk import CrcCalculator

    assert fit_crc(LONG[:-2]) == CrcCalculator.calculate_crc(LONG, 0, len(LONG) - 2)
    assert fit_crc(LONG[:-2]) == int.from_bytes(LONG[-2:], "little")


def test_the_quick_options_leave_out_the_conversions_nobody_reads() -> None:
    """The point of them: enums stay numbers (the reader names the two it needs)."""
    messages, _ = decode(LONG)
    assert messages["session_mesgs"][0]["sport"] == 1
    assert decode(LONG, thorough=True)[0]["session_mesgs"][0]["sport"] == "running"


def test_heart_rate_stored_apart_reaches_the_records() -> None:
    (run,) = read_fit_bytes(_heart_rate_apart())
    assert {sample.heart_rate for sample in run.samples[1:50]} <= {150, 151, 152, 153}
