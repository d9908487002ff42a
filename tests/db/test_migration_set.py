"""The start-up check that no migration is pending, over a plain connection, agrees with
sqlite-utils' own; and opening an up-to-date log never imports sqlite-utils."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from db.connection import connect, database_on
from db.migration_set import MigrationSet, applied_names, pending_names
from db.migrations import MIGRATIONS, known_migrations, pending_migrations
from db.store import open_store
from tests.conftest import REPO_ROOT
from tests.db.helpers import NOW, StorePaths


def test_the_names_are_the_ones_sqlite_utils_runs_in_the_same_order() -> None:
    with database_on(sqlite3.connect(":memory:")) as empty:
        assert MIGRATIONS.names == [step.name for step in MIGRATIONS.runner().pending(empty)]
    assert known_migrations() == MIGRATIONS.names


@pytest.mark.parametrize("stop_before", [*MIGRATIONS.names, None])
def test_pending_from_the_names_matches_sqlite_utils_at_every_prefix(
    paths: StorePaths, stop_before: str | None
) -> None:
    with connect(paths.db) as db:
        MIGRATIONS.apply(db, stop_before=stop_before)
        assert pending_names(db.conn, MIGRATIONS) == pending_migrations(db)
        assert applied_names(db.conn, "another-app") == []


def test_a_log_without_the_migrations_table_has_everything_pending(paths: StorePaths) -> None:
    with connect(paths.db) as db:
        assert pending_names(db.conn, MIGRATIONS) == MIGRATIONS.names


def test_a_name_cannot_be_registered_twice() -> None:
    steps = MigrationSet("twice")
    steps(name="0001_a")(lambda db: None)
    with pytest.raises(ValueError, match="already registered"):
        steps(name="0001_a")(lambda db: None)


OPEN_TWICE = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from db.store import open_store
path = Path(sys.argv[1])
open_store(path, backups_dir=path.parent / "backups", now=datetime.now(UTC)).close()
print("sqlite_utils" in sys.modules)
"""


def test_an_up_to_date_log_opens_without_sqlite_utils(paths: StorePaths) -> None:
    open_store(paths.db, backups_dir=paths.backups, now=NOW).close()  # created and migrated
    opened = subprocess.run(
        [sys.executable, "-c", OPEN_TWICE, str(paths.db)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=True,
    )
    assert opened.stdout.split() == ["False"]
