"""The `plan` sub-command: preview a build-up from the command line without saving anything."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

# The plan engine is imported where it is used: the window's start-up parses the same
# command line and must not pay for it before its first frame.

USAGE_ERROR = 2
DESCRIPTION = (
    "Preview the strength build-up for a race: the weeks counted back from race day, the double "
    "days (heavy right after the run, light later that day) and the taper. Nothing is saved."
)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `plan` on the top-level parser's sub-commands (which report bad arguments in
    one line, exit 2)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "plan", help="preview a build-up without saving it", description=DESCRIPTION
    )
    parser.add_argument(
        "--race-date", required=True, type=_date_arg, metavar="YYYY-MM-DD", help="race day"
    )
    parser.add_argument(
        "--weeks", type=int, default=14, metavar="14|15|16", help="build-up length (default 14)"
    )
    parser.add_argument(
        "--long-run-day", type=_weekday_arg, default=6, metavar="DAY", help="mon..sun (default sun)"
    )
    parser.add_argument(
        "--speed-day", type=_weekday_arg, default=2, metavar="DAY", help="mon..sun (default wed)"
    )
    parser.add_argument(
        "--today", type=_date_arg, default=None, metavar="YYYY-MM-DD", help="default: today"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the build-up; a plan the protocol cannot make is a one-line error, exit 2."""
    from desktop.domain.buildup.model import PlanInputError, PlanSettings
    from desktop.domain.buildup.plan import build_plan, check_race_date
    from desktop.plan.preview_format import plan_to_dict, plan_to_text

    today: date = args.today or date.today()
    try:
        check_race_date(args.race_date, today=today)
        settings = PlanSettings(
            race_date=args.race_date,
            weeks=args.weeks,
            long_run_day=args.long_run_day,
            speed_day=args.speed_day,
        )
        build_up = build_plan(settings, today=today)
    except PlanInputError as error:
        print(f"cramproof plan: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    if args.json:
        print(json.dumps(plan_to_dict(build_up), indent=2))
        for note in (build_up.warning, build_up.reason):
            if note:
                print(note, file=sys.stderr)
    else:
        print(plan_to_text(build_up))
    return 0


def _date_arg(text: str) -> date:
    from desktop.domain.buildup.model import PlanInputError
    from desktop.domain.buildup.plan import parse_date

    try:
        return parse_date(text)
    except PlanInputError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _weekday_arg(text: str) -> int:
    from desktop.domain.buildup.model import PlanInputError
    from desktop.domain.buildup.plan import parse_weekday

    try:
        return parse_weekday(text)
    except PlanInputError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
