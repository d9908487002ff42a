"""Every path Cramproof uses, from --data-dir, CRAMPROOF_DATA_DIR or platformdirs."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from db.lean_dataclass import frozen_dataclass

APP_NAME = "cramproof"
DATA_DIR_ENV = "CRAMPROOF_DATA_DIR"
DATABASE_NAME = "cramproof.db"


@frozen_dataclass
class AppPaths:
    """Where the database, its backups, the instance lock and the logs live.

    A custom data directory (a USB stick, a shared gym laptop, a test) keeps its logs beside the
    data so that everything of that setup moves together.
    """

    data_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "cramproof.lock"

    @property
    def window_settings(self) -> Path:
        return self.data_dir / "window.ini"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "cramproof.log"


def resolve_paths(data_dir: str | os.PathLike[str] | None, environ: Mapping[str, str]) -> AppPaths:
    """Pick the data directory: the command line wins, then the environment, then the platform."""
    chosen = data_dir or environ.get(DATA_DIR_ENV) or None
    if chosen:
        try:
            root = Path(chosen).expanduser().resolve()
        except (RuntimeError, UnicodeError):  # a link loop, or a name no file system takes:
            # the command using it says so in one line
            root = Path(os.path.abspath(Path(chosen).expanduser()))
        return AppPaths(data_dir=root, log_dir=root / "logs")
    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def ensure_private_dir(path: Path) -> str | None:
    """Create the folder readable by the user only (0700): training logs are personal data.

    A folder that already exists is the runner's (a USB stick, a shared folder) and is never
    changed; when others can read it, the returned note says so, for the log or stderr.
    """
    try:
        path.mkdir(mode=0o700, parents=True)
    except FileExistsError:
        if not path.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path)) from None
        if path.stat().st_mode & 0o077:
            mode = f"{path.stat().st_mode & 0o7777:o}"
            return f"the data folder {path} can be read by other users (mode {mode}); left as it is"
        return None
    path.chmod(0o700)  # the umask may have taken bits off mkdir's mode, never added any
    return None
