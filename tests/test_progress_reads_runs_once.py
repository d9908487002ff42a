"""The Progress screen reads the runs around its weeks once, in one bounded query, for the double
days they move and the late-run panel alike: years of imported runs cost it no more than one
build-up's."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from bench.synthetic import generate_years
from db.store import open_store
from desktop.progress.series import ProgressSource

TODAY = date(2027, 3, 3)
NOW = datetime.combine(TODAY, time(19)).astimezone(UTC)


def test_three_years_of_runs_are_read_once_and_only_around_the_build_up(tmp_path: Path) -> None:
    log = generate_years(tmp_path / "cramproof.db", years=3, sets=3_000, today=TODAY)
    with open_store(log.database, backups_dir=tmp_path / "backups", now=NOW) as store:
        every_run = store.db.execute("SELECT count(*) FROM runs").fetchone()[0]
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        try:
            data = ProgressSource(store, now=lambda: NOW).load()
        finally:
            store.db.conn.set_trace_callback(None)
    reads = [" ".join(s.split()) for s in statements if "runs" in s.lower()]
    assert len(reads) == 1, reads
    low, high = re.findall(r"started_at (?:>=|<) '(\d{4}-\d\d-\d\d)", reads[0])
    first, last = data.weeks[0].week.start, data.weeks[-1].week.end
    assert first - timedelta(days=4) <= date.fromisoformat(low) < first
    assert last < date.fromisoformat(high) <= last + timedelta(days=5)
    assert "run_splits" not in reads[0]
    marks = data.late_runs.marks
    assert 0 < len(marks) < every_run / 4, "this build-up's long runs, not three years of them"
    assert all(first <= mark.day <= last for mark in marks)
    assert data.late_runs.any_runs and data.late_runs.headline
