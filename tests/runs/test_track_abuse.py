"""Files that would cost minutes and gigabytes, or stand in the log as impossible runs: a TCX of
millions of empty track points is refused early in bounded memory, and a run no person could
run (a 1320 km "run" of 122 h, a car's speed) is refused in one line, not stored."""

from __future__ import annotations

import tracemalloc
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.runs.reading.files import read_run_file
from desktop.runs.reading.run import Unreadable
from desktop.runs.reading.safe_xml import MOST_POINTS
from tests.runs.fit_builder import Leg, fit_bytes
from tests.runs.test_track_files import T0, _gpx, _tcx, _write

HEAD = (
    '<?xml version="1.0"?><TrainingCenterDatabase'
    ' xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
    '<Activity Sport="Running"><Id>2027-03-14T07:00:00Z</Id><Lap StartTime="2027-03-14T07:00:00Z">'
    "<Track>"
)
TAIL = "</Track></Lap></Activity></Activities></TrainingCenterDatabase>"


def test_too_many_track_points_are_refused_early_in_bounded_memory(tmp_path: Path) -> None:
    path = _write(tmp_path / "huge.tcx", HEAD + "<Trackpoint/>" * 200_000 + TAIL)
    tracemalloc.start()
    try:
        with pytest.raises(Unreadable) as refused:
            read_run_file(path)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(refused.value) == (
        "more than 172,800 track points: longer than any run (48 hours at one point a second)"
    )
    # The file's 2.6 MB are read whole; the elements parsed are dropped as they go.
    assert peak < path.stat().st_size + 4 * 1024 * 1024


def test_a_run_just_under_the_cap_is_not_refused_for_its_points(tmp_path: Path) -> None:
    points = "<Trackpoint/>" * (MOST_POINTS - 10)
    path = _write(tmp_path / "empty.tcx", HEAD + points + TAIL)
    with pytest.raises(Unreadable) as refused:
        read_run_file(path)
    assert str(refused.value) == "not a TCX activity"  # not "(TypeError)": a runner reads it


def _sparse_tcx(points: int, step_s: int, speed: float) -> str:
    """A Running TCX with a point every `step_s` seconds at `speed` m/s."""
    track = "".join(
        f"<Trackpoint><Time>{(T0 + timedelta(seconds=n * step_s)).isoformat()}</Time>"
        f"<DistanceMeters>{n * step_s * speed}</DistanceMeters></Trackpoint>"
        for n in range(points)
    )
    return HEAD + track + TAIL


def test_a_run_longer_than_any_person_runs_is_refused(tmp_path: Path) -> None:
    # 122 h at 3 m/s: 1318 km, a point a minute.
    path = _write(tmp_path / "week.tcx", _sparse_tcx(122 * 60 + 1, 60, 3.0))
    with pytest.raises(Unreadable) as refused:
        read_run_file(path)
    assert str(refused.value) == (
        "refused: 1318 km in 122 h is longer than any run (at most 500 km)"
    )


def test_a_run_faster_than_any_runner_is_refused_whatever_the_format(tmp_path: Path) -> None:
    files = {
        "car.tcx": _tcx("Running", 600, 12.0, 88),
        "car.gpx": _gpx(600, 12.0, sport="running"),
    }
    for name, text in files.items():
        with pytest.raises(Unreadable, match=r"^refused: 12\.0 m/s over 7\.2 km is faster"):
            read_run_file(_write(tmp_path / name, text))
    fit = tmp_path / "car.fit"
    fit.write_bytes(fit_bytes([Leg("running", 600, speed=12.0)]))
    with pytest.raises(Unreadable, match=r"^refused: 12\.0 m/s over 7\.2 km is faster"):
        read_run_file(fit)


def test_a_marathon_and_a_long_ultra_are_runs(tmp_path: Path) -> None:
    marathon = _write(tmp_path / "m.tcx", _sparse_tcx(3 * 60 + 1, 60, 42195 / (3 * 3600)))
    assert len(read_run_file(marathon).runs) == 1
    ultra = _write(tmp_path / "u.tcx", _sparse_tcx(40 * 60 + 1, 60, 2.5))  # 360 km in 40 h
    assert len(read_run_file(ultra).runs) == 1
