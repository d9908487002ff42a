"""Shared test set-up: Qt offscreen, and a private data directory for every single test."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

import pytest

from tests.system_needs import qt_missing_packages, qt_reason, require_qt, strict

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep Qt's own caches and sockets out of the developer's home.
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

REPO_ROOT = Path(__file__).resolve().parents[1]

# `clock` and `store` for the gym-mode tests; a module's own fixture of the same name wins.
pytest_plugins = ["tests.gym_fixtures"]

# Without Qt's system libraries (a fresh Debian with only python3-venv), PySide6 cannot even be
# imported. Then every test that touches Qt skips, naming the packages, and the rest still run;
# in CI the session stops at once with the same line instead.
QT_MISSING = qt_missing_packages()
QT_USABLE = not QT_MISSING
QT_MODULES = frozenset({"PySide6", "shiboken6", "pyqtgraph", "pytestqt"})


class _SkipQtImports:
    """Turns `import PySide6` (and whatever loads it) into a skip that names the packages."""

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name.partition(".")[0] in QT_MODULES:
            raise pytest.skip.Exception(qt_reason(QT_MISSING), allow_module_level=True)
        return None


if not QT_USABLE and not strict():
    sys.meta_path.insert(0, _SkipQtImports())

    @pytest.fixture
    def qtbot() -> None:
        """Stands in for pytest-qt's fixture, which cannot load here."""
        pytest.skip(qt_reason(QT_MISSING))

    @pytest.fixture
    def qapp() -> None:
        pytest.skip(qt_reason(QT_MISSING))


def pytest_plugin_registered(plugin: object, manager: pytest.PytestPluginManager) -> None:
    """pytest-qt imports PySide6 while configuring: keep it out when Qt cannot load."""
    if not QT_USABLE and not strict() and manager.get_plugin("pytest-qt") is not None:
        manager.set_blocked("pytest-qt")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    if not QT_USABLE and strict():
        raise pytest.UsageError(f"CI requires this machine to have it: {qt_reason(QT_MISSING)}")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own empty data folder; nothing ever reaches the real user folders."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CRAMPROOF_DATA_DIR", str(folder))
    return folder


SUB_COMMANDS = frozenset({"check", "backup", "restore", "gym", "plan", "export", "runs"})
# The window, and `restore`, which takes the window's lock (a QLockFile), load Qt.
QT_SUB_COMMANDS = frozenset({"gym", "restore"})
WINDOW_OPTIONS = frozenset({"--data-dir", "--verbose"})


def cramproof_command(*args: str) -> list[str]:
    """The installed entry point, run with this interpreter, for subprocess tests.

    A command that will load Qt skips the test (fails it in CI) where Qt cannot run.
    """
    command = next((arg for arg in args if arg in SUB_COMMANDS), None)
    options = {arg.partition("=")[0] for arg in args if arg.startswith("-")}
    if command in QT_SUB_COMMANDS or (command is None and options <= WINDOW_OPTIONS):
        require_qt()
    return [sys.executable, "-m", "desktop", *args]


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env
