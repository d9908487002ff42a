"""File-system steps that keep the training log private and make renames survive a power cut."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

COMPANION_SUFFIXES = ("-wal", "-shm")


def companions(path: Path) -> list[Path]:
    """The write-ahead log and shared-memory files SQLite keeps beside a database."""
    return [path.with_name(path.name + suffix) for suffix in COMPANION_SUFFIXES]


def private_folder(folder: Path) -> None:
    """Create a folder only the user can enter (0700): training logs are personal data."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def create_private(path: Path) -> bool:
    """Create an empty 0600 file, or return False if one exists.

    SQLite gives the -wal and -shm files the database file's mode, so this keeps all three private
    without touching the process-wide umask (which other threads may rely on).
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def sync_file(path: Path) -> None:
    """Flush a file's bytes to the disk before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries, so that a rename the runner was told about is not undone."""
    sync_file(folder)


def remove_quietly(path: Path) -> None:
    """Delete a leftover temporary file; a failure here must not hide the error being raised."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def log_companions(path: Path) -> list[Path]:
    """Every file SQLite may keep beside the log: the write-ahead log, shared memory, journal."""
    return [*companions(path), path.with_name(path.name + "-journal")]
