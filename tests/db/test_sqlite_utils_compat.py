"""When the sqlite-utils workaround (db/sqlite_utils_compat.py) can go, or must change."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

from db import sqlite_utils_compat
from tests.conftest import REPO_ROOT

VERSION = importlib.metadata.version("sqlite-utils")
CHANGED = f"sqlite-utils {VERSION} changed: re-measure and remove this workaround"

LOADED = """
import importlib.util, sys
import {module}
parser = sys.modules.get("dateutil.parser")
eager = parser is not None and not isinstance(parser, importlib.util._LazyModule)
print("numpy" in sys.modules, eager)
"""

STILL_WORKS = """
import sqlite3
from datetime import date
from db.connection import database_on
table = database_on(sqlite3.connect(":memory:"))["t"]
table.insert({"day": "2026-12-03"})
from dateutil.parser import parse
print(list(table.rows), parse("2026-12-03").date() == date(2026, 12, 3))
"""


def _run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    ).stdout.strip()


def test_sqlite_utils_is_the_series_the_workaround_was_measured_on() -> None:
    assert VERSION.startswith(sqlite_utils_compat.PINNED_SERIES), CHANGED


def test_sqlite_utils_alone_still_loads_numpy_and_the_date_parser() -> None:
    assert _run(LOADED.format(module="sqlite_utils.db")) == "True True", CHANGED


def test_storage_loads_neither_and_both_still_work_when_asked() -> None:
    assert _run(LOADED.format(module="db.store")) == "False False"
    # sqlite-utils itself is imported with the first write: still without either
    with_sqlite_utils = "db.store, sqlite3\ndb.store.database_on(sqlite3.connect(':memory:'))"
    assert _run(LOADED.format(module=with_sqlite_utils)) == "False False"
    assert _run(STILL_WORKS) == "[{'day': '2026-12-03'}] True"
