"""Finds files under the top-level resources/ folder, in a checkout and in a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("sounds", "ready.wav")``.

    A PyInstaller bundle unpacks next to ``sys._MEIPASS``; a checkout or editable install keeps
    ``resources/`` beside the ``desktop`` package.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root.joinpath("resources", *parts)
