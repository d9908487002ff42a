"""The PyInstaller bundle, built the way `make dist` builds it and run with no Python around it."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.app import APP_ID
from tests.audio_server import TOOLS, pulse_server, recording
from tests.conftest import REPO_ROOT
from tests.system_needs import require_qt, require_tool, require_tools, unavailable
from tests.test_packaging_desktop import desktop_entry
from tests.test_packaging_install import exec_program, make, packaging_module

pytestmark = pytest.mark.slow

VENV = Path(sys.prefix)
BUILD_TIMEOUT_S = 900
LOUD = 16_000


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/cramproof/cramproof, built into a temporary folder (PyInstaller installed on demand)."""
    require_qt()  # the bundle carries Qt but leaves the system's graphics libraries to the system
    require_tool("objdump", "binutils")  # PyInstaller reads each library's dependencies with it
    root = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            "make",
            "-C",
            str(REPO_ROOT),
            "dist",
            f"VENV={VENV}",
            f"DIST_DIR={root / 'dist'}",
            f"BUILD_DIR={root / 'build'}",
        ],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    program = root / "dist" / "cramproof" / "cramproof"
    assert program.is_file()
    return program


def without_python(**extra: str) -> dict[str, str]:
    """An environment that offers the bundle no Python: no venv, no PYTHON* variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PYTHON") and key not in {"VIRTUAL_ENV", "CRAMPROOF_DATA_DIR"}
    }
    env["PATH"] = "/usr/bin:/bin"
    env.update(extra)
    return env


def run(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args],
        env=without_python(),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_version(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"cramproof {__version__}"


def test_check_needs_no_display_and_finds_nothing_to_check(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--data-dir", str(tmp_path / "data"), "check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "nothing to check" in result.stdout


def test_window_opens_offscreen_closes_on_sigterm_and_leaves_a_healthy_log(
    bundle: Path, tmp_path: Path
) -> None:
    measure = packaging_module("measure")
    data_dir = tmp_path / "data"
    launch = measure.time_to_window(
        [str(bundle)], data_dir=data_dir, env=without_python(QT_QPA_PLATFORM="offscreen")
    )
    assert "Traceback" not in launch.output
    assert "cannot open shared object file" not in launch.output, launch.output
    log = (data_dir / "logs" / "cramproof.log").read_text(encoding="utf-8")
    assert "Main window shown" in log
    assert "Cramproof closed" in log
    assert not [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line]
    checked = run(bundle, "--data-dir", str(data_dir), "check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.strip().endswith(": ok")


def test_bundle_keeps_the_qt_it_uses_and_nothing_heavy_besides(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    qt = internal / "PySide6" / "Qt"
    for needed in [
        internal / "PySide6" / "QtMultimedia.abi3.so",
        internal / "PySide6" / "QtDBus.abi3.so",
        internal / "PySide6" / "QtNetwork.abi3.so",
        qt / "lib" / "libQt6Multimedia.so.6",
        qt / "plugins" / "platforms" / "libqxcb.so",
        qt / "plugins" / "platforms" / "libqwayland.so",
        qt / "plugins" / "platforms" / "libqoffscreen.so",
        qt / "plugins" / "iconengines" / "libqsvgicon.so",
        internal / "resources" / "sounds" / "ready.wav",
        internal / "resources" / "sounds" / "max.wav",
        internal / "resources" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    ]:
        assert needed.exists(), needed.relative_to(bundle.parent)
    names = {path.name for path in internal.rglob("*")}
    for unwanted in [
        "QtQml.abi3.so",
        "QtQuick.abi3.so",
        "QtWebEngineCore.abi3.so",
        "libQt6Quick.so.6",
        "libQt6Qml.so.6",
        "libQt6Pdf.so.6",
        "libQt6WebEngineCore.so.6",
        "libavcodec.so.61",
        "libffmpegmediaplugin.so",
        "libqtvirtualkeyboardplugin.so",
        "qtbase_de.qm",
        "generate_cues.py",
    ]:
        assert unwanted not in names, unwanted


def test_every_library_it_links_is_inside_or_left_to_the_system_on_purpose(bundle: Path) -> None:
    """Catches a library the build machine lacked: the bundle would not start on X11 without it.

    PyInstaller leaves a few libraries to every system on purpose (libc, the GL stack, libxcb,
    libwayland-client); anything else a bundled file links to must be in the bundle.
    """
    importlib.invalidate_caches()  # `make dist` installed PyInstaller after this process started
    from PyInstaller.depend.bindepend import get_imports
    from PyInstaller.depend.dylib import include_library

    present = {path.name for path in bundle.parent.rglob("*")}
    missing: dict[str, set[str]] = {}
    for path in bundle.parent.rglob("*"):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        for name, _found in get_imports(str(path)):
            library = os.path.basename(name)
            if library not in present and include_library(library):
                missing.setdefault(library, set()).add(path.name)
    if missing:
        unavailable(
            f"libraries the build machine lacked, so the bundle lacks them: {missing} "
            "(see packaging/README.md, 'Build machine')"
        )


def is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


SOUND_CHILD = r"""
import json, sys
from PySide6.QtCore import QCoreApplication, QTimer
QCoreApplication.setLibraryPaths([sys.argv[1]])  # the bundle's plugins and nothing else
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop.domain.rest.rest_timer import Cue
from desktop.ui.alerts.sound import CuePlayer
app = QApplication([])
sounds = {cue: Path(sys.argv[2]) / f"{cue.value}.wav" for cue in Cue}
player = CuePlayer(sounds=sounds)
reasons = []
player.sound_unavailable.connect(reasons.append)
QTimer.singleShot(0, lambda: player.play(Cue.READY))
QTimer.singleShot(1800, app.quit)
app.exec()
print(json.dumps({"reasons": reasons, "prepared": player.prepare()}))
"""


@pytest.mark.audio
def test_cues_sound_with_only_the_plugins_the_bundle_ships(bundle: Path, tmp_path: Path) -> None:
    """QSoundEffect needs no media backend: the bundle leaves FFmpeg out, yet the cue plays."""
    require_tools(TOOLS, "pulseaudio pulseaudio-utils")
    internal = bundle.parent / "_internal"
    with pulse_server(tmp_path / "pulse") as server, recording(server) as samples:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                SOUND_CHILD,
                str(internal / "PySide6" / "Qt" / "plugins"),
                str(internal / "resources" / "sounds"),
            ],
            env=server.client_env(QT_QPA_PLATFORM="offscreen", QT_AUDIO_BACKEND="pulseaudio"),
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"reasons": [], "prepared": True}
    assert max(map(abs, samples)) > LOUD


def test_menu_entry_launches_the_bundle_once_built(bundle: Path, tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    result = make("install-desktop", data_home=data_home, dist_dir=bundle.parent.parent)
    assert result.returncode == 0, result.stderr
    entry = desktop_entry(data_home / "applications" / f"{APP_ID}.desktop")
    program = exec_program(entry["Desktop Entry"]["Exec"])
    assert program == [str(bundle.resolve())]
    version = run(Path(program[0]), "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"cramproof {__version__}"
