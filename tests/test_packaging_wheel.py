"""A built wheel, installed into a fresh venv, carries the cue sounds, help and icons.

`pip install .` and a wheel used to leave `resources/` behind: the app started without its cues
and its help. Here the wheel is built from a copy of the checkout with the locked setuptools,
installed with `--no-deps` into a new venv that borrows this venv's packages through a `.pth`
(nothing is downloaded), and the installed app is asked, from a folder outside the checkout,
for its resources through its own code paths.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.audio_server import TOOLS, PulseServer, pulse_server
from tests.conftest import REPO_ROOT
from tests.system_needs import require_qt, require_tools

# What a clean checkout holds, and nothing a developer's tree or an earlier build left behind.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "*.pyc"
)
# The locked setuptools of this venv builds; nothing is fetched, no dependency installed.
OFFLINE = ("--no-deps", "--no-build-isolation", "--no-index", "--quiet")

FILES_PROBE = r"""
import json, sys, wave
from pathlib import Path
from PySide6.QtWidgets import QApplication
import desktop
from desktop.runtime.resources import resource_path
from desktop.ui.common.app_icon import ICON_SIZES, app_icon
from desktop.ui.shell.help_dialogs import WhyDialog
app = QApplication([])
ready = resource_path("sounds", "ready.wav")
with wave.open(str(ready)) as cue:
    frames = cue.getnframes()
dialog = WhyDialog()
icon = app_icon()
print(json.dumps({
    "sys_path": sys.path,
    "finders": [type(finder).__module__ for finder in sys.meta_path],
    "desktop": desktop.__file__,
    "ready": str(ready),
    "ready_head": ready.read_bytes()[:12].hex(),
    "ready_frames": frames,
    "max": str(resource_path("sounds", "max.wav")),
    "help_text": dialog.browser.toPlainText(),
    "help_markdown": dialog.browser.toMarkdown(),
    "icon_files": [
        str(resource_path("icons", "hicolor", f"{s}x{s}", "apps", "org.cramproof.Cramproof.png"))
        for s in ICON_SIZES
    ],
    "icon_sizes": [size.width() for size in icon.availableSizes()],
}))
"""

PLAYER_PROBE = r"""
import json
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.domain.rest.rest_timer import Cue
from desktop.ui.alerts.sound import CuePlayer, default_sounds
app = QApplication([])
player = CuePlayer()
prepared = player.prepare()
effects = [player._effect(cue) for cue in Cue]
statuses = {}
def check():
    statuses.update({cue.value: e.status().name for cue, e in zip(Cue, effects) if e})
    if len(statuses) == len(Cue) and all(s == "Ready" for s in statuses.values()):
        player.play(Cue.READY)
        QTimer.singleShot(300, app.quit)
    else:
        QTimer.singleShot(50, check)
QTimer.singleShot(0, check)
QTimer.singleShot(10_000, app.quit)
app.exec()
print(json.dumps({
    "prepared": prepared,
    "statuses": statuses,
    "reason": player.unavailable_reason,
    "sounds": {cue.value: str(path) for cue, path in default_sounds().items()},
}))
"""


@dataclass(frozen=True)
class Installed:
    """The built wheel and the venv it went into."""

    wheel: Path
    python: Path
    site_packages: Path
    outside: Path

    def run(self, script: str, env: dict[str, str] | None = None) -> dict[str, object]:
        """Run `script` with the installed app, isolated (-I: no PYTHONPATH, no script folder),
        from a folder that is not the checkout."""
        child_env = {
            key: value
            for key, value in (env or os.environ).items()
            if key not in ("PYTHONPATH", "PYTHONHOME")
        }
        child_env["QT_QPA_PLATFORM"] = "offscreen"
        done = subprocess.run(
            [str(self.python), "-I", "-c", script],
            cwd=self.outside,
            env=child_env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])


def checked(command: list[str], cwd: Path) -> None:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"


def borrowing_venv(venv: Path) -> tuple[Path, Path]:
    """A new venv that sees this venv's packages (PySide6, pip...) after its own, through a
    `.pth`, so nothing is downloaded; not this venv's editable Cramproof, whose own `.pth`
    (the finder mapping `desktop` onto the checkout) a borrowed folder does not run.

    Returns the new venv's python and its site-packages.
    """
    checked([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv.parent)
    python = venv / "bin" / "python"
    site_packages = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages / "borrowed_test_packages.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    return python, site_packages


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    require_qt()
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    shutil.copytree(REPO_ROOT, source, ignore=NOT_SOURCES, symlinks=True)
    wheels = base / "wheels"
    checked(
        [sys.executable, "-m", "pip", "wheel", *OFFLINE, "--wheel-dir", str(wheels), str(source)],
        cwd=base,
    )
    (wheel,) = wheels.glob("cramproof-*.whl")
    python, site_packages = borrowing_venv(base / "venv")
    checked(
        [str(python), "-m", "pip", "install", *OFFLINE, str(wheel)],
        cwd=base,
    )
    outside = base / "elsewhere"
    outside.mkdir()
    return Installed(wheel, python, site_packages.resolve(), outside)


def inside(path: str | Path, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder)


def test_wheel_lists_the_resources(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for wanted in ("sounds/ready.wav", "sounds/max.wav", "help/why.md", "help/protocol.md"):
        assert f"cramproof_resources/{wanted}" in names
    assert "cramproof_resources/icons/hicolor/scalable/apps/org.cramproof.Cramproof.svg" in names


def test_installed_app_reads_its_cues_help_and_icons(installed: Installed) -> None:
    seen = installed.run(FILES_PROBE)
    checkout = REPO_ROOT.resolve()
    # Only the borrowed site-packages (this venv may live in the checkout), and not the
    # editable install's finder that maps `desktop` and the resources onto the checkout.
    borrowed = {Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")}
    from_checkout = [entry for entry in seen["sys_path"] if entry and inside(entry, checkout)]
    assert {Path(entry).resolve() for entry in from_checkout} <= borrowed
    assert not [name for name in seen["finders"] if "editable" in name]
    assert inside(seen["desktop"], installed.site_packages)
    # The cue files: real WAVs, from the installed package.
    assert inside(seen["ready"], installed.site_packages)
    assert inside(seen["max"], installed.site_packages)
    head = bytes.fromhex(seen["ready_head"])
    assert head[:4] == b"RIFF" and head[8:12] == b"WAVE"
    assert seen["ready_frames"] > 0
    # The help page opens with its text, and links to the installed full protocol.
    why = (REPO_ROOT / "resources" / "help" / "why.md").read_text(encoding="utf-8")
    first_line = next(line for line in why.splitlines() if line.strip()).lstrip("# ")
    assert first_line in seen["help_text"]
    protocol = installed.site_packages / "cramproof_resources" / "help" / "protocol.md"
    assert protocol.as_uri() in seen["help_markdown"]
    # The window icon: every size, from the same place.
    assert all(inside(path, installed.site_packages) for path in seen["icon_files"])
    assert all(Path(path).is_file() for path in seen["icon_files"])
    assert sorted(seen["icon_sizes"]) == [16, 24, 32, 48, 64, 128, 256]


def test_pip_install_of_the_folder_carries_the_resources(tmp_path: Path) -> None:
    """`pip install .` (not editable) builds the same way; its cues are installed files too."""
    source = tmp_path / "source"
    shutil.copytree(REPO_ROOT, source, ignore=NOT_SOURCES, symlinks=True)
    python, site_packages = borrowing_venv(tmp_path / "venv")
    checked(
        [str(python), "-m", "pip", "install", *OFFLINE, str(source)],
        cwd=tmp_path,
    )
    shutil.rmtree(source)  # nothing may still point into the folder it was installed from
    probe = (
        "from desktop.runtime.resources import resource_path as r; print(r('sounds', 'max.wav'))"
    )
    done = subprocess.run(
        [str(python), "-I", "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    cue = Path(done.stdout.strip())
    assert cue == site_packages / "cramproof_resources" / "sounds" / "max.wav"
    assert cue.read_bytes()[:4] == b"RIFF"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[PulseServer]:
    require_tools(TOOLS, "pulseaudio pulseaudio-utils")
    with pulse_server(tmp_path) as running:
        yield running


@pytest.mark.audio
def test_installed_cues_load_and_play(installed: Installed, server: PulseServer) -> None:
    env = server.client_env(QT_AUDIO_BACKEND="pulseaudio")
    seen = installed.run(PLAYER_PROBE, env=env)
    assert seen["reason"] is None
    assert seen["prepared"] is True
    assert seen["statuses"] == {"ready": "Ready", "max": "Ready"}
    assert all(inside(path, installed.site_packages) for path in seen["sounds"].values())


def test_a_source_tree_run_without_installing_finds_its_resources(tmp_path: Path) -> None:
    """The Flatpak copies desktop/, db/ and resources/ into a folder and runs it from
    PYTHONPATH (packaging/org.cramproof.Cramproof.yml): there is no cramproof_resources."""
    tree = tmp_path / "share" / "cramproof"
    for folder in ("desktop", "db", "resources"):
        shutil.copytree(REPO_ROOT / folder, tree / folder, ignore=NOT_SOURCES)
    python, _ = borrowing_venv(tmp_path / "venv")
    probe = (
        "import json; from desktop.runtime.resources import resource_path; "
        "print(json.dumps([str(resource_path('sounds', 'ready.wav')), "
        "str(resource_path('help', 'why.md'))]))"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    done = subprocess.run(
        [str(python), "-c", probe],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ready, why = map(Path, json.loads(done.stdout))
    assert ready == tree / "resources" / "sounds" / "ready.wav"
    assert ready.read_bytes()[:4] == b"RIFF"
    assert why == tree / "resources" / "help" / "why.md"
    assert why.read_text(encoding="utf-8").startswith("# Why this works")
