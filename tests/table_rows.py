"""Every row of every table, to check that an action wrote exactly what it should and no more."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from db.store import Store

Row = tuple[tuple[str, object], ...]  # (column, value) pairs: hashable, readable by name


def all_rows(store: Store) -> dict[str, Counter[Row]]:
    """Each table's rows as (column, value) pairs; SQLite's own tables left out."""
    names = [
        name
        for (name,) in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    tables: dict[str, Counter[Row]] = {}
    for name in names:
        cursor = store.db.execute(f'SELECT * FROM "{name}"')
        columns = [column[0] for column in cursor.description]
        tables[name] = Counter(tuple(zip(columns, row, strict=True)) for row in cursor.fetchall())
    return tables


def value(row: Row, column: str) -> object:
    return dict(row)[column]


@dataclass(frozen=True)
class Change:
    """Rows that appeared and rows that went, per table (an updated row is one of each)."""

    added: dict[str, list[Row]]
    removed: dict[str, list[Row]]

    @property
    def tables(self) -> set[str]:
        return {name for name, rows in (self.added | self.removed).items() if rows}


def change(before: dict[str, Counter[Row]], after: dict[str, Counter[Row]]) -> Change:
    names = set(before) | set(after)
    empty: Counter[Row] = Counter()
    return Change(
        added={
            n: sorted((after.get(n, empty) - before.get(n, empty)).elements(), key=repr)
            for n in names
        },
        removed={
            n: sorted((before.get(n, empty) - after.get(n, empty)).elements(), key=repr)
            for n in names
        },
    )
