"""Another program's SQLite file where the training log should be: the window says so and leaves
that program's folder exactly as it found it (no lock, no logs/, no window.ini)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.foreign_folder import folder_state, foreign_folder
from tests.journeys.real_app import RunningApp, poll

Start = Callable[..., RunningApp]
PROBLEM_TITLE = "Training log problem"


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
