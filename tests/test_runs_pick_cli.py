"""`cramproof runs pick DATE RUN_ID|auto` in the real process: one line out, exit 2 for a bad
argument, 1 when no planned day is on that date or the run is not within a day of it; and
`runs list --json` says which run is picked for which day."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from db.run_picks import picks_for
from db.store import open_store
from tests.planning_support import FORM, WEEK1, at_noon, open_harness
from tests.runs.test_run_picks import run_fit
from tests.test_runs_cli import _cramproof


@pytest.fixture
def two_runs(data_dir: Path, tmp_path: Path) -> Path:
    """Ana's plan; Saturday 9 Jan 2027's 30.2 km and Sunday 10 Jan's 12.0 km (the first double
    day), and a 20 km run on Thursday 7 Jan, out of its reach: run ids 1, 2 and 3."""
    with open_harness(data_dir) as harness:
        harness.planning.set_up(FORM)
    noon = at_noon(WEEK1)
    folder = tmp_path / "runs"
    folder.mkdir()
    for name, end, km in (
        ("a-sat.fit", noon - timedelta(days=1, hours=2), 30.2),
        ("b-sun.fit", noon - timedelta(hours=2), 12.0),
        ("c-thu.fit", noon - timedelta(days=3), 20.0),
    ):
        run_fit(folder, name, end, km)
    assert _cramproof(data_dir, "runs", "import", str(folder)).returncode == 0
    return data_dir


def _stored(data_dir: Path) -> dict[int, int]:
    with open_store(
        data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=at_noon(WEEK1)
    ) as store:
        return picks_for(store, 1)


def test_the_shorter_run_picked_then_automatic_again(two_runs: Path) -> None:
    picked = _cramproof(two_runs, "runs", "pick", WEEK1.isoformat(), "2")
    assert (picked.returncode, picked.stderr) == (0, "")
    assert picked.stdout == (
        "The long run of 2027-01-10: run 2, 12.0 km on Sun 2027-01-10 10:20 (picked)\n"
    )
    listed = json.loads(_cramproof(two_runs, "runs", "list", "--json").stdout)
    assert [(run["id"], run["picked_for"]) for run in listed] == [
        (3, None),
        (1, None),
        (2, "2027-01-10"),
    ]
    back = _cramproof(two_runs, "runs", "pick", WEEK1.isoformat(), "auto")
    assert back.stdout == (
        "The long run of 2027-01-10: run 1, 30.2 km on Sat 2027-01-09 09:19 "
        "(automatic: the longest)\n"
    )
    assert _stored(two_runs) == {}


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (["10-01-2027", "2"], 2, "cramproof runs pick: error: argument DATE: not a date"),
        (["2027-01-10", "two"], 2, "cramproof runs pick: error: argument RUN_ID|auto: not a run"),
        (["2027-01-10", "-1"], 2, "cramproof runs pick: error: argument RUN_ID|auto: not a run"),
        (["2027-01-10", "3"], 1, "cramproof runs: error: run 3 is not within a day of the long"),
        (["2027-01-10", "99"], 1, "cramproof runs: error: run 99 is not within a day of the"),
        (["2027-01-11", "2"], 1, "cramproof runs: error: no planned long-run or speed-run day"),
        (["2027-01-10", "2", "--athlete", "Bo"], 1, "cramproof runs: error: no athlete called"),
    ],
)
def test_a_bad_pick_is_one_line_and_nothing_is_stored(
    two_runs: Path, args: list[str], code: int, error: str
) -> None:
    refused = _cramproof(two_runs, "runs", "pick", *args)
    assert (refused.returncode, refused.stdout) == (code, "")
    assert refused.stderr.startswith(error) and refused.stderr.count("\n") == 1, refused.stderr
    assert _stored(two_runs) == {}
