"""FIT files written by Garmin's Encoder read back into runs with the figures built in."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.runs.files import read_run_file
from desktop.runs.run import Unreadable
from tests.runs.fit_builder import T0, Leg, fit_bytes


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_steady_run_has_its_totals_splits_and_steps(tmp_path: Path) -> None:
    # 3.0 m/s for 1000 s: 3000 m, three whole km of 333.333 s each; 85 strides a min = 170 spm.
    reading = read_run_file(_write(tmp_path, "steady.fit", fit_bytes([Leg("running", 1000)])))
    (run,) = reading.runs
    assert reading.damage is None and reading.skipped == ()
    assert run.start == T0 and run.end.utcoffset() is not None
    assert (run.end - run.start).total_seconds() == 1000
    assert run.distance_m == pytest.approx(3000.0)
    assert run.moving_s == pytest.approx(1000.0)
    assert run.splits_s == pytest.approx((1000 / 3, 1000 / 3, 1000 / 3), abs=1e-3)
    assert {s.cadence_spm for s in run.samples} == {170.0}
    assert {s.heart_rate for s in run.samples} == {140}
    assert run.source == "steady.fit"


def test_a_stop_in_the_middle_is_left_out_of_moving_time_and_splits(tmp_path: Path) -> None:
    # 1000 s of running with a 120 s stop after second 500: elapsed 1120 s, moving 1000 s.
    leg = Leg("running", 1000, stop=(500, 120))
    (run,) = read_run_file(_write(tmp_path, "stop.fit", fit_bytes([leg]))).runs
    assert (run.end - run.start).total_seconds() == 1120
    assert run.moving_s == pytest.approx(1000.0)
    assert run.splits_s == pytest.approx((1000 / 3, 1000 / 3, 1000 / 3), abs=1e-3)


def test_a_multisport_file_gives_its_running_leg_and_skips_the_ride(tmp_path: Path) -> None:
    legs = [Leg("cycling", 600, speed=8.0, cadence=90), Leg("running", 500, offset_s=700)]
    reading = read_run_file(_write(tmp_path, "brick.fit", fit_bytes(legs)))
    (run,) = reading.runs
    assert reading.skipped == ("a cycling session, not a run",)
    assert run.distance_m == pytest.approx(1500.0)
    assert len(run.samples) == 501  # only the running leg's records
    assert run.splits_s == pytest.approx((1000 / 3,), abs=1e-3)


def test_a_ride_is_skipped_with_the_reason(tmp_path: Path) -> None:
    reading = read_run_file(_write(tmp_path, "ride.fit", fit_bytes([Leg("cycling", 300)])))
    assert reading.runs == ()
    assert reading.skipped == ("a cycling session, not a run",)


def test_a_settings_file_is_skipped_as_not_an_activity(tmp_path: Path) -> None:
    reading = read_run_file(_write(tmp_path, "s.fit", fit_bytes([], kind="settings")))
    assert reading.runs == () and reading.skipped == ("a settings file, not an activity",)


def test_a_broken_crc_imports_what_decoded_and_says_so(tmp_path: Path) -> None:
    data = bytearray(fit_bytes([Leg("running", 1000)]))
    data[-1] ^= 0xFF
    reading = read_run_file(_write(tmp_path, "crc.fit", bytes(data)))
    (run,) = reading.runs
    assert reading.damage == "damaged (CRC error)"
    assert run.distance_m == pytest.approx(3000.0)


def test_a_truncated_copy_without_its_session_totals_is_one_line(tmp_path: Path) -> None:
    data = fit_bytes([Leg("running", 1000)])
    with pytest.raises(Unreadable, match=r"^damaged \(cut short\), and no session totals"):
        read_run_file(_write(tmp_path, "cut.fit", data[: len(data) // 2]))


def test_a_truncated_multisport_keeps_the_leg_whose_totals_decoded(tmp_path: Path) -> None:
    legs = [Leg("running", 400), Leg("cycling", 400, offset_s=500)]
    data = fit_bytes(legs)
    reading = read_run_file(_write(tmp_path, "cut.fit", data[:-40]))
    (run,) = reading.runs
    assert reading.damage == "damaged (cut short)"
    assert run.distance_m == pytest.approx(1200.0)


def _sparse(path: Path, size: int) -> None:
    """A 1 GB file that takes no disk: a sparse file of that length."""
    path.write_bytes(b"")
    os.truncate(path, size)


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty.fit", lambda p: p.write_bytes(b""), "empty file"),
        ("x.fit", lambda p: p.mkdir(), "a folder, not a file"),
        ("pipe.fit", os.mkfifo, "a named pipe or device, not a file"),
        ("pipe.gpx", os.mkfifo, "a named pipe or device, not a file"),
        ("big.fit", lambda p: _sparse(p, 1 << 30), "1024 MB is far larger"),
        ("junk.fit", lambda p: p.write_bytes(b"not a fit file at all"), "not a FIT file"),
        ("notes.txt", lambda p: p.write_text("x"), "not a FIT, GPX or TCX file"),
    ],
)
def test_what_is_no_activity_file_is_one_line(
    tmp_path: Path, name: str, make: Callable[[Path], object], reason: str
) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(Unreadable, match=reason) as caught:
        read_run_file(path)
    assert "\n" not in str(caught.value)


def _late(second: int) -> tuple[float, int, int]:
    """3.0 m/s, 90 strides and 140 bpm; from 2000 s 150 bpm; the last 1000 s 2.7 m/s, 86 strides."""
    if second > 3000:
        return 2.7, 86, 150
    return 3.0, 90, 140 if second <= 2000 else 150


def test_a_fit_long_run_with_a_stop_gives_the_late_figures_built_in(tmp_path: Path) -> None:
    from desktop.domain.runs.late_run import late_run

    leg = Leg("running", 4000, profile=_late, stop=(1500, 300))
    (run,) = read_run_file(_write(tmp_path, "long.fit", fit_bytes([leg]))).runs
    assert run.moving_s == pytest.approx(4000.0)
    assert run.distance_m == pytest.approx(3000 * 3.0 + 1000 * 2.7)
    figures = late_run(run.samples)
    assert figures.pace_fade_pct == pytest.approx(100 / 9)
    assert figures.cadence_drop_spm == pytest.approx(180.0 - 172.0)
    assert figures.decoupling_pct == pytest.approx((1 - (2.85 / 150) / (3.0 / 140)) * 100)


@pytest.mark.parametrize(("minutes", "shown"), [(60, "+01:00"), (330, "+05:30"), (None, "+00:00")])
def test_a_run_keeps_the_watch_local_time(tmp_path: Path, minutes: int | None, shown: str) -> None:
    # The activity message's local_timestamp minus its timestamp: the watch's offset that day.
    data = fit_bytes([Leg("running", 600)], utc_offset_min=minutes)
    (run,) = read_run_file(_write(tmp_path, "local.fit", data)).runs
    assert run.start == T0 and (run.end - run.start).total_seconds() == 600
    assert run.start.isoformat().endswith(shown) and run.end.isoformat().endswith(shown)


def test_an_offset_no_clock_uses_falls_back_to_utc(tmp_path: Path) -> None:
    data = fit_bytes([Leg("running", 600)], utc_offset_min=20 * 60)
    (run,) = read_run_file(_write(tmp_path, "wrong.fit", data)).runs
    assert run.start.utcoffset() == timedelta(0)
