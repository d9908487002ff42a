"""Logging to a rotating file in the log directory, so a runner can send us what happened."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.paths import ensure_private_dir

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_file: Path, *, verbose: bool = False) -> logging.Handler | None:
    """Attach a rotating file handler to the root logger; return it, or None if the disk refuses.

    A log we cannot write must never stop a workout, so failure here only warns on stderr.
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        ensure_private_dir(log_file.parent)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("Logging to %s is not possible: %s", log_file, error)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return handler
