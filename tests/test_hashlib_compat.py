"""When the hashlib workaround (desktop/runtime/hashlib_compat.py) can go, or must change."""

from __future__ import annotations

import platform
import subprocess
import sys

from tests.conftest import REPO_ROOT

CHANGED = f"Python {platform.python_version()} changed: re-measure and remove this workaround"

PLAIN = "import sys, hashlib; print('_hashlib' in sys.modules)"
WORKAROUND = """
import sys
from desktop.runtime.hashlib_compat import hash_without_openssl
hash_without_openssl()
import hashlib, hmac
print('_hashlib' in sys.modules, hashlib.sha256(b'cramproof').hexdigest())
"""


def _run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    ).stdout.strip()


def test_importing_hashlib_still_loads_openssl() -> None:
    assert _run(PLAIN) == "True", CHANGED


def test_the_workaround_keeps_openssl_out_and_hashes_the_same() -> None:
    import hashlib

    expected = hashlib.sha256(b"cramproof").hexdigest()
    assert _run(WORKAROUND) == f"False {expected}"
