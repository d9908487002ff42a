"""Finds the cue sounds, help pages and icons, wherever and however Cramproof was installed.

The files live in the top-level resources/ folder of the repository, which installs as the
package ``cramproof_resources`` (see setup.py). Every reader goes through `resource_path`, so a
wheel, a ``pip install .``, an editable install, the Flatpak's source copy and the PyInstaller
bundle all find the same files.
"""

from __future__ import annotations

import atexit
import functools
import importlib.resources
import importlib.util
import sys
from contextlib import ExitStack
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "cramproof_resources"

# Real files a zipped install had to extract, kept until the app exits: Qt opens them by path
# long after they were asked for (a sound effect, a window icon).
_extracted = ExitStack()
atexit.register(_extracted.close)


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("sounds", "ready.wav")``.

    A PyInstaller bundle unpacks resources/ next to ``sys._MEIPASS``; everywhere else
    importlib.resources finds the installed package, as a real file on disk (Qt wants a path).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle).joinpath("resources", *parts)
    return _installed(parts)


@functools.cache
def _installed(parts: tuple[str, ...]) -> Path:
    resource = _package_root().joinpath(*parts)
    return _extracted.enter_context(importlib.resources.as_file(resource))


def _package_root() -> Traversable:
    if importlib.util.find_spec(PACKAGE) is not None:
        return importlib.resources.files(PACKAGE)
    # A source tree run without installing it (the Flatpak runs its copy of the tree this way):
    # resources/ sits beside the desktop package.
    desktop = importlib.util.find_spec("desktop")
    assert desktop is not None and desktop.origin is not None
    return Path(desktop.origin).parent.parent / "resources"
