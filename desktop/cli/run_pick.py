"""`cramproof runs pick DATE RUN_ID|auto`: say which run a planned long-run (or speed-run) day
hangs on, or go back to the longest, from a script or a terminal; one line of output.

Exit 2 for an argument that is not a date, a run id or `auto` (argparse); 1 when there is no
planned day on that date or the run is not within a day of it (nothing is stored then).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from desktop.cli.guard import fail, say

AUTO = "auto"
PREFIX = "cramproof runs"


def planned_date(text: str) -> date:
    """argparse type: the planned day, as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def run_or_auto(text: str) -> int | None:
    """argparse type: a run id from `cramproof runs list --json`, or `auto` (None)."""
    if text.strip().lower() == AUTO:
        return None
    if text.isascii() and text.isdigit() and 0 < int(text) < 2**63:
        return int(text)
    raise argparse.ArgumentTypeError(f"not a run id or 'auto': {text!r}")


def add_arguments(picking: argparse.ArgumentParser) -> None:
    picking.add_argument("day", metavar="DATE", type=planned_date, help="the planned day")
    picking.add_argument(
        "run", metavar="RUN_ID|auto", type=run_or_auto, help="the run's id, or auto (the longest)"
    )
    picking.add_argument("--athlete", metavar="NAME", help="whose plan (default: last opened)")


def pick(store: Any, athlete_id: int, on: date, run_id: int | None) -> int:
    """Store the pick and say it in one line: exit 0, or 1 with one line on stderr."""
    from desktop.plan.run_links import RUN_WORDS
    from desktop.plan.run_picks import PickRefused, choose_run, day_on

    day_id = day_on(store, athlete_id, on)
    if day_id is None:
        return fail(f"no planned long-run or speed-run day on {on.isoformat()}", prefix=PREFIX)
    try:
        chosen = choose_run(store, None, athlete_id, day_id, run_id)
    except PickRefused as error:
        return fail(error.message, prefix=PREFIX)
    run = next((c for c in chosen.candidates if c.run_id == chosen.current), None)
    what = f"The {RUN_WORDS[chosen.after]} of {on.isoformat()}"
    how = "picked" if chosen.picked is not None else "automatic: the longest"
    if run is None:
        say(f"{what}: {how} (no run within a day of it yet)")
    else:
        when = f"{run.start:%a} {run.start.date().isoformat()} {run.start:%H:%M}"
        say(f"{what}: run {run.run_id}, {run.distance_m / 1000:.1f} km on {when} ({how})")
    return 0
