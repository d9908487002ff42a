"""Reading run files ahead on the other cores while the caller stores them one by one, in order.

Decoding a FIT file is pure Python (about 0.3 s for an hour at 1 Hz), so threads would share one
core: the files are read in worker processes instead, a few files ahead of the one the caller is
storing. Storing stays in the caller, one file after the other in file order, so what is in the
log is always every file up to the last one reported.

The workers are started with "spawn" on every system: a fresh interpreter, never a fork of a
process whose other threads (Qt's, the window's) might hold a lock at that moment. They start on
the first import, never at start-up, and are gone when the import ends or its consumer stops:
closing the generator cancels the files not begun and waits for the ones being read (well under
a second each).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

Item = TypeVar("Item")
Result = TypeVar("Result")

# Files read ahead of the one being stored, per worker: enough that a worker never waits for
# the caller, few enough that stopping leaves little read for nothing.
AHEAD_PER_WORKER = 2


def default_workers() -> int:
    """One reading process a core this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def read_ahead(
    items: Sequence[Path | Item],
    read: Callable[[Path], Result],
    *,
    workers: int | None = None,
) -> Generator[tuple[Path | Item, Result | None], None, None]:
    """Each item with `read(item)` for a Path (None for anything else), in the items' order.
    `read` must be a module-level function (it is sent to the workers by name)."""
    paths = [item for item in items if isinstance(item, Path)]
    count = min(default_workers() if workers is None else workers, len(paths))
    if count < 2:
        for item in items:
            yield item, read(item) if isinstance(item, Path) else None
        return
    yield from _in_workers(items, read, count)


def _in_workers(
    items: Sequence[Path | Item], read: Callable[[Path], Result], count: int
) -> Generator[tuple[Path | Item, Result | None], None, None]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"))
    pending: deque[Future[Result]] = deque()
    queue = iter([item for item in items if isinstance(item, Path)])
    try:
        for _ in range(count * AHEAD_PER_WORKER):
            _submit(pool, pending, queue, read)
        for item in items:
            if not isinstance(item, Path):
                yield item, None
                continue
            future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:  # a worker was killed (out of memory): read it here
                result = read(item)
            _submit(pool, pending, queue, read)
            yield item, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(
    pool: ProcessPoolExecutor,
    pending: deque[Future[Result]],
    queue: Iterator[Path],
    read: Callable[[Path], Result],
) -> None:
    """Start reading the next file, if any (after a broken pool, the rest are read here)."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    path = next(queue, None)
    if path is None:
        return
    try:
        pending.append(pool.submit(read, path))
    except BrokenProcessPool:
        done: Future[Result] = Future()
        done.set_exception(BrokenProcessPool())
        pending.append(done)
