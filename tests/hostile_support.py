"""Running the command line as a person would, as root (CI) or as an ordinary user."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import cramproof_command

NOBODY = 65534
NO_DISPLAY = {"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}


def _as_user(as_nobody: bool) -> dict[str, object]:
    """subprocess arguments that run the child as nobody, when asked and we are root."""
    if as_nobody and os.geteuid() == 0:
        return {"user": NOBODY, "group": NOBODY, "extra_groups": []}
    return {}


def run_cli(
    *args: str | Path, as_nobody: bool = False, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`cramproof ARGS` in a child process (as nobody when asked and we are root)."""
    env = {**os.environ, **NO_DISPLAY}
    env.pop("CRAMPROOF_DATA_DIR", None)
    return subprocess.run(
        cramproof_command(*(os.fsdecode(arg) for arg in args)),
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        errors="surrogateescape",
        **_as_user(as_nobody),  # type: ignore[call-overload]
    )


def one_clean_line(result: subprocess.CompletedProcess[str], *, code: int = 1) -> str:
    """Assert the command failed the way a script relies on; return its one line."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stdout == ""
    return result.stderr


@pytest.fixture
def user_folder() -> Iterator[Path]:
    """A folder an ordinary user (nobody, when the tests run as root) owns and may write."""
    folder = Path(tempfile.mkdtemp(prefix="cramproof-user-"))
    folder.chmod(0o755)
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def make_log_as(folder: Path, *, as_nobody: bool) -> Path:
    """A real Cramproof log with one athlete, made by the user the command will run as."""
    code = (
        "from datetime import datetime, UTC; from pathlib import Path; import sys\n"
        "from db.store import open_store; from db.athletes import create_athlete\n"
        "d = Path(sys.argv[1]); now = datetime.now(UTC)\n"
        "with open_store(d / 'cramproof.db', backups_dir=d / 'backups', now=now) as s:\n"
        "    create_athlete(s, 'Ana', created_at=now)\n"
    )
    subprocess.run(
        [cramproof_command()[0], "-c", code, str(folder)],
        check=True,
        **_as_user(as_nobody),  # type: ignore[arg-type]
        cwd=Path(__file__).resolve().parents[1],
    )
    return folder / "cramproof.db"
