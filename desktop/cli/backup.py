"""`cramproof backup --out FILE`: a consistent copy of the log, never over a file of ours."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.guard import fail, non_empty_path, output_file, refuse_data_files, say
from desktop.runtime.paths import AppPaths


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "backup", help="write a consistent copy of the database"
    )
    parser.add_argument(
        "--out", required=True, metavar="FILE", type=non_empty_path, help="where to write the copy"
    )
    return parser


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from db.backup import write_backup
    from db.integrity import check_database
    from db.ownership import foreign_file

    out = output_file(args.out)
    refuse_data_files(out, paths)
    refusal = foreign_file(paths.database)  # a copy of another program's file is no backup
    if refusal:
        return fail(refusal)
    report = check_database(paths.database)
    if not report.ok:
        return fail(f"cannot back up {paths.database}: {report.detail}")
    written = write_backup(paths.database, out)
    say(f"Backed up {paths.database} to {written}")
    return 0
