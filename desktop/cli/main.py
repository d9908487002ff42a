"""The command line: the parser, and the dispatch to one module per sub-command."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from desktop import __version__
from desktop.cli.guard import describe_os_error, fail, non_empty_path, not_a_folder, one_line
from desktop.runtime.paths import AppPaths

WINDOW_COMMANDS = frozenset({None, "gym"})


class OneLineErrorParser(argparse.ArgumentParser):
    """Bad arguments exit 2 with one line on stderr and nothing on stdout: scripts rely on it.

    Sub-command parsers are made of the same class, so every command reports the same way.
    """

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())}\n")


class _NotTheWindowAlone(Exception):
    """The arguments ask for more than the window: the full parser reads them."""


class _WindowOnlyParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheWindowAlone(message)


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        type=non_empty_path,
        help="folder for the database, backups and logs (default: the platform's user data "
        "folder; also settable with CRAMPROOF_DATA_DIR)",
    )
    parser.add_argument("--verbose", action="store_true", help="log debugging detail")


def build_parser() -> argparse.ArgumentParser:
    # The sub-commands' modules load with the full parser only (see `parse`).
    from desktop.cli import backup, check, export, plan, restore, runs

    parser = OneLineErrorParser(
        prog="cramproof",
        description="Strength work against late-race leg cramps: plan, rest timer, log, progress.",
    )
    parser.add_argument("--version", action="version", version=f"cramproof {__version__}")
    _add_window_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check.add_parser(commands)
    backup.add_parser(commands)
    restore.add_parser(commands)
    gym = commands.add_parser(
        "gym", help="open straight into today's session (heavy unless today's heavy is done)"
    )
    gym.add_argument("--kind", choices=("heavy", "light"), help="which session to start")
    plan.add_parser(commands)
    export.add_parser(commands)
    runs.add_parser(commands)
    return parser


def run_command(args: argparse.Namespace, paths: AppPaths) -> int:
    """Run a display-free sub-command and return its exit code.

    Whatever the file system answers about a path (too long, a link loop, a folder that cannot
    be entered, a device) ends as one line on stderr and exit 1, never a traceback.
    """
    import sqlite3

    from db.errors import StoreError
    from desktop.cli import backup, check, export, plan, restore, runs

    _quiet_logging(verbose=args.verbose)
    handlers = {"check": check.run, "backup": backup.run, "restore": restore.run}
    try:
        problem = None if args.command == "plan" else not_a_folder(paths.data_dir)
        if problem:  # else "no training log at notes.txt/cramproof.db yet", or "File exists"
            return fail(f"cannot use the data folder: {problem}")
        if args.command == "plan":
            return plan.run(args)
        if args.command == "export":
            return export.run(args, paths)
        if args.command == "runs":
            return runs.run(args, paths)
        return handlers[args.command](args, paths)
    except StoreError as error:
        return fail(error.message)
    except BrokenPipeError:  # `cramproof restore | head -3`: the reader had what it wanted
        return _stop_writing_to_closed_pipe()
    except OSError as error:
        return fail(describe_os_error(error))
    except sqlite3.Error as error:
        return fail(f"SQLite refused: {error}")
    except UnicodeError:  # a name no file system call can take (not even as raw bytes)
        return fail("a path given cannot be encoded as a file name on this system")


def _stop_writing_to_closed_pipe() -> int:
    """Exit 1 without a word, as Python's documentation advises: what is still buffered goes to
    the null device, so the interpreter's own flush at exit cannot fail on the pipe again."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
    return 1


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


def report_window_refused(paths: AppPaths, *, raised: bool, problem: str | None = None) -> int:
    """Explain a second launch or an unusable data folder; 0 when the open window was raised."""
    if problem:
        return fail(f"cannot use the data folder {paths.data_dir}: {problem}")
    where = "brought to the front" if raised else "it did not answer"
    line = one_line(f"already open for {paths.data_dir} ({where}).")
    print(f"cramproof: {line}", file=sys.stderr)
    return 0 if raised else 1


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments as the full parser reads them.

    The window's own arguments (`--data-dir`, `--verbose`, or none) are read by a parser without
    the sub-commands: building those and importing their modules is about 8 ms of every start.
    Anything else (a command, `--help`, `--version`, an abbreviation, a mistake) goes to the full
    parser, so that every answer and every message is the full parser's.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    window_only = _WindowOnlyParser(prog="cramproof", add_help=False, allow_abbrev=False)
    _add_window_options(window_only)
    window_only.set_defaults(command=None)
    try:
        return window_only.parse_args(arguments)
    except _NotTheWindowAlone:
        return build_parser().parse_args(arguments)
