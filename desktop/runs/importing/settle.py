"""Files still being written: a sync client (or a copy from the watch) writes a run in parts, and
a file read half-written is a damaged run. A file of the watched folder is read only once its
size and times are the same at two looks `QUIET_S` apart; one still changing after
`LONGEST_WAIT_S` is left for the folder's next look, not reported as damaged.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

QUIET_S = 1.0
LONGEST_WAIT_S = 30.0

Stamp = tuple[int, int, int]  # size, modified and changed (ns): a rewrite of equal size too


def stamp(path: Path) -> Stamp | None:
    """What tells a file changed; None when it cannot be looked at (the import says why)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _fresh(seen: Stamp | None, now: float) -> bool:
    return seen is not None and now - max(seen[1], seen[2]) / 1e9 < QUIET_S


def settled(
    files: list[Path],
    *,
    sleep: Callable[[float], None] = time.sleep,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[list[Path], list[Path]]:
    """(the files ready to read, in order; those still being written). A file untouched for
    QUIET_S is ready at once; one changed since is looked at again after QUIET_S, until it
    stays the same or LONGEST_WAIT_S have passed."""
    stamps = {path: stamp(path) for path in files}
    now = time.time()
    waiting = {path: seen for path, seen in stamps.items() if _fresh(seen, now)}
    ready = {path for path in files if path not in waiting}
    waited = 0.0
    while waiting and waited < LONGEST_WAIT_S and not cancelled():
        sleep(QUIET_S)
        waited += QUIET_S
        still: dict[Path, Stamp | None] = {}
        for path, before in waiting.items():
            after = stamp(path)
            if after == before:
                ready.add(path)
            else:
                still[path] = after
        waiting = still
    return [path for path in files if path in ready], list(waiting)
