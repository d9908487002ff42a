"""One entry point for a file of any kind: it gives runs, skips, or one line why not.

The checks before reading keep a mistake from costing memory or a traceback: a folder named
like a FIT file, an empty file, or a file far bigger than any watch writes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop.runs.reading.fit_file import read_fit
from desktop.runs.reading.plausible import implausible
from desktop.runs.reading.run import FileReading, Unreadable
from desktop.runs.reading.track_files import read_gpx, read_tcx

# A 24-hour run at 1 Hz is about 3 MB of FIT or 20 MB of TCX: anything past this is not a run.
LARGEST_FILE = 64 * 1024 * 1024
SUFFIXES = frozenset({".fit", ".gpx", ".tcx"})


def read_run_file(path: Path, *, thorough: bool = False) -> FileReading:
    """Read one FIT, GPX or TCX file; raise Unreadable with one line for anything else.
    `thorough`: a FIT file with the SDK's default decoder options (see fit_decode)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise Unreadable("not a FIT, GPX or TCX file")
    try:
        data = _read_regular_file(path)
    except PermissionError:
        raise Unreadable("no permission to read this file") from None
    except OSError as error:
        raise Unreadable(error.strerror or "this file cannot be read") from None
    if suffix == ".fit":
        reading = read_fit(data, path.name, thorough=thorough)
    elif suffix == ".gpx":
        reading = read_gpx(data, path.name)
    else:
        reading = read_tcx(data, path, path.name)
    for run in reading.runs:  # one impossible run: the whole file is suspect, none stored
        if (why := implausible(run)) is not None:
            raise Unreadable(f"refused: {why}")
    return reading


def _read_regular_file(path: Path) -> bytes:
    """The file's bytes, judged on what was opened (not on a look before it): a FIFO or a device
    would block or never end, so open without waiting and refuse anything but a regular file."""
    if path.is_dir():
        raise Unreadable("a folder, not a file")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    with os.fdopen(fd, "rb") as opened:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("a named pipe or device, not a file")
        if info.st_size == 0:
            raise Unreadable("empty file")
        if info.st_size > LARGEST_FILE:
            megabytes = info.st_size // (1024 * 1024)
            raise Unreadable(f"{megabytes} MB is far larger than any activity file")
        return opened.read(info.st_size)  # not a read of LARGEST_FILE: that much is allocated
