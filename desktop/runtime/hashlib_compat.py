"""Python's hashlib without OpenSSL: the one place Cramproof touches `sys.modules["_hashlib"]`.

tests/test_hashlib_compat.py fails with "Python X changed: re-measure and remove this
workaround" once importing hashlib no longer loads OpenSSL on its own.
"""

from __future__ import annotations

import importlib
import sys

OPENSSL_MODULE = "_hashlib"


def hash_without_openssl() -> None:
    """Workaround: hashlib and hmac load OpenSSL's libcrypto (3.4 MiB resident) when imported.

    Cramproof only hashes its data folder's name (the single-instance socket) with SHA-256,
    which Python's built-in implementation computes identically. With `_hashlib` hidden while
    they are first imported, both modules keep to the built-ins for the life of the process.
    """
    if OPENSSL_MODULE in sys.modules or "hashlib" in sys.modules:
        return
    sys.modules[OPENSSL_MODULE] = None  # type: ignore[assignment]
    try:
        importlib.import_module("hashlib")
        importlib.import_module("hmac")
    finally:
        del sys.modules[OPENSSL_MODULE]
