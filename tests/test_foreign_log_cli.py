"""Every command pointed at another program's SQLite file as its training log.

The file is not ours, and neither is its folder: each command refuses in one line that names the
path the runner gave (once), exit 1, writes no output file and leaves the folder exactly as it
was, down to its entries' times. Real processes, as a runner or a script starts them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.hostile_support import one_clean_line, run_cli

FOREIGN = "another program's database"


def _foreign(folder: Path) -> Path:
    """Another program's folder: its SQLite file (with a table named like one of ours) and a
    note of its own."""
    folder.mkdir(parents=True)
    with sqlite3.connect(folder / "cramproof.db") as conn:
        conn.execute("CREATE TABLE sets (id INTEGER PRIMARY KEY, kg REAL)")
        conn.execute("INSERT INTO sets (kg) VALUES (20.0)")
    conn.close()
    (folder / "notes.txt").write_text("theirs\n")
    return folder


def _state(folder: Path) -> dict[str, tuple[int, int, int, bytes]]:
    """Every entry's mode, size, mtime and content, and the folder's own mode and mtime."""
    state = {".": (folder.stat().st_mode, 0, folder.stat().st_mtime_ns, b"")}
    for entry in sorted(folder.rglob("*")):
        info = entry.lstat()
        content = entry.read_bytes() if entry.is_file() else b""
        state[str(entry.relative_to(folder))] = (
            info.st_mode,
            info.st_size,
            info.st_mtime_ns,
            content,
        )
    return state


def _refused(data: Path, *args: str | Path) -> str:
    """Run the command on the foreign folder; its one line, after checking the folder."""
    before = _state(data)
    line = one_clean_line(run_cli("--data-dir", data, *args))
    assert _state(data) == before
    assert FOREIGN in line, line
    assert line.count(str(data / "cramproof.db")) == 1, line
    return line


@pytest.mark.parametrize("fmt", ["json", "csv", "strong", "ics"])
def test_export_names_the_runners_file_not_a_temporary_copy(tmp_path: Path, fmt: str) -> None:
    data = _foreign(tmp_path / "theirs")
    out = tmp_path / "out" / f"export.{fmt}"
    line = _refused(data, "export", "--format", fmt, "--out", out)
    assert "cramproof-export-" not in line
    assert not (tmp_path / "out").exists()


def test_backup_refuses_a_file_that_is_not_a_cramproof_log(tmp_path: Path) -> None:
    data = _foreign(tmp_path / "theirs")
    out = tmp_path / "copy.db"
    _refused(data, "backup", "--out", out)
    assert not out.exists()


def test_check_names_the_file_once(tmp_path: Path) -> None:
    _refused(_foreign(tmp_path / "theirs"), "check")
