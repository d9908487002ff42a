"""FIT files (every current watch) through Garmin's own decoder, running sessions only.

A damaged file (cut short by a full watch, a flipped bit) still holds what was written before
the damage: when the session totals decoded, the run is imported and the damage said.

FIT stores times in UTC; the watch's own clock is only in the `activity` message, whose
`local_timestamp` minus its `timestamp` is the offset the runner lived in that day. A run is
kept in that offset (a run at 07:00 in Paris is a 07:00 run, not 06:00), in UTC without it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from desktop.runs.reading.fit_decode import decode, named
from desktop.runs.reading.run import FileReading, Run, Sample, Unreadable, km_splits, moving_seconds


def read_fit(data: bytes, source: str, *, thorough: bool = False) -> FileReading:
    """The running sessions of a FIT file; other sessions and non-activity files skipped.
    `thorough` decodes with the SDK's default options (the reference the quick ones match)."""
    from garmin_fit_sdk import Decoder, Stream

    if not Decoder(Stream.from_byte_array(bytearray(data))).is_fit():
        raise Unreadable("not a FIT file")
    messages, errors = decode(data, thorough=thorough)
    damage = _damage(errors)
    file_ids = messages.get("file_id_mesgs", [])
    kind = named("file", file_ids[0].get("type")) if file_ids else None
    if kind is not None and kind != "activity":
        return FileReading(runs=(), skipped=(f"a {kind} file, not an activity",))
    sessions = messages.get("session_mesgs", [])
    if not sessions:
        if damage:
            raise Unreadable(f"{damage}, and no session totals decoded")
        raise Unreadable("no session in this activity file")
    records = messages.get("record_mesgs", [])
    zone = watch_zone(messages.get("activity_mesgs", []))
    runs: list[Run] = []
    skipped: list[str] = []
    for session in sessions:
        sport = str(named("sport", session.get("sport", "unknown")))
        start = session.get("start_time")
        if sport != "running":
            skipped.append(f"a {sport} session, not a run")
            continue
        if not isinstance(start, datetime):
            skipped.append("a running session without a start time")
            continue
        runs.append(_run(session, start, records, source, zone))
    return FileReading(runs=tuple(runs), skipped=tuple(skipped), damage=damage)


# Seconds from the Unix epoch to FIT's (1989-12-31 00:00 UTC): local_timestamp decodes as a
# plain count of seconds from FIT's epoch, not as a datetime.
FIT_EPOCH_S = 631065600
# The widest offsets any clock uses (UTC-12 to UTC+14): anything else is a watch set wrong.
WIDEST_OFFSET = timedelta(hours=14)


def watch_zone(activities: list[dict[str, Any]]) -> timezone:
    """The watch's UTC offset, to the minute, from the first activity message that has both
    times; UTC when none has (GPX-like exports, older watches) or the offset is not a real one."""
    for activity in activities:
        stamp, local = activity.get("timestamp"), activity.get("local_timestamp")
        if not isinstance(stamp, datetime) or not isinstance(local, int | float):
            continue
        offset = timedelta(minutes=round((local + FIT_EPOCH_S - stamp.timestamp()) / 60))
        if abs(offset) <= WIDEST_OFFSET:
            return timezone(offset)
    return UTC


def _damage(errors: list[Exception]) -> str | None:
    if not errors:
        return None
    text = str(errors[0])
    if "CRC" in text:
        return "damaged (CRC error)"
    return "damaged (cut short)"


def _run(
    session: dict[str, Any],
    start: datetime,
    records: list[dict[str, Any]],
    source: str,
    zone: timezone,
) -> Run:
    elapsed = float(session.get("total_elapsed_time") or 0.0)
    end = start + timedelta(seconds=elapsed)
    mine = [r for r in records if _within(r.get("timestamp"), start, end)]
    samples = tuple(_sample(r, start) for r in mine)
    moving = moving_seconds(samples) if samples else float(session.get("total_timer_time") or 0)
    return Run(
        start=start.astimezone(zone),
        end=end.astimezone(zone),
        sport="running",
        distance_m=float(session.get("total_distance") or 0.0),
        moving_s=moving,
        splits_s=km_splits(samples),
        samples=samples,
        source=source,
    )


def _within(stamp: object, start: datetime, end: datetime) -> bool:
    return isinstance(stamp, datetime) and start <= stamp <= end


def _sample(record: dict[str, Any], start: datetime) -> Sample:
    """FIT counts running cadence per leg (strides a minute): steps are twice that."""
    cadence = record.get("cadence")
    if cadence is not None:
        cadence = 2.0 * (float(cadence) + float(record.get("fractional_cadence") or 0.0))
    speed = record.get("enhanced_speed", record.get("speed"))
    distance = record.get("distance")
    heart = record.get("heart_rate")
    altitude = record.get("enhanced_altitude", record.get("altitude"))
    return Sample(
        elapsed_s=(record["timestamp"] - start).total_seconds(),
        distance_m=None if distance is None else float(distance),
        speed=None if speed is None else float(speed),
        cadence_spm=cadence,
        heart_rate=None if heart is None else int(heart),
        altitude_m=None if altitude is None else float(altitude),
    )
