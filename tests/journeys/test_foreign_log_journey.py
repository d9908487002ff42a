"""Another program's SQLite file where the training log should be: the window says so and leaves
that program's folder exactly as it found it (no lock, no logs/, no window.ini)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.journeys.real_app import RunningApp, poll

Start = Callable[..., RunningApp]
PROBLEM_TITLE = "Training log problem"


def foreign_folder(folder: Path, journal: str) -> Path:
    """A folder of another program's, with its database named like ours (closed cleanly; in
    WAL mode as browsers and many apps keep theirs)."""
    folder.mkdir()
    conn = sqlite3.connect(folder / "cramproof.db")
    conn.execute(f"PRAGMA journal_mode={journal}")
    with conn:
        conn.execute("CREATE TABLE sets (id INTEGER PRIMARY KEY, kg REAL)")
        conn.execute("INSERT INTO sets (kg) VALUES (20.0)")
    conn.close()
    (folder / "notes.txt").write_text("theirs\n")
    return folder


def folder_state(folder: Path) -> dict[str, tuple[int, int, int, bytes]]:
    """Every entry's mode, size, mtime and content, and the folder's own mode and mtime."""
    state = {".": (folder.stat().st_mode, 0, folder.stat().st_mtime_ns, b"")}
    for entry in sorted(folder.iterdir()):
        info = entry.lstat()
        state[entry.name] = (info.st_mode, info.st_size, info.st_mtime_ns, entry.read_bytes())
    return state


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_the_window_refuses_a_foreign_log_and_leaves_its_folder_as_it_was(
    start: Start, data_dir: Path, tmp_path: Path, journal: str
) -> None:
    foreign_folder(data_dir, journal)
    before = folder_state(data_dir)
    app = start()
    box = app.window(PROBLEM_TITLE)
    shot = tmp_path / "foreign-refused.png"
    app.x.screenshot(app.geometry(box)).save(str(shot))
    print(f"The refusal on screen: {shot}")
    app.press(box, "Return")  # its only button: Quit
    code = poll("Cramproof to exit", app.process.poll)
    assert code == 1, app.stderr()
    lines = app.stderr().splitlines()
    assert len(lines) == 1, lines
    (line,) = lines
    assert "another program's database" in line
    assert line.count(str(data_dir / "cramproof.db")) == 1, line
    assert folder_state(data_dir) == before


def test_a_folder_that_does_not_exist_yet_is_created_and_becomes_the_logs(
    start: Start, data_dir: Path
) -> None:
    assert not data_dir.exists()
    app = start()
    app.window("Welcome — Cramproof")
    assert data_dir.stat().st_mode & 0o777 == 0o700
    assert {"cramproof.db", "cramproof.lock", "logs"} <= {p.name for p in data_dir.iterdir()}
    assert app.quit() == 0
    assert (data_dir / "window.ini").is_file()
