"""`cramproof check`: is the log healthy? One line either way, for scripts and cron."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.guard import fail, say
from desktop.runtime.paths import AppPaths


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check", help="check the database's integrity (exit 0 healthy, 1 problem)"
    )
    return parser


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    """Healthy: one line on stdout, exit 0. A problem: one line on stderr, exit 1."""
    from db.integrity import check_database
    from db.ownership import foreign_file, ownership_problem

    refusal = foreign_file(paths.database)  # before a connection makes anything beside it
    if refusal:
        return fail(refusal)
    report = check_database(paths.database)
    if report.kind == "missing":
        say(f"No database yet at {paths.database}: nothing to check.")
        return 0
    if not report.ok:
        return fail(f"{paths.database}: PROBLEM ({report.kind}) {report.detail}".strip())
    problem = ownership_problem(paths.database)
    if problem:
        return fail(problem)
    say(f"{paths.database}: ok")
    return 0
