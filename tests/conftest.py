"""Shared test set-up: Qt offscreen, and a private data directory for every single test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep Qt's own caches and sockets out of the developer's home.
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

REPO_ROOT = Path(__file__).resolve().parents[1]

# `clock` and `store` for the gym-mode tests; a module's own fixture of the same name wins.
pytest_plugins = ["tests.gym_fixtures"]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own empty data folder; nothing ever reaches the real user folders."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CRAMPROOF_DATA_DIR", str(folder))
    return folder


def cramproof_command(*args: str) -> list[str]:
    """The installed entry point, run with this interpreter, for subprocess tests."""
    return [sys.executable, "-m", "desktop", *args]


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env
