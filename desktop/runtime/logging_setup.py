"""Logging to a file in the log directory, rotated at start, so a runner can send us what happened.

Rotation happens once, when the app starts (a day in the gym writes a few kilobytes), with a
plain FileHandler: logging.handlers would pull in sockets and pickling before the first frame.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop.runtime.paths import ensure_private_dir
from desktop.runtime.private_files import ensure_private_file

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
KEEP = 3


def rotate_if_large(log_file: Path, *, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> bool:
    """cramproof.log → .1 → .2 … when it has grown past `max_bytes`; the oldest falls off."""
    try:
        if log_file.stat().st_size < max_bytes:
            return False
    except FileNotFoundError:
        return False
    for number in range(keep - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{number}")
        if older.exists():
            os.replace(older, log_file.with_name(f"{log_file.name}.{number + 1}"))
    os.replace(log_file, log_file.with_name(f"{log_file.name}.1"))
    return True


def configure_logging(log_file: Path, *, verbose: bool = False) -> logging.Handler | None:
    """Attach a file handler to the root logger; return it, or None if the disk refuses.

    A log we cannot write must never stop a workout, so failure here only warns on stderr.
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        ensure_private_dir(log_file.parent)
        rotate_if_large(log_file)
        ensure_private_file(log_file)
        handler: logging.Handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError as error:
        logging.getLogger(__name__).warning("Logging to %s is not possible: %s", log_file, error)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return handler
