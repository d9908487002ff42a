"""Every place Cramproof reaches past PySide6's documented API, with what each one saves.

tests/ui/test_pyside_compat.py fails with "PySide6 X changed: re-measure and remove this
workaround" when the pinned version changes or the internal patched here is gone or fixed.
"""

from __future__ import annotations

import linecache
import sys

# The PySide6 series this was measured on (pyproject pins >=6.11,<6.12).
PINNED_SERIES = "6.11."
FEATURE_MODULE = "shibokensupport.feature"


def scan_imports_cheaply() -> None:
    """Workaround for PySide6's `__feature__` import hook (PYSIDE-2029).

    After every import it asks whether the new module mentions PySide6 by reading its source
    through inspect and linecache: a tenth of a millisecond and a cached copy of the source per
    module, 15 ms and 5 MiB over the 150 behind the populated window. Looking for the same
    word in the file's bytes gives the same answer for a fraction of the cost; the sources it
    cached while PySide6 loaded (enum.py, 0.2 MiB) are let go.
    """
    feature = sys.modules.get(FEATURE_MODULE)
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or upstream is None:
        return

    def mentions_pyside(module: object) -> bool:
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            return bool(upstream(module))
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(upstream(module))

    feature._mod_uses_pyside = mentions_pyside
    linecache.clearcache()
