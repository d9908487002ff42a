"""GPX (written with gpxpy) and TCX (plain XML) read into runs; walks, rides and bombs refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.runs.reading.files import read_run_file
from desktop.runs.reading.run import Unreadable
from tests.runs.test_safe_xml import BOMB

T0 = datetime(2027, 3, 14, 7, 0, tzinfo=UTC)


def _metres_per_degree() -> float:
    """gpxpy measures short steps on a flat earth: this many metres to a degree of latitude."""
    from gpxpy.geo import ONE_DEGREE

    return ONE_DEGREE


def _gpx(seconds: int, speed: float, sport: str | None = None) -> str:
    import gpxpy.gpx

    gpx = gpxpy.gpx.GPX()
    track = gpxpy.gpx.GPXTrack(name="Sunday")
    track.type = sport
    segment = gpxpy.gpx.GPXTrackSegment()
    for second in range(seconds + 1):
        latitude = 46.0 + second * speed / _metres_per_degree()
        when = T0 + timedelta(seconds=second)
        segment.points.append(gpxpy.gpx.GPXTrackPoint(latitude, 14.5, time=when))
    track.segments.append(segment)
    gpx.tracks.append(track)
    return gpx.to_xml()


def _write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_a_gpx_run_without_a_sport_counts_by_its_running_speed(tmp_path: Path) -> None:
    reading = read_run_file(_write(tmp_path / "run.gpx", _gpx(1000, 3.0)))
    (run,) = reading.runs
    assert run.start == T0 and (run.end - run.start).total_seconds() == 1000
    assert run.distance_m == pytest.approx(3000.0, rel=1e-6)
    assert run.moving_s == pytest.approx(1000.0)
    assert run.splits_s == pytest.approx((1000 / 3,) * 3, abs=1e-2)


def test_positions_stay_out_of_the_run(tmp_path: Path) -> None:
    (run,) = read_run_file(_write(tmp_path / "run.gpx", _gpx(100, 3.0))).runs
    assert not any("lat" in name or "lon" in name for name in vars(run.samples[0]))


@pytest.mark.parametrize(
    ("speed", "sport", "reason"),
    [
        (1.2, None, "no sport given and 1.2 m/s is not a running speed"),
        (9.0, None, "no sport given and 9.0 m/s is not a running speed"),
        (3.0, "cycling", "a cycling activity, not a run"),
    ],
)
def test_a_walk_or_ride_in_gpx_is_skipped(
    tmp_path: Path, speed: float, sport: str | None, reason: str
) -> None:
    reading = read_run_file(_write(tmp_path / "t.gpx", _gpx(600, speed, sport)))
    assert reading.runs == () and reading.skipped == (reason,)


def _tcx(sport: str, seconds: int, speed: float, leg_cadence: int) -> str:
    points = "".join(
        f"<Trackpoint><Time>{(T0 + timedelta(seconds=s)).strftime('%Y-%m-%dT%H:%M:%SZ')}</Time>"
        f"<DistanceMeters>{s * speed}</DistanceMeters>"
        f"<HeartRateBpm><Value>150</Value></HeartRateBpm>"
        f"<Extensions><ns3:TPX><ns3:RunCadence>{leg_cadence}</ns3:RunCadence></ns3:TPX>"
        f"</Extensions></Trackpoint>"
        for s in range(seconds + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"'
        ' xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>{T0.strftime("%Y-%m-%dT%H:%M:%SZ")}</Id>'
        f'<Lap StartTime="{T0.strftime("%Y-%m-%dT%H:%M:%SZ")}"><TotalTimeSeconds>{seconds}'
        f"</TotalTimeSeconds><DistanceMeters>{seconds * speed}</DistanceMeters>"
        f"<Track>{points}</Track></Lap></Activity></Activities></TrainingCenterDatabase>"
    )


def test_a_tcx_run_has_its_distance_splits_and_steps(tmp_path: Path) -> None:
    reading = read_run_file(_write(tmp_path / "run.tcx", _tcx("Running", 1000, 3.0, 88)))
    (run,) = reading.runs
    assert run.start == T0
    assert run.distance_m == pytest.approx(3000.0)
    assert run.moving_s == pytest.approx(1000.0)
    assert run.splits_s == pytest.approx((1000 / 3,) * 3, abs=1e-3)
    assert {s.cadence_spm for s in run.samples} == {176.0}
    assert {s.heart_rate for s in run.samples} == {150}


def test_a_tcx_ride_is_skipped(tmp_path: Path) -> None:
    reading = read_run_file(_write(tmp_path / "ride.tcx", _tcx("Biking", 300, 8.0, 90)))
    assert reading.runs == () and reading.skipped == ("a biking activity, not a run",)


@pytest.mark.parametrize("name", ["bomb.gpx", "bomb.tcx"])
def test_an_entity_bomb_is_one_line_and_never_expanded(tmp_path: Path, name: str) -> None:
    with pytest.raises(
        Unreadable, match=r"^contains an XML entity or type declaration, refused for safety$"
    ):
        read_run_file(_write(tmp_path / name, BOMB))
