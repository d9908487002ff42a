"""What the system must provide: the app names missing Qt libraries' packages in one line, and a
test that needs a system tool skips naming its package (fails in CI)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.ui.common.qt_libraries import QT_LIBRARIES, XCB_LIBRARIES, missing_packages
from tests.conftest import REPO_ROOT
from tests.system_needs import lacking, require_qt

ABSENT = {"libcramproof-absent.so.0": "libcramproof-absent0"}

# The app as `cramproof` starts it, with one more library in a table that this machine lacks.
START_WITH_AN_ABSENT_LIBRARY = """
import sys
from desktop import app
from desktop.ui.common import qt_libraries
absent = {{"libcramproof-absent.so.0": "libcramproof-absent0"}}
qt_libraries.{table} = {{**qt_libraries.{table}, **absent}}
{before}
sys.exit(app.main(["--data-dir", sys.argv[1]]))
"""


def start(
    tmp_path: Path, *, table: str, before: str = "", **env: str
) -> subprocess.CompletedProcess:
    script = START_WITH_AN_ABSENT_LIBRARY.format(table=table, before=before)
    return subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        cwd=REPO_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def unused_display() -> str:
    number = next(n for n in range(900, 1000) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    return f":{number}"


def test_missing_packages_names_each_absent_library_once() -> None:
    libraries = {"libc.so.6": "libc6", **ABSENT, "libcramproof-absent.so.1": "libcramproof-absent0"}
    assert missing_packages(libraries) == ["libcramproof-absent0"]


def test_the_xcb_table_covers_what_qt_itself_needs() -> None:
    assert set(QT_LIBRARIES.items()) <= set(XCB_LIBRARIES.items())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the tables are Linux sonames")
def test_window_without_xcb_libraries_says_what_to_install_in_one_line(tmp_path: Path) -> None:
    """Instead of Qt's abort "could not load the Qt platform plugin xcb" and a core dump."""
    require_qt()
    result = start(tmp_path, table="XCB_LIBRARIES", QT_QPA_PLATFORM="xcb", DISPLAY=unused_display())
    assert result.returncode == 1, result.stderr
    packages = " ".join(missing_packages({**XCB_LIBRARIES, **ABSENT}))  # this machine's, and ours
    assert result.stderr.splitlines() == [
        "Cramproof cannot open its window: Qt needs system libraries that are missing. "
        f"Install them with: sudo apt install {packages}"
    ]
    assert not (tmp_path / "data" / "cramproof.db").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the tables are Linux sonames")
def test_window_without_any_display_says_so_in_one_line(tmp_path: Path) -> None:
    require_qt()
    if missing_packages(XCB_LIBRARIES):
        lacking("Qt's X11 libraries", " ".join(missing_packages(XCB_LIBRARIES)))
    display = unused_display()
    result = start(
        tmp_path, table="QT_LIBRARIES", QT_QPA_PLATFORM="xcb", DISPLAY=display, WAYLAND_DISPLAY=""
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        "Cramproof cannot open its window: Qt found no display it could use "
        f"(DISPLAY={display}, WAYLAND_DISPLAY=(unset))"
    ]


def test_qt_that_cannot_load_at_all_says_what_to_install_in_one_line(tmp_path: Path) -> None:
    """PySide6's import fails (QtCore wants GLib): one line, exit 1, no traceback."""
    hide_qt = 'sys.modules["PySide6.QtCore"] = None  # what a missing libglib-2.0.so.0 amounts to'
    result = start(tmp_path, table="QT_LIBRARIES", before=hide_qt, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 1, result.stderr
    packages = " ".join(missing_packages({**QT_LIBRARIES, **ABSENT}))  # this machine's, and ours
    assert result.stderr.splitlines() == [
        "Cramproof cannot open its window: Qt needs system libraries that are missing. "
        f"Install them with: sudo apt install {packages}"
    ]


NEEDS_A_TOOL = """
from tests.system_needs import require_tool

def test_needs_a_tool():
    require_tool("cramproof-absent-tool", "cramproof-absent-package")
"""


@pytest.mark.parametrize(
    ("ci", "outcome"),
    [(None, "1 skipped"), ("", "1 skipped"), ("false", "1 skipped"), ("true", "1 failed")],
)
def test_a_missing_tool_skips_naming_its_package_and_fails_in_ci(
    tmp_path: Path, ci: str | None, outcome: str
) -> None:
    (tmp_path / "test_needs.py").write_text(NEEDS_A_TOOL, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "CRAMPROOF_REQUIRE_AUDIO")}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = str(REPO_ROOT)
    # The inner run needs no Qt, which may not load here: pytest-qt stays out of it.
    plugins = ["-p", "no:cacheprovider", "-p", "no:pytest-qt"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rsf", *plugins, "test_needs.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert outcome in result.stdout, result.stdout
    assert "needs cramproof-absent-tool (apt-get install cramproof-absent-package)" in result.stdout
