"""Elevation from FIT, GPX and TCX files becomes each run's stored ascent (and hilly mark)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from db.athletes import create_athlete
from db.runs import runs_for
from db.store import Store, open_store
from desktop.domain.runs.climb import climb
from desktop.runs.importer import import_runs
from tests.runs.fit_builder import T0, Leg, fit_bytes
from tests.test_export import NOW


def _hills(second: int) -> float:
    """Hills of 20 m every 200 s: up 0.2 m a second for 100 s, then down as fast."""
    phase = second % 200
    return 100.0 + 0.2 * (phase if phase <= 100 else 200 - phase)


def _wobble(second: int) -> float:
    """Flat ground seen by a barometer: up and down 1.6 m, never a climb."""
    return 50.0 + (1.6 if second % 2 else 0.0)


@pytest.fixture
def store(data_dir: Path) -> Store:
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    yield opened
    opened.close()


def _import(store: Store, *paths: Path) -> list[tuple[str, float | None]]:
    athlete = create_athlete(store, "Ana", created_at=NOW)
    outcomes = list(import_runs(store, athlete_id=athlete.id, paths=paths, now=NOW))
    assert all(o.line.startswith("imported") for o in outcomes), outcomes
    return [(run.source, run.ascent_m) for run in runs_for(store, athlete.id)]


def test_a_hilly_fit_run_and_a_flat_one(store: Store, tmp_path: Path) -> None:
    # 4000 s at 3 m/s is 12 km; 20 hills of 20 m: 400 m of ascent, 33.33 m a km.
    hilly = tmp_path / "hilly.fit"
    hilly.write_bytes(fit_bytes([Leg("running", 4000, altitude=_hills)]))
    flat = tmp_path / "flat.fit"
    flat.write_bytes(
        fit_bytes([Leg("running", 4000, altitude=_wobble, offset_s=86_400)]),
    )
    plain = tmp_path / "plain.fit"
    plain.write_bytes(fit_bytes([Leg("running", 1000, offset_s=2 * 86_400)]))
    stored = dict(_import(store, hilly, flat, plain))
    assert stored["hilly.fit"] == pytest.approx(400.0, abs=1e-6)
    assert stored["flat.fit"] == 0.0
    assert stored["plain.fit"] is None
    found = climb(stored["hilly.fit"], 12_000.0)
    assert found is not None and found.hilly
    assert found.m_per_km == pytest.approx(400 / 12)


def _gpx_with_elevation(seconds: int, speed: float) -> str:
    import gpxpy.gpx
    from gpxpy.geo import ONE_DEGREE

    gpx = gpxpy.gpx.GPX()
    track = gpxpy.gpx.GPXTrack()
    segment = gpxpy.gpx.GPXTrackSegment()
    for second in range(seconds + 1):
        segment.points.append(
            gpxpy.gpx.GPXTrackPoint(
                46.0 + second * speed / ONE_DEGREE,
                14.5,
                elevation=_hills(second),
                time=T0 + timedelta(seconds=second),
            )
        )
    track.segments.append(segment)
    gpx.tracks.append(track)
    return gpx.to_xml()


def _tcx_with_altitude(seconds: int, speed: float) -> str:
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    points = "".join(
        f"<Trackpoint><Time>{(T0 + timedelta(seconds=s)).strftime(stamp)}</Time>"
        f"<AltitudeMeters>{_hills(s):.1f}</AltitudeMeters>"
        f"<DistanceMeters>{s * speed}</DistanceMeters></Trackpoint>"
        for s in range(seconds + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="Running"><Id>{T0.strftime(stamp)}</Id>'
        f'<Lap StartTime="{T0.strftime(stamp)}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
        f"<DistanceMeters>{seconds * speed}</DistanceMeters><Track>{points}</Track></Lap>"
        "</Activity></Activities></TrainingCenterDatabase>"
    )


@pytest.mark.parametrize("name", ["run.gpx", "run.tcx"])
def test_gpx_ele_and_tcx_altitude_give_the_same_ascent(
    store: Store, tmp_path: Path, name: str
) -> None:
    # 1000 s: five whole hills of 20 m, 100 m of ascent.
    path = tmp_path / name
    make = _gpx_with_elevation if name.endswith("gpx") else _tcx_with_altitude
    path.write_text(make(1000, 3.0), encoding="utf-8")
    ((source, ascent),) = _import(store, path)
    assert source == name and ascent == pytest.approx(100.0, abs=1e-6)
