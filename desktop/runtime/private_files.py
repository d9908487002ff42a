"""Files Cramproof creates in the data folder are the user's only (0600), whatever the umask.

QSettings (window.ini) and logging (cramproof.log) create their files with the process umask,
usually 0644: readable by everyone on a shared laptop, though the README promises 0600. Creating
the file first, private, is enough: both then write into it (QSaveFile keeps the mode of the file
it replaces). The process-wide umask is left alone, as other threads may rely on it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def ensure_private_file(path: Path) -> None:
    """Create `path` empty and 0600 if missing; make our own regular file at `path` 0600.

    A file someone else owns, or anything but a regular file, is left as it is: it is not ours
    to change (the caller's own open reports what is wrong with it).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        os.close(os.open(path, flags, 0o600))
        return
    except FileExistsError:
        pass
    except OSError:
        return  # a read-only or missing folder: the caller says so when it writes
    try:
        found = os.lstat(path)
        mine = not hasattr(os, "getuid") or found.st_uid == os.getuid()
        if stat.S_ISREG(found.st_mode) and mine and found.st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        return
