"""What a test needs from the machine beyond the venv, in one place.

On a developer's fresh machine (`python3-venv` and `make` only) a test that needs a system
program or library skips, and its reason names the Debian package to install. In CI (the
environment variable CI is set, or CRAMPROOF_REQUIRE_AUDIO=1 as `.ci/run` exports) every such
skip is a failure instead, so CI can never pass by quietly testing less.
"""

from __future__ import annotations

import functools
import os
import shutil
from typing import NoReturn

import pytest

from desktop.ui.common.qt_libraries import QT_LIBRARIES, missing_packages


def strict() -> bool:
    """True in CI: a missing system requirement fails the test instead of skipping it."""
    ci = os.environ.get("CI", "").strip().lower()
    return ci not in ("", "0", "false", "no") or os.environ.get("CRAMPROOF_REQUIRE_AUDIO") == "1"


def unavailable(message: str) -> NoReturn:
    """Skip with `message`, or fail with it in CI."""
    if strict():
        pytest.fail(f"CI requires this machine to have it: {message}", pytrace=False)
    pytest.skip(message)


def lacking(need: str, packages: str) -> NoReturn:
    """Skip (fail in CI) because `need` is missing; `packages` is what `apt-get install` adds."""
    unavailable(f"needs {need} (apt-get install {packages})")


def require_tool(tool: str, package: str) -> str:
    """The program's path, or a skip (a failure in CI) naming its package."""
    path = shutil.which(tool)
    if path is None:
        lacking(tool, package)
    return path


def require_tools(tools: tuple[str, ...], packages: str) -> None:
    """All of `tools`, or one skip (a failure in CI) naming what is absent and the packages."""
    absent = [tool for tool in tools if shutil.which(tool) is None]
    if absent:
        lacking(", ".join(absent), packages)


@functools.cache
def qt_missing_packages() -> list[str]:
    """The Debian packages Qt's libraries still need here (empty when Qt can run offscreen)."""
    return missing_packages(QT_LIBRARIES)


def qt_reason(packages: list[str]) -> str:
    return f"needs Qt's system libraries (apt-get install {' '.join(packages)})"


def require_qt() -> None:
    """For a test whose child process starts Qt (an import in this process is covered anyway)."""
    if qt_missing_packages():
        lacking("Qt's system libraries", " ".join(qt_missing_packages()))
