"""The command line: arguments, and the sub-commands that never need a display."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from desktop import __version__
from desktop.cli import export as cli_export
from desktop.cli import plan as cli_plan
from desktop.cli.guard import (
    describe_os_error,
    fail,
    non_empty_path,
    one_line,
    output_file,
    refuse_data_files,
    say,
)
from desktop.runtime.paths import AppPaths, ensure_private_dir

WINDOW_COMMANDS = frozenset({None, "gym"})


class OneLineErrorParser(argparse.ArgumentParser):
    """Bad arguments exit 2 with one line on stderr and nothing on stdout: scripts rely on it.

    Sub-command parsers are made of the same class, so every command reports the same way.
    """

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineErrorParser(
        prog="cramproof",
        description="Strength work against late-race leg cramps: plan, rest timer, log, progress.",
    )
    parser.add_argument("--version", action="version", version=f"cramproof {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        type=non_empty_path,
        help="folder for the database, backups and logs (default: the platform's user data "
        "folder; also settable with CRAMPROOF_DATA_DIR)",
    )
    parser.add_argument("--verbose", action="store_true", help="log debugging detail")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("check", help="check the database's integrity (exit 0 healthy, 1 problem)")
    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument(
        "--out", required=True, metavar="FILE", type=non_empty_path, help="where to write the copy"
    )
    restore = commands.add_parser(
        "restore", help="list backups, or replace the database with one (the current is kept)"
    )
    restore.add_argument(
        "backup", nargs="?", metavar="BACKUP", help="a backup file, or 'latest'; omit to list"
    )
    gym = commands.add_parser(
        "gym", help="open straight into today's session (heavy unless today's heavy is done)"
    )
    gym.add_argument("--kind", choices=("heavy", "light"), help="which session to start")
    cli_plan.add_parser(commands)
    cli_export.add_parser(commands)
    return parser


def run_command(args: argparse.Namespace, paths: AppPaths) -> int:
    """Run a display-free sub-command and return its exit code.

    Whatever the file system answers about a path (too long, a link loop, a folder that cannot
    be entered, a device) ends as one line on stderr and exit 1, never a traceback.
    """
    import sqlite3

    from db.errors import StoreError

    _quiet_logging(verbose=args.verbose)
    handlers = {"check": _check, "backup": _backup, "restore": _restore}
    try:
        if args.command == "plan":
            return cli_plan.run(args)
        if args.command == "export":
            return cli_export.run(args, paths)
        return handlers[args.command](args, paths)
    except StoreError as error:
        return fail(error.message)
    except OSError as error:
        return fail(describe_os_error(error))
    except sqlite3.Error as error:
        return fail(f"SQLite refused: {error}")
    except UnicodeError:  # a name no file system call can take (not even as raw bytes)
        return fail("a path given cannot be encoded as a file name on this system")


def _quiet_logging(*, verbose: bool) -> None:
    """A command's output is its own lines: the libraries' log records (a restore's "Restored
    ... from ...") go nowhere, unless --verbose asks for them, one line each on stderr."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler: logging.Handler = logging.NullHandler()
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("cramproof: %(levelname)s %(name)s: %(message)s"))
        root.setLevel(logging.DEBUG)
    root.addHandler(handler)


def _check(args: argparse.Namespace, paths: AppPaths) -> int:
    """Healthy: one line on stdout, exit 0. A problem: one line on stderr, exit 1."""
    from db.integrity import check_database
    from db.ownership import ownership_problem

    report = check_database(paths.database)
    if report.kind == "missing":
        say(f"No database yet at {paths.database}: nothing to check.")
        return 0
    problem = (
        ownership_problem(paths.database)
        if report.ok
        else f"PROBLEM ({report.kind}) {report.detail}".strip()
    )
    if problem:
        return fail(f"{paths.database}: {problem}")
    say(f"{paths.database}: ok")
    return 0


def _backup(args: argparse.Namespace, paths: AppPaths) -> int:
    from db.backup import write_backup
    from db.integrity import check_database

    out = output_file(args.out)
    refuse_data_files(out, paths)
    report = check_database(paths.database)
    if not report.ok:
        return fail(f"cannot back up {paths.database}: {report.kind} {report.detail}".strip())
    written = write_backup(paths.database, out)
    say(f"Backed up {paths.database} to {written}")
    return 0


def _restore(args: argparse.Namespace, paths: AppPaths) -> int:
    from db.backup import list_backups, restore_backup

    backups = list_backups(paths.backups) if paths.backups.is_dir() else []
    if args.backup is None:
        if not backups:
            say(f"No backups in {paths.backups}")
        for info in backups:
            say(f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {info.reason or '':<14} {info.path}")
        return 0
    if args.backup == "latest":
        if not backups:
            return fail(f"no backups in {paths.backups}")
        chosen = backups[0].path
    else:
        chosen = Path(args.backup).expanduser()
    if not chosen.is_file():
        return fail(f"no such backup file: {chosen}")
    # Only QtCore (no display): the same lock the window holds, so a log is never swapped
    # from under an open window.
    from desktop.ui.shell.single_instance import acquire_lock

    try:
        note = ensure_private_dir(paths.data_dir)
        lock = acquire_lock(paths.lock_file)
    except OSError as error:
        return fail(f"cannot restore into {paths.data_dir}: {describe_os_error(error)}")
    if note:
        logging.getLogger(__name__).warning("%s", note)  # shown with --verbose
    if lock is None:
        return fail(f"Cramproof is open on {paths.data_dir}: close it, then restore")
    try:
        restore_backup(chosen, paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
    finally:
        lock.unlock()
    say(f"Restored {chosen} into {paths.database}")
    return 0


def report_window_refused(paths: AppPaths, *, raised: bool, problem: str | None = None) -> int:
    """Explain a second launch or an unusable data folder; 0 when the open window was raised."""
    if problem:
        return fail(f"cannot use the data folder {paths.data_dir}: {problem}")
    where = "brought to the front" if raised else "it did not answer"
    line = one_line(f"already open for {paths.data_dir} ({where}).")
    print(f"cramproof: {line}", file=sys.stderr)
    return 0 if raised else 1


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
