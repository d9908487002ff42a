"""Checks the commands make on the paths they are given, and the one-line way they fail.

A command is given paths by a person or a script: empty, a folder, a device, the live log
itself, a name with a newline. Each is refused before anything is opened, in one line on stderr
that shows the path escaped (so a newline cannot split it), with exit 1 (2 for a bad argument).
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.runtime.paths import AppPaths

# db is imported inside the functions: the window's start-up parses the command line through
# this module and must not load SQLite tooling before its first frame.


def one_line(text: str) -> str:
    """`text` with every character that is not printable escaped: one line, always encodable."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def fail(message: str, *, prefix: str = "cramproof") -> int:
    print(f"{prefix}: error: {one_line(message)}", file=sys.stderr)
    return 1


def describe_os_error(error: OSError) -> str:
    """What failed and on which path, from an OSError, in words and on one line."""
    if error.strerror is None:
        return str(error)
    where = f": {one_line(str(error.filename))!r}" if error.filename is not None else ""
    return f"{error.strerror}{where}"


def say(message: str) -> None:
    """A success line on stdout, escaped like the errors (a path may hold a newline)."""
    print(one_line(message))


def non_empty_path(text: str) -> str:
    """argparse type: an empty path would silently mean the current or the default folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path was given; name a file or folder")
    return text


def not_a_folder(path: Path) -> str | None:
    """Why `path` cannot be, or be made, a folder: the nearest part of it that exists is a file,
    a named pipe or a device ("notes.txt is a file, not a folder"); None when that part is a
    folder. Said before the file system's own "Not a directory" or "File exists" would be."""
    from db.atomic import describe_kind, shown

    for part in (path, *path.parents):
        try:
            mode = part.stat().st_mode
        except (FileNotFoundError, NotADirectoryError):
            continue  # missing (or a dangling link): the part above decides
        except OSError:
            return None  # a link loop, a name too long: the command's own open says so
        if stat.S_ISDIR(mode):
            return None
        kind = "a file" if stat.S_ISREG(mode) else describe_kind(mode)
        return f"{shown(part)} is {kind}, not a folder"
    return None


def output_file(raw: str) -> Path:
    """The file `--out` names; a name that ends in '/' or is an existing folder is refused, and
    so is one whose folder is a file ("notes.txt/copy.db")."""
    from db.atomic import UnsafeTarget

    out = Path(raw).expanduser()
    if raw.endswith(("/", os.sep)) or Path(raw).name in ("", ".", "..") or out.is_dir():
        raise UnsafeTarget(out, "is a folder")
    problem = not_a_folder(out.parent)
    if problem:
        raise UnsafeTarget(out, f"cannot be written: {problem}")
    return out


def refuse_data_files(out: Path, paths: AppPaths) -> None:
    """Never write over the live log, its companions, the lock, the backups folder or one of the
    backups Cramproof keeps in it (a name of your own in that folder is fine)."""
    from db.atomic import refuse_overwriting
    from db.backup import list_backups
    from db.files import log_companions

    protected = [paths.database, *log_companions(paths.database), paths.lock_file, paths.backups]
    protected += [info.path for info in list_backups(paths.backups)]
    refuse_overwriting(out, protected)


def chosen_athlete(store: Any, name: str | None, now: datetime, *, none_yet: str) -> Any:
    """The athlete named by --athlete, else the one last opened; else the message to print
    (`none_yet` when the log has no athlete at all)."""
    from db.athletes import list_athletes
    from desktop.plan.reader import PlanReader

    everyone = list_athletes(store)
    if name is None:
        return PlanReader(store, now=lambda: now).current_athlete() or none_yet
    for athlete in everyone:
        if athlete.name == name.strip():
            return athlete
    known = ", ".join(repr(athlete.name) for athlete in everyone) or "none"
    return f"no athlete called {name!r} (athletes: {known})"
