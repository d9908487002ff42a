"""Cramproof's migrations as a named list, and the check that none is pending, without sqlite-utils.

sqlite-utils' `Migrations` runs them, but importing it imports all of sqlite-utils (with click
and pluggy: about 30 ms of every start-up), and on almost every start nothing is pending. So
`db.migrations` registers its functions on a `MigrationSet`, which knows their names and order;
start-up compares those names with the ones `_sqlite_migrations` records, over the plain
connection, and only a log that lacks one builds the sqlite-utils `Migrations` that applies it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from db.sqlite_utils_compat import import_sqlite_utils_lightly

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    # The app's set, or a sqlite-utils one (tests rehearse upgrades with a longer list).
    AnyMigrations: TypeAlias = "MigrationSet | Migrations"

MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils records what it applied
Step = TypeVar("Step", bound=Callable[..., None])


class MigrationSet:
    """The decorator `db.migrations` registers each migration with, as on sqlite-utils'
    `Migrations`: `@MIGRATIONS(name="0007_...")`. Reading, applying and the pending list go to
    the sqlite-utils `Migrations` built from it on first use."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._steps: list[tuple[str, Callable[..., None], bool]] = []
        self._runner: Migrations | None = None

    def __call__(self, *, name: str, transactional: bool = True) -> Callable[[Step], Step]:
        def register(step: Step) -> Step:
            if name in self.names:
                raise ValueError(f"Migration {name!r} is already registered in {self.name!r}")
            self._steps.append((name, step, transactional))
            self._runner = None
            return step

        return register

    @property
    def names(self) -> list[str]:
        """Every migration's name, in the order they run."""
        return [name for name, _step, _transactional in self._steps]

    def runner(self) -> Migrations:
        """The sqlite-utils `Migrations` holding the same steps (sqlite-utils is imported now)."""
        if self._runner is None:
            import_sqlite_utils_lightly()
            from sqlite_utils.migrations import Migrations

            runner = Migrations(self.name)
            for name, step, transactional in self._steps:
                runner(name=name, transactional=transactional)(step)
            self._runner = runner
        return self._runner

    def pending(self, db: Database) -> list[Any]:
        return self.runner().pending(db)

    def applied(self, db: Database) -> list[Any]:
        return self.runner().applied(db)

    def apply(self, db: Database, *, stop_before: str | None = None) -> None:
        self.runner().apply(db, stop_before=stop_before)


def migration_names(migrations: AnyMigrations) -> list[str]:
    """Every migration a set knows, in order."""
    if isinstance(migrations, MigrationSet):
        return migrations.names
    from db.connection import database_on

    with database_on(sqlite3.connect(":memory:")) as scratch:  # what an empty log lacks
        return [migration.name for migration in migrations.pending(scratch)]


def applied_names(conn: sqlite3.Connection, migration_set: str) -> list[str]:
    """Migration names recorded for a set, in the order applied; none when the table is absent
    or another program's. Read-only."""
    try:
        rows = conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            (migration_set,),
        ).fetchall()
    except sqlite3.Error:
        return []
    return [str(name) for (name,) in rows]


def pending_names(conn: sqlite3.Connection, migrations: AnyMigrations) -> list[str]:
    """What `Migrations.pending` lists, read over a plain connection: known, not yet applied."""
    applied = set(applied_names(conn, migrations.name))
    return [name for name in migration_names(migrations) if name not in applied]
