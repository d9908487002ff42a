"""The Flatpak manifest agrees with the rest: app id, sandbox holes, files, the locked wheels."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from desktop import __version__
from desktop.app import APP_ID
from tests.conftest import REPO_ROOT
from tests.test_packaging_lock import LOCK, environment, normal, read_pins, resolved

PACKAGING = REPO_ROOT / "packaging"
MANIFEST = PACKAGING / f"{APP_ID}.yml"
REQUIREMENTS = PACKAGING / "flatpak" / "requirements.txt"
RUNTIME_PYTHON = "3.13"  # org.freedesktop.Platform 25.08
EXPECTED_FINISH_ARGS = {
    "--socket=wayland",
    "--socket=fallback-x11",
    "--share=ipc",
    "--device=dri",
    "--socket=pulseaudio",
    "--talk-name=org.freedesktop.ScreenSaver",
}


def manifest_text() -> str:
    return MANIFEST.read_text(encoding="utf-8")


def top_level(key: str) -> str:
    match = re.search(rf"^{key}: *'?([^'\n]+)'?$", manifest_text(), re.MULTILINE)
    assert match, key
    return match.group(1)


def block_items(key: str) -> list[str]:
    """The `- item` lines of a top-level list."""
    block = re.search(rf"^{key}:\n((?:  - .*\n|  #.*\n)+)", manifest_text(), re.MULTILINE)
    assert block, key
    return re.findall(r"^  - (.+)$", block.group(1), re.MULTILINE)


def test_manifest_is_the_app_with_its_command() -> None:
    assert top_level("id") == APP_ID
    assert top_level("command") == "cramproof"
    assert top_level("runtime") == "org.freedesktop.Platform"
    assert top_level("sdk") == "org.freedesktop.Sdk"


def test_sandbox_opens_only_display_sound_gpu_and_the_screensaver() -> None:
    assert set(block_items("finish-args")) == EXPECTED_FINISH_ARGS
    text = manifest_text()
    assert "--share=network" not in text
    assert "--filesystem" not in text, "the app keeps its data in its own XDG folder"


def test_wheels_are_the_locked_versions_for_the_runtimes_python() -> None:
    """A version bumped in requirements.lock must reach the Flatpak too (`make lock` does both)."""
    locked = resolved(read_pins(LOCK), RUNTIME_PYTHON)
    wheels = read_pins(REQUIREMENTS)
    for wheel in wheels:
        pin = locked.get(wheel.name)
        assert pin is not None, f"{wheel.name} is in the Flatpak but not in requirements.lock"
        assert (wheel.version, wheel.marker) == (pin.version, None), wheel
        assert wheel.hashes <= pin.hashes, f"{wheel.name}: a hash requirements.lock does not have"
    assert len({wheel.name for wheel in wheels}) == len(wheels)


def test_wheels_include_every_runtime_dependency() -> None:
    """Each run-time requirement of pyproject.toml, for the runtime's Python, is a Flatpak wheel."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheels = {wheel.name for wheel in read_pins(REQUIREMENTS)}
    for text in project["project"]["dependencies"]:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate(environment(RUNTIME_PYTHON)):
            assert normal(requirement.name) in wheels, requirement


def test_files_the_build_installs_exist() -> None:
    text = manifest_text().replace("${FLATPAK_ID}", APP_ID)
    for path in re.findall(r"\b(packaging/[\w./-]+)", text):
        if path.endswith("/wheels"):
            continue  # fetched by packaging/flatpak/fetch_wheels.sh
        assert (REPO_ROOT / path).exists(), path
    for source in re.findall(r"^ +path: (.+)$", text, re.MULTILINE):
        if not source.endswith("wheels"):
            assert (PACKAGING / source).exists(), source


def test_launcher_starts_the_app_module() -> None:
    """The /app/bin/cramproof script, run here against the checkout instead of /app."""
    launcher = PACKAGING / "flatpak" / "cramproof"
    assert os.access(launcher, os.X_OK)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        [str(launcher), "--version"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"cramproof {__version__}"
