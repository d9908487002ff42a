"""A watch's year as FIT files, written with Garmin's own Encoder and kept under build/.

Six runs a week for fifty weeks: five easy runs of 40 minutes and a long run growing from 90 to
200 minutes, each at 1 Hz with the fields a current running watch records (position, distance,
speed, altitude, heart rate, cadence with its fraction, temperature, running dynamics), a lap a
kilometre, the timer events and the session and activity totals. About a million records.
Encoding takes minutes, so the files are made once (on both cores) and reused while this
module's VERSION and the file count stay the same.
"""

from __future__ import annotations

import math
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any

VERSION = 1
FIRST_DAY = datetime(2026, 1, 5, 7, 0, tzinfo=UTC)
CACHE = Path(__file__).resolve().parent.parent / "build" / "bench-runs"


def year_of_runs(
    files: int = 300, *, cache: Path = CACHE, minutes: int | None = None
) -> list[Path]:
    """The year's files, made now if they are not in the cache yet (`minutes`: every run that
    long, for a quick test of this code)."""
    folder = cache / (f"v{VERSION}-{files}" + (f"-{minutes}min" if minutes else ""))
    paths = [folder / f"{index:03d}.fit" for index in range(files)]
    missing = [index for index, path in enumerate(paths) if not path.is_file()]
    if missing:
        folder.mkdir(parents=True, exist_ok=True)
        with ProcessPoolExecutor(mp_context=get_context("spawn")) as pool:
            for index, data in zip(
                missing, pool.map(partial(run_bytes, minutes=minutes), missing), strict=True
            ):
                unfinished = folder / f".{index:03d}.part"
                unfinished.write_bytes(data)
                unfinished.replace(paths[index])
    return paths


def minutes_of(index: int) -> int:
    """Five easy runs of 40 minutes, then the week's long run (90 minutes, +2.2 a week)."""
    week, day = divmod(index, 6)
    return 40 if day < 5 else 90 + round(week * 2.2)


def run_bytes(index: int, minutes: int | None = None) -> bytes:
    """File `index` of the year: one run on its own day, so no two are the same run."""
    from garmin_fit_sdk import Encoder, Profile

    mesg = Profile["mesg_num"]
    week, day = divmod(index, 6)
    start = FIRST_DAY + timedelta(days=7 * week + day)
    seconds = (minutes or minutes_of(index)) * 60
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": mesg["FILE_ID"],
            "type": "activity",
            "manufacturer": "garmin",
            "product": 3113,
            "time_created": start,
            "serial_number": 3_950_000_000 + index,
        }
    )
    for device in (0, 1):
        encoder.write_mesg(
            {
                "mesg_num": mesg["DEVICE_INFO"],
                "timestamp": start,
                "device_index": device,
                "manufacturer": "garmin",
                "serial_number": 3_950_000_000 + device,
                "software_version": 19.2,
            }
        )
    _event(encoder, mesg["EVENT"], start, "start")
    distance = lap_start = 0.0
    lap_from = start
    for second in range(seconds + 1):
        stamp = start + timedelta(seconds=second)
        record = _record(second, seconds, distance)
        distance = record["distance"]
        encoder.write_mesg({"mesg_num": mesg["RECORD"], "timestamp": stamp, **record})
        if distance - lap_start >= 1000.0 or second == seconds:
            _lap(encoder, mesg["LAP"], lap_from, stamp, distance - lap_start)
            lap_start, lap_from = distance, stamp
    end = start + timedelta(seconds=seconds)
    _event(encoder, mesg["EVENT"], end, "stop_all")
    encoder.write_mesg(
        {
            "mesg_num": mesg["SESSION"],
            "timestamp": end,
            "start_time": start,
            "sport": "running",
            "sub_sport": "generic",
            "total_distance": distance,
            "total_elapsed_time": float(seconds),
            "total_timer_time": float(seconds),
            "avg_heart_rate": 145,
        }
    )
    encoder.write_mesg(
        {
            "mesg_num": mesg["ACTIVITY"],
            "timestamp": end,
            "total_timer_time": float(seconds),
            "num_sessions": 1,
            "type": "manual",
            "event": "activity",
            "event_type": "stop",
        }
    )
    return bytes(encoder.close())


def _record(second: int, seconds: int, distance: float) -> dict[str, Any]:
    """One second of a run that fades a little late: speed, cadence and heart rate drift."""
    late = max(0.0, second / seconds - 0.75)
    speed = 3.2 + 0.15 * math.sin(second / 97) - 0.8 * late
    return {
        "position_lat": 617_000_000 + second * 37,
        "position_long": 119_000_000 + second * 23,
        "distance": distance + (speed if second else 0.0),
        "enhanced_speed": speed,
        "enhanced_altitude": 120.0 + 15.0 * math.sin(second / 600),
        "heart_rate": 138 + second * 14 // max(seconds, 1),
        "cadence": 86 - round(8 * late),
        "fractional_cadence": 0.5,
        "temperature": 14,
        "vertical_oscillation": 86.0,
        "stance_time": 245.0,
        "step_length": 1120.0,
    }


def _event(encoder: Any, number: int, stamp: datetime, kind: str) -> None:
    encoder.write_mesg(
        {
            "mesg_num": number,
            "timestamp": stamp,
            "event": "timer",
            "event_type": kind,
            "timer_trigger": "manual",
        }
    )


def _lap(encoder: Any, number: int, start: datetime, end: datetime, metres: float) -> None:
    encoder.write_mesg(
        {
            "mesg_num": number,
            "timestamp": end,
            "start_time": start,
            "total_elapsed_time": (end - start).total_seconds(),
            "total_timer_time": (end - start).total_seconds(),
            "total_distance": metres,
            "event": "lap",
            "event_type": "stop",
            "lap_trigger": "distance",
        }
    )
