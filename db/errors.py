"""Storage errors with a message a runner understands, and SQLite failures mapped onto them."""

from __future__ import annotations

import errno
import functools
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

from db.records import BackupInfo

P = ParamSpec("P")
R = TypeVar("R")

_UNWRITABLE_CODES = {
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_CANTOPEN,
}
_DAMAGED_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_UNWRITABLE_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


class StoreError(Exception):
    """Base of every storage failure; `.message` is shown to the runner as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DamagedDatabase(StoreError):
    """The database cannot be trusted; it was moved aside (`moved_to`) so its bytes survive."""

    def __init__(
        self,
        message: str,
        *,
        moved_to: Path | None = None,
        backups: Sequence[BackupInfo] = (),
    ) -> None:
        super().__init__(message)
        self.moved_to = moved_to
        self.backups: list[BackupInfo] = list(backups)


class NotADatabase(DamagedDatabase):
    """The file at the database path is something else (a picture, a text, random bytes)."""


class CorruptDatabase(DamagedDatabase):
    """A SQLite file that fails its integrity check, or a backup that does."""


class NewerDatabase(StoreError):
    """Written by a newer Cramproof: opening it here could lose what that version added."""

    def __init__(self, message: str, *, unknown: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.unknown = tuple(unknown)


class ForeignDatabase(StoreError):
    """A SQLite database of another program sits where the log belongs: never written to."""


class StoreUnwritable(StoreError):
    """The data folder or file cannot be read or written (permissions, read-only, disk full)."""


class StoreBusy(StoreError):
    """Another connection still holds the database, so replacing it now would lose its writes."""


def unwritable_message(reason: str) -> str:
    """Say what failed and reassure that what was already saved is intact."""
    return (
        f"Cramproof cannot save its training log: {reason}. Nothing already saved was lost. "
        "Check that the data folder is yours, is not read-only and that the disk has free space."
    )


def translate(error: BaseException) -> StoreError | None:
    """Map a SQLite or file-system failure to a StoreError, or None when it is a programming bug."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in _UNWRITABLE_CODES:
            return StoreUnwritable(unwritable_message(str(error)))
        if primary in _BUSY_CODES:
            return StoreBusy(
                "Another program kept Cramproof's training log locked, so this was not saved. "
                "Close other copies of Cramproof and try again."
            )
        if primary in _DAMAGED_CODES:
            return CorruptDatabase(
                f"Cramproof's training log is damaged ({error}). Restart Cramproof: it will move "
                "the damaged file aside and offer the newest backup."
            )
        return None
    if isinstance(error, OSError) and error.errno in _UNWRITABLE_ERRNOS:
        return StoreUnwritable(unwritable_message(error.strerror or str(error)))
    return None


@contextmanager
def store_errors() -> Iterator[None]:
    """Re-raise disk, permission and corruption failures as StoreErrors; let bugs through."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        translated = translate(error)
        if translated is None:
            raise
        raise translated from error


def translates_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a store function so its callers only need to handle StoreError."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with store_errors():
            return func(*args, **kwargs)

    return wrapper


_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_REFUSED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_REFUSED_CODES = {sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN}


def backup_failed_notice(error: BaseException) -> str:
    """One short status-bar line for a daily backup that failed: it says the backup failed and
    the log is fine. The error's own message ("Cramproof cannot save its training log: database
    or disk is full…") read as if the log itself were lost, and was cut off besides."""
    return f"Today's backup was not written: {_why_not(error)}. Your training log is saved."


def _why_not(error: BaseException) -> str:
    """The first cause in `error`'s chain that says why, in a few words."""
    seen: BaseException | None = error
    while seen is not None:
        code = getattr(seen, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        number = seen.errno if isinstance(seen, OSError) else None
        if primary == sqlite3.SQLITE_FULL or number in _FULL_ERRNOS:
            return "the disk is full"
        if primary in _REFUSED_CODES or number in _REFUSED_ERRNOS:
            return "the backups folder refused it"
        seen = seen.__cause__ or seen.__context__
    if isinstance(error, StoreUnwritable):  # its message speaks of the log, not the backup
        return "the disk refused it"
    return (str(error).splitlines() or ["the copy failed"])[0][:80]
