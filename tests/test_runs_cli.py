"""`cramproof runs import` and `runs list` in the real process: one line a file, exit 1 when a
file could not be read (after importing the rest), nothing added the second time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from db.athletes import create_athlete
from db.store import open_store
from tests.conftest import REPO_ROOT, child_env, cramproof_command
from tests.runs.fit_builder import T0, Leg, fit_bytes
from tests.runs.test_climb_files import _hills
from tests.runs.test_fit_file import _late
from tests.runs.test_track_files import _gpx
from tests.test_export import NOW


def _cramproof(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cramproof_command("--data-dir", str(data_dir), *args),
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=child_env(),
        timeout=120,
    )


@pytest.fixture
def watch(tmp_path: Path, data_dir: Path) -> Path:
    """A watch's folder: a long run (FIT, and its GPX twin), a ride, damaged and empty files."""
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        create_athlete(store, "Ana", created_at=NOW)
    folder = tmp_path / "GARMIN" / "Activity"
    folder.mkdir(parents=True)
    (folder / "a-long.fit").write_bytes(
        fit_bytes([Leg("running", 4000, profile=_late, stop=(1500, 300), altitude=_hills)])
    )
    (folder / "b-ride.fit").write_bytes(fit_bytes([Leg("cycling", 600, speed=8.0)]))
    cut = fit_bytes([Leg("running", 1000)])
    (folder / "c-cut.fit").write_bytes(cut[: len(cut) // 2])
    (folder / "d-empty.gpx").write_bytes(b"")
    (folder / "sub").mkdir()
    (folder / "sub" / "x.fit").mkdir()
    (folder / "sub" / "short.gpx").write_text(_gpx(1000, 3.0), encoding="utf-8")
    (folder / "notes.txt").write_text("not a run")
    return folder


def test_a_watch_folder_imports_once_and_lists_the_figures(watch: Path, data_dir: Path) -> None:
    first = _cramproof(data_dir, "runs", "import", str(watch.parent), "--athlete", "Ana")
    assert first.returncode == 1, first.stderr
    assert "Traceback" not in first.stderr + first.stdout
    lines = dict(line.split(": ", 1) for line in first.stdout.splitlines())
    assert lines == {
        str(watch / "a-long.fit"): "imported a 11.7 km run of 2027-03-14",
        str(watch / "b-ride.fit"): "skipped: a cycling session, not a run",
        str(watch / "c-cut.fit"): "unreadable: damaged (cut short), and no session totals decoded",
        str(watch / "d-empty.gpx"): "unreadable: empty file",
        str(watch / "sub" / "short.gpx"): "imported a 3.0 km run of 2027-03-14",
        str(watch / "sub" / "x.fit"): "unreadable: a folder, not a file",
    }

    again = _cramproof(data_dir, "runs", "import", str(watch / "a-long.fit"))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().endswith("already there (a 11.7 km run of 2027-03-14)")

    listed = _cramproof(data_dir, "runs", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    short, long = sorted(json.loads(listed.stdout), key=lambda run: run["distance_km"])
    assert long == {
        "date": "2027-03-14",
        "start": T0.isoformat(),
        "end": "2027-03-14T08:11:40+00:00",
        "sport": "running",
        "distance_km": 11.7,
        "moving_s": 4000.0,
        "source": "a-long.fit",
        "pace_fade_pct": round(100 / 9, 2),
        "cadence_drop_spm": 8.0,
        "decoupling_pct": round((1 - (2.85 / 150) / (3.0 / 140)) * 100, 2),
        # 4300 s elapsed (the stop included): 21.5 periods of a 20 m hill, 22 climbs.
        "ascent_m": 440.0,
        "climb_m_per_km": round(440 / 11.7, 2),
        "hilly": True,
        "picked_for": None,  # no planned day's pick (`cramproof runs pick`)
        "id": long["id"],
    }
    assert (short["moving_s"], short["pace_fade_pct"], short["decoupling_pct"]) == (
        1000.0,
        None,
        None,
    )
    assert (short["ascent_m"], short["climb_m_per_km"], short["hilly"]) == (None, None, None)


def test_the_gpx_twin_of_an_imported_fit_adds_nothing(tmp_path: Path, data_dir: Path) -> None:
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        create_athlete(store, "Ana", created_at=NOW)
    (tmp_path / "run.fit").write_bytes(fit_bytes([Leg("running", 1000)]))
    (tmp_path / "run.gpx").write_text(_gpx(1000, 3.0), encoding="utf-8")
    result = _cramproof(data_dir, "runs", "import", str(tmp_path / "run.fit"), str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()] == [
        "imported a 3.0 km run of 2027-03-14",
        "already there (a 3.0 km run of 2027-03-14)",
        "already there (a 3.0 km run of 2027-03-14)",
    ]


def test_no_such_athlete_is_one_line(data_dir: Path, tmp_path: Path) -> None:
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        create_athlete(store, "Ana", created_at=NOW)
    result = _cramproof(data_dir, "runs", "list", "--athlete", "Bo")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == "cramproof runs: error: no athlete called 'Bo' (athletes: 'Ana')\n"


def test_a_fit_run_is_listed_in_the_watch_s_local_time(tmp_path: Path, data_dir: Path) -> None:
    # Paris in winter: the watch wrote local_timestamp one hour ahead of UTC.
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        create_athlete(store, "Ana", created_at=NOW)
    (tmp_path / "paris.fit").write_bytes(fit_bytes([Leg("running", 600)], utc_offset_min=60))
    assert _cramproof(data_dir, "runs", "import", str(tmp_path)).returncode == 0
    listed = _cramproof(data_dir, "runs", "list")
    assert listed.returncode == 0, listed.stderr
    fields = listed.stdout.splitlines()[1].split("\t")  # under the header row
    assert fields[:3] == ["2027-03-14", "2027-03-14T08:00:00+01:00", "2027-03-14T08:10:00+01:00"]


def _installed(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The console script pip installed beside this interpreter: what a person types."""
    script = Path(sys.executable).parent / "cramproof"
    assert script.is_file(), f"{script} is missing: install Cramproof (make test does)"
    return subprocess.run(
        [str(script), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
    )


def test_the_list_has_a_header_row_naming_the_json_keys(tmp_path: Path, data_dir: Path) -> None:
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        create_athlete(store, "Ana", created_at=NOW)
    empty = _installed(data_dir, "runs", "list")
    assert (empty.returncode, empty.stderr) == (0, "")
    assert empty.stdout == "No runs yet: import some with 'cramproof runs import PATH'.\n"
    assert json.loads(_installed(data_dir, "runs", "list", "--json").stdout) == []

    (tmp_path / "run.gpx").write_text(_gpx(1000, 3.0), encoding="utf-8")
    assert _installed(data_dir, "runs", "import", str(tmp_path)).returncode == 0
    listed = _installed(data_dir, "runs", "list")
    assert listed.returncode == 0, listed.stderr
    header, row = (line.split("\t") for line in listed.stdout.splitlines())
    (run,) = json.loads(_installed(data_dir, "runs", "list", "--json").stdout)
    assert header == list(run), "the columns named as the JSON's keys, in order"
    assert dict(zip(header, row, strict=True))["distance_km"] == "3.0"
    assert header[:5] == ["date", "start", "end", "sport", "distance_km"]
