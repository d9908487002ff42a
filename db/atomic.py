"""Write files whole or not at all, without ever following a planted link or replacing a device.

Every writer of a file the runner asked for (backups, exports, the calendar) goes through
`replacing`: the new files are made in a private temporary folder beside their targets (created
with a unique name, 0700, so nobody else can plant a link or a file in it), synced, and only then
renamed into place. A rename replaces only a regular file the runner owns (or nothing): a device,
a FIFO, a folder, a link or another user's file is refused with a one-line reason, because
renaming over `/dev/null` would replace the device and renaming over a link would drop the link.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from db.errors import StoreError
from db.files import sync_file, sync_folder


class UnsafeTarget(StoreError, OSError):
    """The path names something that must not be replaced; `.message` is the runner's one line.

    A StoreError so that every window action that reports store problems shows it, and an
    OSError so that callers that handle file-system failures of an export still catch it.
    """

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{shown(path)} {why}; give the name of a regular file to write")
        self.path = path


def shown(path: Path | str) -> str:
    """The path on one line: quoted and escaped when it holds a newline or bytes that are not
    text, so an error message can never be split or break the terminal."""
    text = str(path)
    return text if text.isprintable() else ascii(text)


def describe_kind(mode: int) -> str:
    """What a non-regular file is, in words: a folder, a named pipe (FIFO), a device..."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def require_replaceable(path: Path) -> None:
    """Raise UnsafeTarget unless `path` is missing or a regular file of ours (link not followed)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        what = describe_kind(info.st_mode)
        raise UnsafeTarget(path, f"is {what}, not a file Cramproof may replace")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():  # no owners to compare on Windows
        raise UnsafeTarget(path, "belongs to another user, so it was left untouched")


def create_exclusive(path: Path) -> None:
    """Create an empty 0600 file that did not exist; never follow a link planted at `path`."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)  # none on Windows
    fd = os.open(path, flags, 0o600)
    os.close(fd)


@contextmanager
def replacing(targets: Sequence[Path], *, make_folder: bool = False) -> Iterator[list[Path]]:
    """Yield one empty private file per target (all targets share one folder) to fill in; when
    the block ends without error, move them over their targets. On error nothing new is left.

    With `make_folder`, a target folder that does not exist yet is created whole: its files are
    written into a temporary folder that is renamed into place in one step. Without it, a
    missing folder is an error, as for any other file written there.
    """
    targets = [Path(target) for target in targets]
    folders = {target.parent for target in targets}
    if len(folders) != 1:
        raise ValueError("replacing() writes into one folder at a time")
    for target in targets:
        require_replaceable(target)
    folder = folders.pop()
    new_folder = make_folder and not os.path.lexists(folder)
    home = folder.parent if new_folder else folder
    if new_folder:
        home.mkdir(parents=True, exist_ok=True)
    staging = home / f".{folder.name if new_folder else 'cramproof'}.{os.urandom(6).hex()}.part"
    staging.mkdir(mode=0o700)
    try:
        made = [staging / target.name for target in targets]
        for path in made:
            create_exclusive(path)
        yield made
        for path in made:
            sync_file(path)
        if new_folder:
            if os.path.lexists(folder):  # made meanwhile: a rename would replace an empty one
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder))
            os.rename(staging, folder)
        else:
            for path, target in zip(made, targets, strict=True):
                require_replaceable(target)
                os.replace(path, target)
        sync_folder(home)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def replacing_one(target: Path) -> Iterator[Path]:
    """`replacing` for a single file."""
    with replacing([target]) as (path,):
        yield path


def write_bytes_whole(target: Path, data: bytes) -> None:
    """Write `data` to `target` whole or not at all."""
    with replacing_one(target) as path:
        path.write_bytes(data)


def require_regular(path: Path, *, what: str) -> None:
    """Refuse a FIFO, device or folder before opening it: reading a FIFO would hang forever."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeTarget(path, f"is {describe_kind(info.st_mode)}, not a {what}")


def refuse_overwriting(out: Path, protected: Sequence[Path]) -> None:
    """Raise UnsafeTarget when `out` is one of `protected`, as a file (device and inode) or, for
    a name not made yet, as the same name in the same folder: spelling (`./`, `..`, links,
    hard links) does not matter."""
    out = Path(out)
    out_id = _identity(out)
    out_place = _place(out)
    for path in protected:
        same_file = out_id is not None and out_id == _identity(path)
        if same_file or (out_place is not None and out_place == _place(path)):
            raise UnsafeTarget(out, "is part of the live training log, which must not be replaced")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _place(path: Path) -> tuple[tuple[int, int], str] | None:
    """The folder (as a file) and the name within it."""
    folder = _identity(path.parent)
    return None if folder is None else (folder, path.name)
