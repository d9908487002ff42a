"""The name a window listens on for its data folder, so that a second launch can find it.

It is first asked for the turn after the log is on screen (the raise server), or by a second
launch: hashlib loads then, kept off OpenSSL (`hashlib_compat`), and not before the log.
"""

from __future__ import annotations

from pathlib import Path

from desktop.runtime.hashlib_compat import hash_without_openssl


def server_name(data_dir: Path) -> str:
    """A socket name unique to the data directory, short enough for every platform."""
    hash_without_openssl()
    import hashlib

    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"cramproof-{digest}"
