"""GPX and TCX tracks: read after the XML guard, positions turned into distance and dropped.

GPX has no sport field every watch fills; a track without one counts as a run only when its
moving speed is one a person runs at (not a walk, not a ride).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop.runs.reading.run import FileReading, Run, Sample, Unreadable, km_splits, moving_seconds
from desktop.runs.reading.safe_xml import UnsafeXml, check_xml

# A jog is about 2 m/s (8:20 per km), a world-record marathon 5.7 m/s: outside, not a run.
RUNNING_SPEEDS = (1.8, 6.5)  # m/s
RUNNING_NAMES = frozenset({"running", "run", "9", "trail_running", "treadmill_running"})
# One track point: time, distance along the track, heart rate, steps a minute, altitude (m).
_Stamp = tuple[datetime, float, int | None, float | None, float | None]


def read_gpx(data: bytes, source: str) -> FileReading:
    """The tracks of a GPX file that are runs (by their type, or by a running speed)."""
    import gpxpy
    import gpxpy.gpx

    _guard(data)
    try:
        gpx = gpxpy.parse(data.decode("utf-8", errors="replace"))
    except gpxpy.gpx.GPXException as error:
        raise Unreadable(f"not a GPX file ({' '.join(str(error).split())})") from None
    runs: list[Run] = []
    skipped: list[str] = []
    for track in gpx.tracks:
        points = [p for seg in track.segments for p in seg.points if p.time is not None]
        if len(points) < 2:
            skipped.append("a track without timed points")
            continue
        distance = 0.0
        stamps: list[_Stamp] = []
        for before, point in zip([None, *points], points, strict=False):
            if before is not None:
                distance += point.distance_2d(before) or 0.0
            stamps.append((_aware(point.time), distance, *_gpx_extras(point), point.elevation))
        run = _run(stamps, source)
        reason = _not_a_run(track.type, run)
        if reason:
            skipped.append(reason)
        else:
            runs.append(run)
    if not runs and not skipped:
        raise Unreadable("no track in this GPX file")
    return FileReading(runs=tuple(runs), skipped=tuple(skipped))


def read_tcx(data: bytes, path: Path, source: str) -> FileReading:
    """A TCX activity, read by tcxreader once defusedxml has passed the same bytes."""
    from tcxreader.tcxreader import TCXReader

    _guard(data)
    try:
        exercise = TCXReader().read(str(path), only_gps=False)
    # tcxreader raises whatever its parsing meets (AttributeError, ValueError...) on bad input:
    # the class's name means nothing to a runner.
    except Exception:
        raise Unreadable("not a TCX activity") from None
    stamps = [
        (_aware(p.time), float(p.distance), p.hr_value, _tcx_cadence(p), p.elevation)
        for p in exercise.trackpoints
        if p.time is not None and p.distance is not None
    ]
    if len(stamps) < 2:
        raise Unreadable("no timed track points with distance in this TCX file")
    run = _run(stamps, source)
    reason = _not_a_run(exercise.activity_type, run)
    return FileReading(runs=(), skipped=(reason,)) if reason else FileReading(runs=(run,))


def _guard(data: bytes) -> None:
    try:
        check_xml(data)
    except UnsafeXml as error:
        raise Unreadable(str(error)) from None


def _aware(stamp: datetime) -> datetime:
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)


def _run(stamps: list[_Stamp], source: str) -> Run:
    start = stamps[0][0]
    samples = tuple(
        Sample(
            elapsed_s=(when - start).total_seconds(),
            distance_m=distance,
            heart_rate=heart,
            cadence_spm=cadence,
            altitude_m=altitude,
        )
        for when, distance, heart, cadence, altitude in stamps
    )
    return Run(
        start=start,
        end=stamps[-1][0],
        sport="running",
        distance_m=stamps[-1][1],
        moving_s=moving_seconds(samples),
        splits_s=km_splits(samples),
        samples=samples,
        source=source,
    )


def _not_a_run(sport: str | None, run: Run) -> str | None:
    """Why this track is not a run, or None when it is one."""
    if sport:
        name = sport.strip().lower()
        return None if name in RUNNING_NAMES else f"a {name} activity, not a run"
    if run.moving_s <= 0:
        return "no movement in this track"
    speed = run.distance_m / run.moving_s
    low, high = RUNNING_SPEEDS
    if low <= speed <= high:
        return None
    return f"no sport given and {speed:.1f} m/s is not a running speed"


def _gpx_extras(point: object) -> tuple[int | None, float | None]:
    """Heart rate and cadence from Garmin's TrackPointExtension (cadence per leg: x2)."""
    heart: int | None = None
    cadence: float | None = None
    for extension in getattr(point, "extensions", []):
        for child in extension.iter():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "hr" and child.text:
                heart = int(float(child.text))
            elif tag == "cad" and child.text:
                cadence = 2.0 * float(child.text)
    return heart, cadence


def _tcx_cadence(point: object) -> float | None:
    """TCX running cadence (RunCadence, or Cadence) is per leg, like FIT's: steps are x2."""
    ext = getattr(point, "tpx_ext", {}) or {}
    value = ext.get("RunCadence", getattr(point, "cadence", None))
    return None if value is None else 2.0 * float(value)
