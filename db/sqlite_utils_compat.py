"""sqlite-utils without the imports Cramproof never uses: the one place storage reaches into
`sys.modules` for another library.

tests/db/test_sqlite_utils_compat.py fails with "sqlite-utils X changed: re-measure and remove
this workaround" once sqlite_utils.db stops loading numpy or dateutil's parser by itself.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

# The sqlite-utils series this was measured on (pyproject pins >=4.2,<5).
PINNED_SERIES = "4."


def import_sqlite_utils_lightly() -> None:
    """Import sqlite-utils without the parts of its import that Cramproof never uses.

    Workaround: sqlite_utils.db imports numpy (and pandas) at import time only to map their
    scalar types on insert, which Cramproof never does; that costs about 80 ms of every start-up.
    A None entry in sys.modules makes those imports fail fast; it is removed straight after, so
    pyqtgraph can still load numpy for the charts. Its recipes import dateutil's parser (10 ms)
    for a date-parsing helper Cramproof never calls: that module is loaded on first use instead.
    """
    if "sqlite_utils.db" in sys.modules:
        return
    _load_on_first_use("dateutil.parser")
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        importlib.import_module("sqlite_utils.db")
    finally:
        for name in hidden:
            del sys.modules[name]


def _load_on_first_use(name: str) -> None:
    """Register `name` so that its code runs when one of its attributes is first read."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    # What a completed import does: the package names its submodule, so that
    # `from package import name` finds it without touching (and so loading) it.
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)
