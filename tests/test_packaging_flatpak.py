"""The Flatpak manifest agrees with the rest: app id, sandbox holes, files, pinned wheels."""

from __future__ import annotations

import operator
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from desktop import __version__
from desktop.app import APP_ID
from tests.conftest import REPO_ROOT

PACKAGING = REPO_ROOT / "packaging"
MANIFEST = PACKAGING / f"{APP_ID}.yml"
REQUIREMENTS = PACKAGING / "flatpak" / "requirements.txt"
RUNTIME_PYTHON = (3, 13)  # org.freedesktop.Platform 25.08
# sqlite-utils lists pip for its own `install` command, which Cramproof never runs.
NOT_NEEDED_AT_RUN_TIME = {"pip"}
COMPARISONS = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
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


def pins() -> dict[str, str]:
    text = REQUIREMENTS.read_text(encoding="utf-8")
    found = dict(
        re.findall(r"^([A-Za-z0-9._-]+)==(\S+) \\\n    --hash=sha256:[0-9a-f]{64}$", text, re.M)
    )
    assert len(found) == len(re.findall(r"==", text)), "every pin carries one sha256 hash"
    return {normal(name): version for name, version in found.items()}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def applies_to_runtime(requirement: str) -> bool:
    """Evaluate the `python_version` markers the dependency tree uses, for the runtime's Python."""
    _, _, marker = requirement.partition(";")
    if "extra" in marker:
        return False
    for op, version in re.findall(r"python_version\s*([<>=!]=?)\s*['\"]([\d.]+)['\"]", marker):
        wanted = tuple(int(part) for part in version.split("."))
        holds = COMPARISONS[op](RUNTIME_PYTHON, wanted)
        if not holds:
            return False
    return True


def runtime_closure() -> dict[str, str]:
    """Each distribution Cramproof needs at run time on the runtime's Python → installed version."""
    found: dict[str, str] = {}
    pending = ["cramproof"]
    while pending:
        name = normal(pending.pop())
        if name in found or name in NOT_NEEDED_AT_RUN_TIME:
            continue
        dist = metadata.distribution(name)
        found[name] = dist.version
        for requirement in dist.requires or []:
            if applies_to_runtime(requirement):
                pending.append(re.match(r"[A-Za-z0-9._-]+", requirement).group(0))  # type: ignore[union-attr]
    del found["cramproof"]
    return found


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


def test_wheels_are_exactly_the_versions_the_tests_run_on() -> None:
    """A dependency added to pyproject.toml, or a version bumped, must reach the Flatpak too."""
    assert pins() == runtime_closure()


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
