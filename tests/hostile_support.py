"""Running the command line as a person would, as root (CI) or as an ordinary user."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import cramproof_command

NOBODY = 65534
REPO = Path(__file__).resolve().parents[1]
NO_DISPLAY = {"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}


# The interpreter may live where nobody cannot read (root's home), so the child starts as root,
# imports everything the commands load, then drops to nobody for good before running them:
# every file the command touches is touched as an ordinary user.
_PRELOAD = (
    "db.store db.backup db.ownership db.athletes db.integrity db.migrations desktop.app "
    "desktop.cli.main desktop.cli.export desktop.export.exporter desktop.plan.reader "
    "locale tempfile sqlite3 desktop.ui.shell.single_instance secrets shutil platformdirs.unix "
    "_strptime json csv encodings.idna"
)
_AS_NOBODY = f"""
import contextlib, importlib, os, runpy, sys
for name in {_PRELOAD!r}.split():
    with contextlib.suppress(ImportError):
        importlib.import_module(name)
sys.modules["db.sqlite_utils_compat"].import_sqlite_utils_lightly()  # the first write's import
sys.modules["desktop.cli.main"].build_parser().format_help()
os.setgroups([]); os.setgid({NOBODY}); os.setuid({NOBODY})
assert os.getuid() == os.geteuid() == {NOBODY}
sys.argv = ["cramproof", *sys.argv[1:]]
runpy.run_module("desktop", run_name="__main__")
"""


def _command(args: list[str], *, as_nobody: bool, code: str | None = None) -> list[str]:
    if as_nobody and os.geteuid() == 0:
        return [
            sys.executable,
            "-c",
            _AS_NOBODY.replace(
                'runpy.run_module("desktop", run_name="__main__")',
                code or 'runpy.run_module("desktop", run_name="__main__")',
            ),
            *args,
        ]
    if code is not None:
        return [sys.executable, "-c", code, *args]
    return cramproof_command(*args)


def run_cli(
    *args: str | Path, as_nobody: bool = False, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`cramproof ARGS` in a child process (as nobody when asked and we are root)."""
    env = {**os.environ, **NO_DISPLAY}
    env.pop("CRAMPROOF_DATA_DIR", None)
    return subprocess.run(
        _command([os.fsdecode(arg) for arg in args], as_nobody=as_nobody),
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        errors="surrogateescape",
        cwd=REPO,
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
    subprocess.run(_command([str(folder)], as_nobody=as_nobody, code=code), check=True, cwd=REPO)
    return folder / "cramproof.db"


def unmount(folder: Path) -> None:
    """Unmount a test's tmpfs. A failed test may leave something open on it (a window, a
    child): the mount is then detached at once (`--lazy`) rather than left behind, where it
    made pytest's clean-up of the temporary folders fail too and hid the first failure."""
    if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "--lazy", str(folder)], check=True, capture_output=True)
