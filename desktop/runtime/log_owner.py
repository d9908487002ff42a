"""Whether the file where the training log should be is another program's, decided before the
window creates anything beside it.

The window makes its lock, its logs/ folder and window.ini in the data folder. When the log
there belongs to another program, that folder is not ours either: the window must refuse before
any of those exist, so the folder is left exactly as it was found.
"""

from __future__ import annotations

import stat

from desktop.runtime.paths import AppPaths

# Bytes 68-71 of a SQLite header hold PRAGMA application_id; every Cramproof log since
# migration 0004 carries "CRMP" there (db.migrations.APPLICATION_ID), so a normal start
# decides from 100 bytes without loading SQLite.
_OURS = b"CRMP"


def not_ours(paths: AppPaths) -> str | None:
    """The refusal in words when `paths.database` is another program's SQLite file, else None.

    Anything else (no file yet, our log, a newer Cramproof's, a damaged or unreadable file) is
    left to the normal opening, which reports and recovers as it always has.
    """
    try:
        if not stat.S_ISREG(paths.database.stat().st_mode):  # a FIFO would block the open
            return None
        with paths.database.open("rb") as handle:
            header = handle.read(100)
    except (OSError, ValueError):  # missing, unreadable, a name no file system takes
        return None
    if header[68:72] == _OURS:
        return None
    from db.ownership import foreign_file

    return foreign_file(paths.database)
