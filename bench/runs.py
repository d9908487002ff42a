"""Importing a watch's year (300 FIT files, about a million 1 Hz records): records a second.

Baseline: a plain serial loop of `Decoder.read()` with the SDK's default options over the same
files, measured in the same run, i.e. what reading them with Garmin's decoder costs as it comes.
Ours: `import_runs` on the folder into a fresh log, everything included (reading the files, the
late-run figures, storing each run with its splits), the way `cramproof runs import` and the
window do it.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.synthetic_runs import year_of_runs


def serial_decode(paths: list[Path]) -> tuple[int, float]:
    """Records decoded and seconds taken by Decoder.read(), one file after the other."""
    from garmin_fit_sdk import Decoder, Stream

    records = 0
    started = time.perf_counter()
    for path in paths:
        messages, errors = Decoder(Stream.from_byte_array(bytearray(path.read_bytes()))).read()
        if errors:
            raise RuntimeError(f"{path.name}: {errors[0]}")
        records += len(messages.get("record_mesgs", []))
    return records, time.perf_counter() - started


def import_year(folder: Path, work: Path) -> tuple[int, float]:
    """Files imported and seconds taken by Cramproof's import path into a new log."""
    from db.athletes import create_athlete
    from db.store import open_store
    from desktop.runs.importing.importer import import_runs

    now = datetime(2027, 1, 1, 9, tzinfo=UTC)
    with open_store(work / "cramproof.db", backups_dir=work / "backups", now=now) as store:
        athlete = create_athlete(store, "Bench", created_at=now)
        started = time.perf_counter()
        outcomes = list(import_runs(store, athlete_id=athlete.id, paths=[folder], now=now))
        seconds = time.perf_counter() - started
    refused = [o for o in outcomes if not o.line.startswith("imported")]
    if refused:
        raise RuntimeError(f"{refused[0].path.name}: {refused[0].line}")
    return len(outcomes), seconds


def run() -> list[tuple[str, str]]:
    paths = year_of_runs()
    records, base_s = serial_decode(paths)
    with tempfile.TemporaryDirectory(prefix="cramproof-bench-") as work:
        files, ours_s = import_year(paths[0].parent, Path(work))
    base_rate, our_rate = records / base_s, records / ours_s
    return [
        (
            f"a year of FIT files ({files} files, {records:,} records)",
            f"{our_rate:,.0f} records/s imported vs {base_rate:,.0f} decoded by a serial "
            f"Decoder.read() loop: {our_rate / base_rate:.2f}× ({ours_s:.1f} s vs {base_s:.1f} s)",
        )
    ]
