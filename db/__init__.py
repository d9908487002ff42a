"""Cramproof storage: SQLite through sqlite-utils. No Qt, no desktop imports.

Start with `db.store.open_store`, which checks, moves damage aside, refuses files from a newer
version, backs up and migrates, and returns the `Store` every query function takes first:
athletes, settings, exercises, plans (with plan_choices), sessions (one commit per set) and
checkins. Values go in and come out as the frozen dataclasses of `db.records`; no SQL lives
outside this package. Failures the runner can act on are `db.errors.StoreError` subclasses with
a plain-language `.message`.
"""

import importlib
import sys


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils while hiding numpy and pandas from it.

    Workaround: sqlite_utils.db imports numpy (and pandas) at import time only to map their
    scalar types on insert, which Cramproof never does; that costs about 80 ms of every start-up.
    A None entry in sys.modules makes those imports fail fast; it is removed straight after, so
    pyqtgraph can still load numpy for the charts.
    """
    if "sqlite_utils.db" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        importlib.import_module("sqlite_utils.db")
    finally:
        for name in hidden:
            del sys.modules[name]


_import_sqlite_utils_without_numpy()
