"""`cramproof runs import PATH...`, `runs list` and `runs pick`: runs from the watch, no window.

Import prints one line a file (imported / already there / skipped and why / unreadable and why)
and exits 1 when any file could not be read, after importing all the others.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.cli import run_pick as cli_run_pick
from desktop.cli.guard import chosen_athlete, fail, non_empty_path, one_line, say
from desktop.runtime.paths import AppPaths

# The store and the readers load in run(): the window's start-up parses this command line.


# The command line cannot set up a plan (the setup form is the window's): say where it is.
NO_ATHLETE = "the training log has no athlete yet: open Cramproof's window to set up the plan"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `runs` with its `import` and `list` sub-commands."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "runs", help="import runs from a watch's files (FIT, GPX, TCX) and list them"
    )
    commands = parser.add_subparsers(dest="runs_command", metavar="ACTION", required=True)
    importing = commands.add_parser(
        "import", help="import files or folders (recursive); one line a file"
    )
    importing.add_argument("paths", nargs="+", metavar="PATH", type=non_empty_path)
    importing.add_argument("--athlete", metavar="NAME", help="whose runs (default: last opened)")
    listing = commands.add_parser("list", help="list the runs with their late-run figures")
    listing.add_argument("--athlete", metavar="NAME", help="whose runs (default: last opened)")
    listing.add_argument("--json", action="store_true", help="a JSON list, for scripts")
    cli_run_pick.add_arguments(
        commands.add_parser(
            "pick",
            help="which run a planned long-run or speed-run day hangs on (auto: the longest)",
        )
    )
    return parser


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from db.errors import StoreError
    from db.store import open_store

    if args.runs_command in ("list", "pick") and not paths.database.exists():
        return _fail(f"there is no training log at {paths.database} yet: no runs")
    now = datetime.now(UTC)
    try:
        with open_store(paths.database, backups_dir=paths.backups, now=now) as store:
            athlete = chosen_athlete(
                store,
                args.athlete,
                now,
                none_yet=NO_ATHLETE,
            )
            if isinstance(athlete, str):
                return _fail(athlete)
            if args.runs_command == "list":
                return _list(store, athlete.id, as_json=args.json)
            if args.runs_command == "pick":
                return cli_run_pick.pick(store, athlete.id, args.day, args.run)
            return _import(store, athlete.id, [Path(p).expanduser() for p in args.paths], now)
    except StoreError as error:
        return _fail(error.message)


def _import(store: Any, athlete_id: int, paths: list[Path], now: datetime) -> int:
    from desktop.runs.importing.importer import import_runs

    unreadable = False
    for outcome in import_runs(store, athlete_id=athlete_id, paths=paths, now=now):
        say(f"{outcome.path}: {outcome.line}")
        unreadable = unreadable or outcome.unreadable
    return 1 if unreadable else 0


def _list(store: Any, athlete_id: int, *, as_json: bool) -> int:
    from db.run_picks import picked_dates
    from db.runs import runs_for
    from desktop.domain.runs.climb import climb_columns

    picked = picked_dates(store, athlete_id)
    rows = [
        {
            "date": run.started_at.date().isoformat(),
            "start": run.started_at.isoformat(),
            "end": run.ended_at.isoformat(),
            "sport": run.sport,
            "distance_km": round(run.distance_m / 1000, 3),
            "moving_s": round(run.moving_s, 1),
            "source": run.source,
            "pace_fade_pct": _rounded(run.pace_fade_pct),
            "cadence_drop_spm": _rounded(run.cadence_drop_spm),
            "decoupling_pct": _rounded(run.decoupling_pct),
            **climb_columns(run.ascent_m, run.distance_m),
            "picked_for": picked.get(run.id or 0),  # the planned day it was picked for
            "id": run.id,  # what `cramproof runs pick DATE RUN_ID` takes
        }
        for run in runs_for(store, athlete_id)
    ]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        say("No runs yet: import some with 'cramproof runs import PATH'.")
        return 0
    # A header row first, the columns named as --json names its keys, so a person reads the
    # table and a script (cut, awk, a spreadsheet) can find a column by name.
    print("\t".join(rows[0]))
    for row in rows:
        # One tab-separated line a run: each field escaped on its own, so the tabs stay tabs.
        print("\t".join(one_line("null" if v is None else str(v)) for v in row.values()))
    return 0


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _fail(message: str) -> int:
    return fail(message, prefix="cramproof runs")
