"""One entry point for a file of any kind: it gives runs, skips, or one line why not.

The checks before reading keep a mistake from costing memory or a traceback: a folder named
like a FIT file, an empty file, or a file far bigger than any watch writes.
"""

from __future__ import annotations

from pathlib import Path

from desktop.runs.fit_file import read_fit
from desktop.runs.run import FileReading, Unreadable
from desktop.runs.track_files import read_gpx, read_tcx

# A 24-hour run at 1 Hz is about 3 MB of FIT or 20 MB of TCX: anything past this is not a run.
LARGEST_FILE = 64 * 1024 * 1024
SUFFIXES = frozenset({".fit", ".gpx", ".tcx"})


def read_run_file(path: Path) -> FileReading:
    """Read one FIT, GPX or TCX file; raise Unreadable with one line for anything else."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise Unreadable("not a FIT, GPX or TCX file")
    try:
        if path.is_dir():
            raise Unreadable("a folder, not a file")
        size = path.stat().st_size
        if size == 0:
            raise Unreadable("empty file")
        if size > LARGEST_FILE:
            raise Unreadable(f"{size // (1024 * 1024)} MB is far larger than any activity file")
        data = path.read_bytes()
    except OSError as error:
        raise Unreadable(error.strerror or type(error).__name__) from None
    if suffix == ".fit":
        return read_fit(data, path.name)
    if suffix == ".gpx":
        return read_gpx(data, path.name)
    return read_tcx(data, path, path.name)
