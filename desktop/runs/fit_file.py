"""FIT files (every current watch) through Garmin's own decoder, running sessions only.

A damaged file (cut short by a full watch, a flipped bit) still holds what was written before
the damage: when the session totals decoded, the run is imported and the damage said.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from desktop.runs.fit_decode import decode, named
from desktop.runs.run import FileReading, Run, Sample, Unreadable, km_splits, moving_seconds


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
        runs.append(_run(session, start, records, source))
    return FileReading(runs=tuple(runs), skipped=tuple(skipped), damage=damage)


def _damage(errors: list[Exception]) -> str | None:
    if not errors:
        return None
    text = str(errors[0])
    if "CRC" in text:
        return "damaged (CRC error)"
    return "damaged (cut short)"


def _run(
    session: dict[str, Any], start: datetime, records: list[dict[str, Any]], source: str
) -> Run:
    elapsed = float(session.get("total_elapsed_time") or 0.0)
    end = start + timedelta(seconds=elapsed)
    mine = [r for r in records if _within(r.get("timestamp"), start, end)]
    samples = tuple(_sample(r, start) for r in mine)
    moving = moving_seconds(samples) if samples else float(session.get("total_timer_time") or 0)
    return Run(
        start=start,
        end=end,
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
    return Sample(
        elapsed_s=(record["timestamp"] - start).total_seconds(),
        distance_m=None if distance is None else float(distance),
        speed=None if speed is None else float(speed),
        cadence_spm=cadence,
        heart_rate=None if heart is None else int(heart),
    )
