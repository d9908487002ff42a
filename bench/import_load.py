"""A watch's year importing in this process as the window does it: the import's consumer in a
thread of its own (its readers in worker processes), storing into a log of its own, until told to
stop between two files."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from bench.synthetic_runs import CACHE, year_of_runs


class ImportLoad:
    """The files imported so far; set `stop` to end the import after the current file."""

    def __init__(self) -> None:
        self.imported = 0
        self.first = threading.Event()
        self.stop = threading.Event()
        self.error: BaseException | None = None


def _consume(folder: Path, work: Path, load: ImportLoad) -> None:
    from db.athletes import create_athlete
    from db.store import open_store
    from desktop.runs.importing.importer import import_runs

    now = datetime(2027, 1, 1, 9, tzinfo=UTC)
    try:
        with open_store(work / "cramproof.db", backups_dir=work / "backups", now=now) as store:
            athlete = create_athlete(store, "Bench", created_at=now)
            outcomes = import_runs(store, athlete_id=athlete.id, paths=[folder], now=now)
            with closing(outcomes):
                for _outcome in outcomes:
                    load.imported += 1
                    load.first.set()
                    if load.stop.is_set():
                        break
    except BaseException as error:  # reported by the caller, after the measurement
        load.error = error
    finally:
        load.first.set()


@contextmanager
def importing_a_year(
    files: int = 300, *, cache: Path = CACHE, minutes: int | None = None
) -> Iterator[ImportLoad]:
    """The year importing in a thread from the first file stored until the block ends."""
    folder = year_of_runs(files, cache=cache, minutes=minutes)[0].parent
    load = ImportLoad()
    with tempfile.TemporaryDirectory(prefix="cramproof-bench-") as work:
        thread = threading.Thread(target=_consume, args=(folder, Path(work), load), daemon=True)
        thread.start()
        load.first.wait()
        try:
            yield load
        finally:
            load.stop.set()
            thread.join()
    if load.error is not None:
        raise RuntimeError(f"the import failed: {load.error}") from load.error
