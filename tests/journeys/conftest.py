"""The journeys share one private X server; each test starts its own Cramproof and ends it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.journeys.real_app import RunningApp, XServer, installed_command, launch, require_tools


@pytest.fixture(scope="session")
def x_server() -> Iterator[XServer]:
    require_tools("Xvfb", "xdotool", "import", "tesseract")
    server = XServer()
    yield server
    server.close()


@pytest.fixture
def start(x_server: XServer, data_dir: Path, tmp_path: Path) -> Iterator[Callable[..., RunningApp]]:
    """`start("gym")` runs the installed `cramproof --data-dir DATA gym`; `start(command=[...])`
    runs a command line as a launcher does (a desktop entry's Exec names no folder: the data
    folder then comes from CRAMPROOF_DATA_DIR, set for every start).

    Whatever is still running at the end is asked to quit, and must have exited cleanly with
    nothing on stderr that looks like a crash.
    """
    started: list[RunningApp] = []

    def run(*args: str, command: list[str] | None = None) -> RunningApp:
        line = command or [str(installed_command()), "--data-dir", str(data_dir), *args]
        app = launch(x_server, data_dir, line, tmp_path / "cwd")
        started.append(app)
        return app

    yield run
    if any(app.process.poll() is None for app in started):
        # The screen as the test left it, for a failure's report (pytest shows stdout then).
        last = tmp_path / "last-screen.png"
        x_server.screenshot().save(str(last))
        print(f"The screen at the end: {last}")
    for app in started:
        killed = app.process.returncode is not None
        code = app.quit()
        assert killed or code == 0, f"exit {code}: {app.stderr()}"
        assert "Traceback" not in app.stderr(), app.stderr()
