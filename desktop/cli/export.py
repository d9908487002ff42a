"""The `export` sub-command: write an athlete's log as CSV tables, JSON or a Strong CSV."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.cli.guard import (
    chosen_athlete,
    describe_os_error,
    fail,
    non_empty_path,
    not_a_folder,
    output_file,
    refuse_data_files,
    say,
)
from desktop.export.formats import FORMATS
from desktop.runtime.paths import AppPaths

# The store and the exporter are imported in run(): the window's start-up parses this same
# command line and must not load SQLite tooling before its first frame.

DESCRIPTION = (
    "Export the training log of one athlete (default: the one last opened). csv writes one file "
    "per table (sessions, sets, cramp_reports, runs, run_splits) into the folder PATH, or beside "
    "PATH when it ends in .csv; json writes one file; strong writes one CSV that "
    "Strong-compatible apps import; ics writes the plan's calendar, with an alarm for each "
    "light session."
)
CALENDAR = "ics"


NO_ATHLETE = "the training log has no athlete yet: nothing to export"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `export` on the top-level parser's sub-commands (which report bad arguments in
    one line, exit 2)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export", help="export the training log (csv, json, strong, ics)", description=DESCRIPTION
    )
    parser.add_argument(
        "--format", required=True, choices=(*FORMATS, CALENDAR), help="what to write"
    )
    parser.add_argument(
        "--out", required=True, metavar="PATH", type=non_empty_path, help="file or folder to write"
    )
    parser.add_argument("--athlete", metavar="NAME", help="whose log (default: the last opened)")
    return parser


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    """Export and print what was written; 1 with a one-line reason when it cannot."""
    try:
        return _run(args, paths)
    except OSError as error:
        return _fail(describe_os_error(error))


def _run(args: argparse.Namespace, paths: AppPaths) -> int:
    """The export itself.

    The export reads a consistent copy of the log taken into a temporary folder, never the log
    itself: an open window may be using it, and opening it here could migrate it, write a
    backup or move a damaged file aside from under that window.
    """
    import tempfile

    from db.backup import write_backup
    from db.errors import StoreError
    from db.integrity import check_database
    from db.ownership import foreign_file
    from db.store import open_store
    from desktop.export.exporter import counted, csv_paths, export_log

    if not paths.database.exists():
        return _fail(f"there is no training log at {paths.database} yet: nothing to export")
    out = Path(args.out).expanduser() if args.format == "csv" else output_file(args.out)
    targets = csv_paths(out).values() if args.format == "csv" else [out]
    problem = not_a_folder(next(iter(targets)).parent) if args.format == "csv" else None
    if problem:  # else the file system's "Not a directory"
        return _fail(f"{problem}: csv writes its files into a folder, or beside a PATH ending .csv")
    for target in targets:
        refuse_data_files(target, paths)
    refusal = foreign_file(paths.database)  # decided on the runner's file, not on the copy
    if refusal:
        return _fail(refusal)
    report = check_database(paths.database)
    if not report.ok:
        return _fail(f"cannot export {paths.database}: {report.kind} {report.detail}".strip())
    now = datetime.now(UTC)
    try:
        with tempfile.TemporaryDirectory(prefix="cramproof-export-") as folder:
            snapshot = write_backup(paths.database, Path(folder) / "cramproof.db")
            with open_store(snapshot, backups_dir=Path(folder) / "backups", now=now) as store:
                athlete = chosen_athlete(
                    store,
                    args.athlete,
                    now,
                    none_yet="the training log has no athlete yet: nothing to export",
                )
                if isinstance(athlete, str):
                    return _fail(athlete)
                if args.format == CALENDAR:
                    return _calendar(store, athlete, out, now)
                result = export_log(
                    store,
                    athlete_id=athlete.id,
                    athlete_name=athlete.name,
                    fmt=args.format,
                    out=out,
                    now=now,
                )
    except StoreError as error:
        return _fail(error.message)
    except OSError as error:
        target = out if args.format != "csv" else next(iter(targets)).parent
        return _fail(f"could not write {target}: {error.strerror or error}")
    written = ", ".join(str(path) for path in result.files)
    sessions, sets = counted(result.sessions, "session"), counted(result.sets, "set")
    say(f"Exported {sessions}, {sets} of {athlete.name}: {written}")
    return 0


def _calendar(store: Any, athlete: Any, out: Path, now: datetime) -> int:
    """The plan's calendar through the window's own writer (whole or not at all)."""
    from desktop.plan.calendar_export import export_plan_calendar

    days = export_plan_calendar(store, athlete, out, now=now)
    if days is None:
        return _fail(f"{athlete.name} has no build-up yet: set one up to export its calendar")
    say(f"Exported the calendar of {athlete.name}, {days} double days: {out}")
    return 0


def _fail(message: str) -> int:
    return fail(message, prefix="cramproof export")
