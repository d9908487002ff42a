"""Every sub-command given a bad argument or a bad path: one clear line on stderr, nothing on
stdout, exit 2 for a bad argument and 1 for a path that is not what the command needs.

Before, a --data-dir naming a file said "no training log at notes.txt/cramproof.db yet" (or
listed no backups and exited 0), `backup --out notes.txt/copy.db` said "File exists: 'notes.txt'",
`restore` given a folder or a FIFO said "no such backup file" and `export --format csv` into a
FIFO said "Not a directory". Each case runs the real command in its own process.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import child_env, cramproof_command
from tests.gym_support import fake_clock, open_log, plan_for_today

# (arguments after --data-dir {data}, the exit code, words the one line must hold). {base} is a
# folder holding `dir/`, `fifo`, `file`, `link` (to file), `dangling` and `dirlink` (to dir/).
USAGE, BAD_FILE = 2, 1
CASES: dict[str, tuple[str, int, str]] = {
    "unknown option": ("--bogus", USAGE, "unrecognized arguments: --bogus"),
    "unknown command": ("frob", USAGE, "invalid choice: 'frob'"),
    "data-dir without value": ("--data-dir", USAGE, "argument --data-dir: expected one argument"),
    "data-dir a file": ("--data-dir {base}/file check", BAD_FILE, "file is a file, not a folder"),
    "data-dir a fifo": ("--data-dir {base}/fifo runs list", BAD_FILE, "FIFO), not a folder"),
    "data-dir inside a link to a file": (
        "--data-dir {base}/link/sub export --format json --out {base}/o.json",
        BAD_FILE,
        "is a file, not a folder",
    ),
    "data-dir a file, restore": ("--data-dir {base}/file restore", BAD_FILE, "not a folder"),
    "check extra argument": ("check extra", USAGE, "unrecognized arguments: extra"),
    "backup without --out": ("backup", USAGE, "required: --out"),
    "backup --out without value": ("backup --out", USAGE, "expected one argument"),
    "backup into a folder": ("backup --out {base}/dir", BAD_FILE, "is a folder"),
    "backup over a fifo": ("backup --out {base}/fifo", BAD_FILE, "named pipe (FIFO)"),
    "backup over a symlink": ("backup --out {base}/link", BAD_FILE, "symbolic link"),
    "backup under a file": ("backup --out {base}/file/x", BAD_FILE, "file is a file, not a folder"),
    "restore a folder": ("restore {base}/dir", BAD_FILE, "dir is a folder, not a backup file"),
    "restore a fifo": ("restore {base}/fifo", BAD_FILE, "(FIFO), not a backup file"),
    "restore a dangling link": ("restore {base}/dangling", BAD_FILE, "no such backup file"),
    "restore two backups": ("restore a b", USAGE, "unrecognized arguments: b"),
    "gym kind without value": ("gym --kind", USAGE, "expected one argument"),
    "gym bad kind": ("gym --kind medium", USAGE, "invalid choice: 'medium'"),
    "plan without race date": ("plan", USAGE, "required: --race-date"),
    "plan impossible date": ("plan --race-date 2027-13-01", USAGE, "not a real calendar date"),
    "plan unreadable date": ("plan --race-date soon", USAGE, "use YYYY-MM-DD"),
    "plan bad weeks": (
        "plan --race-date 2027-10-10 --today 2027-01-03 --weeks 13",
        USAGE,
        "14, 15 or 16 weeks",
    ),
    "plan bad weekday": ("plan --race-date 2030-10-06 --speed-day xyz", USAGE, "weekday 'xyz'"),
    "plan bad today": ("plan --race-date 2030-10-06 --today bad", USAGE, "use YYYY-MM-DD"),
    "export without format": ("export --out {base}/o.json", USAGE, "required: --format"),
    "export unknown format": ("export --format xml --out x", USAGE, "invalid choice: 'xml'"),
    "export into a folder": ("export --format json --out {base}/dir", BAD_FILE, "is a folder"),
    "export over a fifo": ("export --format ics --out {base}/fifo", BAD_FILE, "(FIFO)"),
    "export over a symlink": ("export --format json --out {base}/link", BAD_FILE, "symbolic link"),
    "export csv into a fifo": (
        "export --format csv --out {base}/fifo",
        BAD_FILE,
        "fifo is a named pipe (FIFO), not a folder",
    ),
    "export csv into a file": ("export --format csv --out {base}/file", BAD_FILE, "not a folder"),
    "export athlete without value": ("export --format json --out o --athlete", USAGE, "expected"),
    "export unknown athlete": (
        "export --format json --out {base}/o.json --athlete Nobody",
        BAD_FILE,
        "no athlete called 'Nobody'",
    ),
    "runs without action": ("runs", USAGE, "required: ACTION"),
    "runs import without path": ("runs import", USAGE, "required: PATH"),
    "runs list unknown option": ("runs list --bogus", USAGE, "unrecognized arguments"),
    "runs pick bad date": ("runs pick 2027-13-45 1", USAGE, "not a date (YYYY-MM-DD)"),
    "runs pick bad id": ("runs pick 2026-03-01 abc", USAGE, "not a run id or 'auto'"),
    "runs pick without id": ("runs pick 2026-03-01", USAGE, "required: RUN_ID|auto"),
    "runs pick unknown run": ("runs pick 2026-03-01 999", BAD_FILE, "run 999 is not within"),
}


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A log with a runner and today's plan, and beside it the awkward paths."""
    base = tmp_path_factory.mktemp("bad-arguments")
    data = base / "data"
    clock = fake_clock()
    with open_log(data) as store:
        plan_for_today(store, clock)
    (base / "dir").mkdir()
    os.mkfifo(base / "fifo")
    (base / "file").write_text("x\n")
    (base / "link").symlink_to(base / "file")
    (base / "dangling").symlink_to(base / "missing")
    (base / "dirlink").symlink_to(base / "dir")
    return base, data


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_argument_is_one_line_and_its_exit_code(places: tuple[Path, Path], case: str) -> None:
    base, data = places
    arguments, code, words = CASES[case]
    args = arguments.format(base=base).split()
    result = subprocess.run(
        cramproof_command("--data-dir", str(data), *args),
        capture_output=True,
        text=True,
        cwd=base,
        env=child_env(),
        timeout=60,
    )
    assert "Traceback" not in result.stderr + result.stdout
    assert (result.returncode, result.stdout) == (code, ""), result.stderr
    assert result.stderr.startswith("cramproof") and result.stderr.count("\n") == 1, result.stderr
    assert words in result.stderr
