"""requirements.lock: every dependency pinned with its hashes, the venv built from it, and kept
in step with pyproject.toml, so a fresh clone installs what the tests ran on, not today's index.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement

from tests.conftest import REPO_ROOT

LOCK = REPO_ROOT / "requirements.lock"
SUPPORTED_PYTHONS = ("3.11", "3.12", "3.13")
PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+)(?: ; (?P<marker>[^\\\n]+?))? \\\n"
    r"(?P<hashes>(?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Pin:
    """One `name==version ; marker` entry of a hash-pinned requirements file."""

    name: str
    version: str
    marker: str | None
    hashes: frozenset[str]

    def applies(self, python: str, platform: str = "linux") -> bool:
        if self.marker is None:
            return True
        return Marker(self.marker).evaluate(environment(python, platform))


def environment(python: str, platform: str = "linux") -> dict[str, str]:
    """Marker variables for a CPython `python` (e.g. "3.13") on x86_64 `platform`."""
    return {
        "python_version": python,
        "python_full_version": f"{python}.0",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "sys_platform": platform,
        "platform_system": {"linux": "Linux", "win32": "Windows", "darwin": "Darwin"}[platform],
        "os_name": "nt" if platform == "win32" else "posix",
        "platform_machine": "x86_64",
        "extra": "",
    }


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path) -> list[Pin]:
    """Every pin of a uv/pip-tools style file; each must carry at least one sha256."""
    text = path.read_text(encoding="utf-8")
    pins = [
        Pin(
            normal(match["name"]),
            match["version"],
            match["marker"],
            frozenset(re.findall(r"sha256:([0-9a-f]{64})", match["hashes"])),
        )
        for match in PIN.finditer(text)
    ]
    assert len(pins) == len(re.findall(r"^\S+==", text, re.MULTILINE)), f"unhashed pin in {path}"
    return pins


def resolved(pins: list[Pin], python: str, platform: str = "linux") -> dict[str, Pin]:
    """The one pin per distribution that applies to `python` on `platform`."""
    found: dict[str, Pin] = {}
    for pin in pins:
        if pin.applies(python, platform):
            assert pin.name not in found, f"two pins of {pin.name} apply to Python {python}"
            found[pin.name] = pin
    return found


def declared_requirements() -> list[Requirement]:
    """What pyproject.toml asks for: run time, the test extra, and the build backend."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    texts = [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["test"],
        *project["build-system"]["requires"],
    ]
    return [Requirement(text) for text in texts]


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
@pytest.mark.parametrize("python", SUPPORTED_PYTHONS)
def test_lock_satisfies_pyproject_for_every_supported_python(python: str, platform: str) -> None:
    """A requirement added or narrowed in pyproject.toml without `make lock` shows up here."""
    pins = resolved(read_pins(LOCK), python, platform)
    for requirement in declared_requirements():
        if requirement.marker and not requirement.marker.evaluate(environment(python, platform)):
            continue
        pin = pins.get(normal(requirement.name))
        assert pin is not None, f"{requirement} is not in requirements.lock: run `make lock`"
        assert requirement.specifier.contains(pin.version, prereleases=True), (
            f"requirements.lock has {pin.name} {pin.version}, pyproject.toml wants "
            f"{requirement}: run `make lock`"
        )


def test_the_venv_holds_exactly_the_locked_versions() -> None:
    """`make test` installed from the lock, not whatever the index served that day."""
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    pins = resolved(read_pins(LOCK), python, sys.platform)
    installed = {normal(dist.metadata["Name"]): dist.version for dist in metadata.distributions()}
    wrong = {
        name: (pin.version, installed.get(name))
        for name, pin in pins.items()
        if installed.get(name) != pin.version
    }
    assert not wrong, f"locked vs installed: {wrong}"


def copy_of_the_build_files(tmp_path: Path) -> Path:
    """The Makefile with its inputs in a scratch folder, and a venv that looks installed."""
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(REPO_ROOT / name, tmp_path / name)
    python = tmp_path / "venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text("#!/bin/sh\n")
    python.chmod(0o755)
    (tmp_path / "venv" / ".installed").touch()
    return tmp_path


def make_dry_run(folder: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-n", "-C", str(folder), *targets, "VENV=venv"],
        env={**os.environ, "MAKEFLAGS": ""},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("target", ["run", "test"])
def test_run_and_test_install_only_hash_checked_pins(tmp_path: Path, target: str) -> None:
    folder = copy_of_the_build_files(tmp_path)
    (folder / "venv" / ".installed").unlink()
    commands = make_dry_run(folder, target).stdout
    installs = [line for line in commands.splitlines() if "pip install" in line]
    assert installs == [
        "venv/bin/python -m pip install --quiet --require-hashes --requirement requirements.lock",
        "venv/bin/python -m pip install --quiet --no-deps --no-build-isolation --editable .",
    ]


@pytest.mark.parametrize("changed", ["requirements.lock", "pyproject.toml"])
def test_a_changed_lock_or_pyproject_reinstalls(tmp_path: Path, changed: str) -> None:
    folder = copy_of_the_build_files(tmp_path)
    stamp = (folder / "venv" / ".installed").stat().st_mtime
    for name in ("requirements.lock", "pyproject.toml"):
        os.utime(folder / name, (stamp - 60, stamp - 60))
    assert "pip install" not in make_dry_run(folder, "test").stdout
    os.utime(folder / changed, (stamp + 60, stamp + 60))
    assert "--require-hashes --requirement requirements.lock" in make_dry_run(folder, "test").stdout
