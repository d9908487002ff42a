"""Exporting an athlete's log: CSV (one file per table), one JSON document, or a Strong CSV.

Qt-free; the menu and `cramproof export` both call `export_log`. CSV and JSON hold every stored
column (plus the exercise, the load in the athlete's units and the build-up week) so that they
read back equal to the store. Text a spreadsheet would run as a formula is written with a
leading apostrophe. Files are written through db.atomic.replacing: a CSV set appears whole, and
a failed export leaves nothing new behind.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from db.atomic import replacing, replacing_one
from db.history_queries import (
    EXPORT_TABLES,
    build_up_weeks_by_day,
    exercise_names,
    export_rows,
    table_columns,
)
from db.plans import active_plan
from db.store import Store
from desktop.domain.buildup.model import Units
from desktop.domain.gym.plates import kg_to_lb
from desktop.domain.runs.climb import climb_columns
from desktop.export.formats import Format
from desktop.export.strong_csv import STRONG_HEADER, strong_rows
from desktop.plan.reader import PlanReader

JSON_FORMAT = "cramproof-log"
JSON_VERSION = 1
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"
DERIVED = {
    "sessions": ["build_up_week"],
    "sets": ["exercise_key", "exercise_name", "load", "unit"],
    "cramp_reports": [],
    "runs": ["climb_m_per_km", "hilly"],
    "run_splits": [],
}


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]
    sessions: int
    sets: int


def guard_cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; so does text that
    already starts with one, so that `unguard_cell` is its exact inverse."""
    if isinstance(value, str) and value.startswith((*FORMULA_START, GUARD)):
        return GUARD + value
    return value


def unguard_cell(text: str) -> str:
    return text[1:] if text.startswith(GUARD) else text


def csv_paths(out: Path) -> dict[str, Path]:
    """Where each table goes: `out` is a folder, or `name.csv` for name-sessions.csv etc."""
    if out.suffix.lower() == ".csv":
        return {table: out.with_name(f"{out.stem}-{table}.csv") for table in EXPORT_TABLES}
    return {table: out / f"{table}.csv" for table in EXPORT_TABLES}


def export_log(
    store: Store, *, athlete_id: int, athlete_name: str, fmt: Format, out: Path, now: datetime
) -> ExportResult:
    """Write the athlete's log to `out` in `fmt`; returns what was written."""
    plan = active_plan(store, athlete_id)
    units: Units = plan.units if plan else "kg"
    counter = _Counter()
    if fmt == "csv":
        targets = csv_paths(out)
        with replacing(list(targets.values()), make_folder=True) as made:
            for table, path in zip(targets, made, strict=True):
                with _text(path) as stream:
                    _write_csv_table(stream, store, table, athlete_id, units, counter)
        return ExportResult(tuple(targets.values()), counter.sessions, counter.sets)
    with replacing_one(out) as made_one, _text(made_one) as stream:
        if fmt == "json":
            _write_json(stream, store, athlete_id, athlete_name, units, now, counter)
        else:
            rows = strong_rows(store, athlete_id=athlete_id, units=units)
            writer = csv.writer(stream)
            writer.writerow(STRONG_HEADER)
            writer.writerows(counter.counting_sets([guard_cell(v) for v in r] for r in rows))
            counter.sessions = _count(store, athlete_id)
    return ExportResult((out,), counter.sessions, counter.sets)


class _Counter:
    def __init__(self) -> None:
        self.sessions = 0
        self.sets = 0

    def count(self, table: str, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            if table == "sessions":
                self.sessions += 1
            elif table == "sets":
                self.sets += 1
            yield row

    def counting_sets(self, rows: Iterable[list[Any]]) -> Iterator[list[Any]]:
        for row in rows:
            self.sets += 1
            yield row


def _count(store: Store, athlete_id: int) -> int:
    return sum(1 for _ in export_rows(store, "sessions", athlete_id))


def _rows(
    store: Store, table: str, athlete_id: int, units: Units, counter: _Counter
) -> Iterator[dict[str, Any]]:
    """A table's stored columns followed by the derived ones people read."""
    names = exercise_names(store)
    weeks = build_up_weeks_by_day(store, athlete_id) if table == "sessions" else {}
    for row in counter.count(table, export_rows(store, table, athlete_id)):
        if table == "sets":
            key, name = names.get(row["exercise_id"], ("", ""))
            load = row["load_kg"] if units == "kg" else round(kg_to_lb(row["load_kg"]), 2)
            row = {**row, "exercise_key": key, "exercise_name": name, "load": load, "unit": units}
        elif table == "sessions":
            week = weeks.get(row["planned_day_id"])
            row = {**row, "build_up_week": week[0] if week else None}
        elif table == "runs":
            figures = climb_columns(row["ascent_m"], row["distance_m"])
            row = {**row, "climb_m_per_km": figures["climb_m_per_km"], "hilly": figures["hilly"]}
        yield row


def _write_csv_table(
    stream: TextIO, store: Store, table: str, athlete_id: int, units: Units, counter: _Counter
) -> None:
    header = [column.name for column in table_columns(store, table)] + DERIVED[table]
    writer = csv.writer(stream)
    writer.writerow(header)
    for row in _rows(store, table, athlete_id, units, counter):
        writer.writerow([guard_cell("" if row[name] is None else row[name]) for name in header])


def _write_json(
    stream: TextIO,
    store: Store,
    athlete_id: int,
    athlete_name: str,
    units: Units,
    now: datetime,
    counter: _Counter,
) -> None:
    """One JSON object, written row by row so a long log never sits in memory whole."""
    head = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": now.isoformat(),
        "athlete": athlete_name,
        "units": units,
    }
    stream.write(json.dumps(head).removesuffix("}") + ', "tables": {')
    for number, table in enumerate(EXPORT_TABLES):
        stream.write(f'{", " if number else ""}"{table}": [')
        for index, row in enumerate(_rows(store, table, athlete_id, units, counter)):
            stream.write(("," if index else "") + "\n  " + json.dumps(row, ensure_ascii=False))
        stream.write("\n]")
    stream.write("}}\n")


def _text(path: Path) -> TextIO:
    """The private temporary file `replacing` made, opened for the export's text."""
    return path.open("w", encoding="utf-8", newline="")


def read_csv_table(path: Path, columns: Sequence[Any]) -> list[dict[str, Any]]:
    """Read an exported CSV table back into stored values (types from the table's columns)."""
    types = {column.name: column for column in columns}
    with path.open(encoding="utf-8", newline="") as stream:
        return [
            {name: _typed(text, types[name]) for name, text in row.items() if name in types}
            for row in csv.DictReader(stream)
        ]


def _typed(text: str, column: Any) -> Any:
    if text == "" and not (column.not_null and column.type == "TEXT"):
        return None
    if column.type == "INTEGER":
        return int(text)
    if column.type == "REAL":
        return float(text)
    return unguard_cell(text)


def export_current(store: Store, *, fmt: Format, out: Path, now: datetime) -> str:
    """Export the log of the athlete at the laptop (the menu's Export); says what was written.

    Raises LookupError when the log has no athlete yet.
    """
    athlete = PlanReader(store, now=lambda: now).current_athlete()
    if athlete is None:
        raise LookupError("There is nothing to export yet: no athlete has logged anything.")
    result = export_log(
        store, athlete_id=athlete.id, athlete_name=athlete.name, fmt=fmt, out=out, now=now
    )
    where = result.files[0].parent if fmt == "csv" else result.files[0]
    return (
        f"Exported {counted(result.sessions, 'session')} and {counted(result.sets, 'set')}"
        f" of {athlete.name} to {where}."
    )


def counted(number: int, noun: str) -> str:
    """'1 session', '2 sessions', '0 sets': the number with its noun in agreement."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
