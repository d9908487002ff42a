"""FIT files built with Garmin's own Encoder, every figure known to the test that built it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

T0 = datetime(2027, 3, 14, 7, 0, tzinfo=UTC)
FIT_EPOCH_S = 631065600


@dataclass(frozen=True)
class Leg:
    """One session: sport, start offset, and per-second (speed m/s, leg cadence, hr) or a stop."""

    sport: str
    seconds: int
    speed: float = 3.0
    cadence: int | None = 85
    heart_rate: int | None = 140
    stop: tuple[int, int] | None = None  # (from second, for seconds): standing, speed 0
    offset_s: int = 0
    # Per second (from 1): (speed m/s, leg cadence, heart rate), overriding the steady values.
    profile: Callable[[int], tuple[float, int, int | None]] | None = None
    # Per second (from 0): altitude in m, written as FIT's enhanced_altitude (0.2 m steps).
    altitude: Callable[[int], float] | None = None


def fit_bytes(
    legs: Iterable[Leg], *, kind: str = "activity", utc_offset_min: int | None = None
) -> bytes:
    """An activity file: file_id, then per leg its records (1 Hz) and its session totals; with
    `utc_offset_min`, the closing activity message a watch writes, its local time that far from
    UTC (local_timestamp is seconds since FIT's epoch, 1989-12-31 UTC, as the SDK decodes it)."""
    from garmin_fit_sdk import Encoder, Profile

    mesg = Profile["mesg_num"]
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": mesg["FILE_ID"],
            "type": kind,
            "manufacturer": "garmin",
            "product": 1,
            "time_created": T0,
            "serial_number": 7,
        }
    )
    for leg in legs:
        records, distance, elapsed = _records(leg)
        for record in records:
            encoder.write_mesg({"mesg_num": mesg["RECORD"], **record})
        start = T0 + timedelta(seconds=leg.offset_s)
        encoder.write_mesg(
            {
                "mesg_num": mesg["SESSION"],
                "timestamp": start + timedelta(seconds=elapsed),
                "start_time": start,
                "sport": leg.sport,
                "sub_sport": "generic",
                "total_distance": distance,
                "total_elapsed_time": float(elapsed),
                "total_timer_time": float(elapsed),
            }
        )
    if utc_offset_min is not None:
        local = T0 + timedelta(minutes=utc_offset_min)
        encoder.write_mesg(
            {
                "mesg_num": mesg["ACTIVITY"],
                "timestamp": T0,
                "local_timestamp": round(local.timestamp()) - FIT_EPOCH_S,
                "num_sessions": 1,
                "type": "manual",
            }
        )
    return bytes(encoder.close())


def _records(leg: Leg) -> tuple[list[dict[str, Any]], float, int]:
    start = T0 + timedelta(seconds=leg.offset_s)
    stop_from, stop_for = leg.stop or (leg.seconds + 1, 0)
    records: list[dict[str, Any]] = []
    distance = 0.0
    elapsed = 0
    for second in range(leg.seconds + stop_for + 1):
        standing = stop_from < second <= stop_from + stop_for
        running_s = second - stop_for if second > stop_from + stop_for else min(second, stop_from)
        speed, cadence, heart = (
            leg.profile(max(running_s, 1))
            if leg.profile
            else (leg.speed, leg.cadence, leg.heart_rate)
        )
        if second and not standing:
            distance += speed
        record: dict[str, Any] = {
            "timestamp": start + timedelta(seconds=second),
            "distance": distance,
            "enhanced_speed": 0.0 if standing else speed,
        }
        if cadence is not None:
            record["cadence"] = 0 if standing else cadence
        if heart is not None:
            record["heart_rate"] = heart
        if leg.altitude is not None:
            record["enhanced_altitude"] = leg.altitude(second)
        records.append(record)
        elapsed = second
    return records, distance, elapsed
