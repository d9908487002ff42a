"""`make install-desktop`: the menu entry, icons and metadata land in XDG_DATA_HOME and work."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from desktop import __version__
from desktop.app import APP_ID
from tests.conftest import REPO_ROOT
from tests.system_needs import require_tool
from tests.test_packaging_desktop import desktop_entry, validate_desktop_file

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
VENV = Path(sys.prefix)


def packaging_module(name: str) -> ModuleType:
    """A script from packaging/ (a folder of tools, not a package: `packaging` is a PyPI name)."""
    qualified = f"cramproof_packaging_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, REPO_ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def make_command(target: str, *, venv: Path, dist_dir: Path, dry_run: bool = False) -> list[str]:
    """`make target` with this venv, never remaking it: `-o` takes the venv's install stamp
    as up to date, so a test run from another checkout cannot re-point the shared venv's
    editable install (`pip install -e .`) at that checkout."""
    return [
        "make",
        *(["-n"] if dry_run else []),
        "-C",
        str(REPO_ROOT),
        "-o",
        f"{venv}/.installed",
        target,
        f"VENV={venv}",
        f"DIST_DIR={dist_dir}",
    ]


def make(target: str, *, data_home: Path, dist_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run a Makefile target as a person would, with this test's venv and folders."""
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(
        make_command(target, venv=VENV, dist_dir=dist_dir),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def exec_program(exec_value: str) -> list[str]:
    """Split an Exec value as the Desktop Entry spec says: string escapes, then quoting.

    Written from the spec independently of the installer, so the two check each other.
    """
    text = exec_value.replace("\\\\", "\\")
    words: list[str] = []
    word: str | None = None
    quoted = False
    chars = iter(text)
    for char in chars:
        if quoted and char == "\\":
            word = (word or "") + next(chars)
        elif char == '"':
            quoted, word = not quoted, word or ""
        elif char == " " and not quoted:
            if word is not None:
                words.append(word)
            word = None
        else:
            word = (word or "") + char
    if word is not None:
        words.append(word)
    return [word.replace("%%", "%") for word in words]


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    """A data home holding what `make install-desktop` installs when no bundle is built."""
    data_home = tmp_path / "share"
    result = make("install-desktop", data_home=data_home, dist_dir=tmp_path / "no-bundle")
    assert result.returncode == 0, result.stdout + result.stderr
    return data_home


def test_the_install_target_is_run_without_touching_the_venv(tmp_path: Path) -> None:
    """A dry run against a venv that does not exist yet: only the installer would run."""
    venv = tmp_path / "venv"
    result = subprocess.run(
        make_command("install-desktop", venv=venv, dist_dir=tmp_path / "dist", dry_run=True),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    commands = [line for line in result.stdout.splitlines() if not line.startswith("make")]
    assert "pip install" not in result.stdout and "-m venv" not in result.stdout
    assert commands[0].startswith(f"{venv}/bin/python packaging/install_desktop.py")


def test_install_puts_entry_icons_and_metadata_where_menus_look(installed: Path) -> None:
    assert (installed / "applications" / f"{APP_ID}.desktop").is_file()
    assert (installed / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (installed / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    for size in SIZES:
        assert (installed / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file(), size


def test_installed_entry_launches_the_venv_program_and_is_valid(installed: Path) -> None:
    installed_file = installed / "applications" / f"{APP_ID}.desktop"
    result = validate_desktop_file(installed_file)
    assert result.returncode == 0, result.stdout + result.stderr
    entry = desktop_entry(installed_file)
    program = exec_program(entry["Desktop Entry"]["Exec"])
    assert program == [str((VENV / "bin" / "cramproof").resolve())]
    assert exec_program(entry["Desktop Action start-session"]["Exec"]) == [*program, "gym"]
    version = subprocess.run(
        [*program, "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert version.stdout.strip() == f"cramproof {__version__}"


def test_installed_tree_passes_appstream_validation(tmp_path: Path) -> None:
    """validate-tree checks the metadata against the installed entry, as software centres do."""
    tool = require_tool("appstreamcli", "appstream")
    root = tmp_path / "root"
    result = make("install-desktop", data_home=root / "usr" / "share", dist_dir=tmp_path / "none")
    assert result.returncode == 0, result.stderr
    check = subprocess.run(
        [tool, "validate-tree", "--no-net", "--strict", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_desktop_database_is_refreshed_when_the_tool_exists(installed: Path) -> None:
    require_tool("update-desktop-database", "desktop-file-utils")
    assert (installed / "applications" / "mimeinfo.cache").is_file()


def test_uninstall_removes_exactly_what_install_added(installed: Path) -> None:
    (installed / "applications" / "someone-else.desktop").write_text("[Desktop Entry]\n")
    script = REPO_ROOT / "packaging" / "install_desktop.py"
    result = subprocess.run(
        [sys.executable, str(script), "--uninstall", "--bundle", "x", "--venv-command", "y"],
        env={**os.environ, "XDG_DATA_HOME": str(installed)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    left = sorted(p.name for p in installed.rglob("*") if p.is_file())
    # update-desktop-database (desktop-file-utils), where installed, keeps the menu's cache.
    refreshed = ["mimeinfo.cache"] if shutil.which("update-desktop-database") else []
    assert left == [*refreshed, "someone-else.desktop"]


def test_install_without_any_program_fails_and_says_what_to_do(tmp_path: Path) -> None:
    script = REPO_ROOT / "packaging" / "install_desktop.py"
    result = subprocess.run(
        [
            sys.executable,
            str(script),
            "--bundle",
            str(tmp_path / "nothing"),
            "--venv-command",
            str(tmp_path / "nothing-either"),
        ],
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "make run" in result.stderr
    assert not (tmp_path / "share").exists()


@pytest.mark.parametrize(
    "folder",
    ["/opt/cramproof", "/home/Ana María/apps", "/tmp/100% sure", '/tmp/a "quoted" $dir\\x'],
)
def test_exec_lines_survive_any_install_folder(tmp_path: Path, folder: str) -> None:
    installer = packaging_module("install_desktop")
    template = (REPO_ROOT / "packaging" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    command = Path(folder) / "cramproof"
    written = tmp_path / f"{APP_ID}.desktop"
    written.write_text(installer.desktop_entry(template, command=command), encoding="utf-8")
    result = validate_desktop_file(written)
    assert result.returncode == 0, result.stdout + result.stderr
    entry = desktop_entry(written)
    assert exec_program(entry["Desktop Entry"]["Exec"]) == [str(command)]
    assert exec_program(entry["Desktop Action start-session"]["Exec"]) == [str(command), "gym"]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"XDG_DATA_HOME": "/data", "HOME": "/home/ana"}, "/data"),
        ({"XDG_DATA_HOME": "", "HOME": "/home/ana"}, "/home/ana/.local/share"),
        ({"XDG_DATA_HOME": "relative/dir", "HOME": "/home/ana"}, "/home/ana/.local/share"),
        ({"HOME": "/home/ana"}, "/home/ana/.local/share"),
    ],
)
def test_data_home_follows_the_base_directory_spec(environ: dict[str, str], expected: str) -> None:
    installer = packaging_module("install_desktop")
    assert installer.data_home(environ) == Path(expected)
