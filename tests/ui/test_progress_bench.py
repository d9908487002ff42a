"""The chart benchmark and its synthetic history: right shape, exact size; no timing asserted."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from bench.__main__ import benchmark_names
from bench.charts import run
from bench.synthetic import generate_years

TODAY = date(2027, 3, 3)


def test_the_generator_writes_exactly_the_sets_asked_for(tmp_path: Path) -> None:
    log = generate_years(tmp_path / "cramproof.db", years=1, sets=5_000, today=TODAY)
    with sqlite3.connect(log.database) as db:
        assert db.execute("SELECT count(*) FROM sets").fetchone()[0] == 5_000 == log.sets
        assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] == log.sessions
        empty = db.execute(
            "SELECT count(*) FROM sessions s WHERE NOT EXISTS "
            "(SELECT 1 FROM sets WHERE session_id = s.id)"
        ).fetchone()[0]
        assert empty == 0
        assert db.execute("SELECT count(*) FROM plans WHERE active = 1").fetchone()[0] == 1
        linked, unlinked = db.execute(
            "SELECT count(planned_day_id), count(*) - count(planned_day_id) FROM sessions"
        ).fetchone()
        assert linked > unlinked > 0  # mostly done as planned, some late or extra
        last = db.execute("SELECT max(started_at) FROM sessions").fetchone()[0]
        assert last[:10] <= TODAY.isoformat()
        # The late-run panel is measured too: long runs with their figures, across the log.
        long_runs, first, latest = db.execute(
            "SELECT count(*), min(started_at), max(started_at) FROM runs WHERE moving_s >= 3600 "
            "AND pace_fade_pct IS NOT NULL AND cadence_drop_spm IS NOT NULL "
            "AND decoupling_pct IS NOT NULL"
        ).fetchone()
        assert long_runs >= 40
        assert (date.fromisoformat(latest[:10]) - date.fromisoformat(first[:10])).days > 300


def test_python_m_bench_finds_the_chart_benchmark() -> None:
    names = benchmark_names()
    assert "charts" in names
    assert "synthetic" not in names and "synthetic_sets" not in names


def test_the_chart_benchmark_reports_every_figure_against_its_baseline(
    qtbot, tmp_path: Path
) -> None:
    rows = dict(run(repeats=1, sizes=(("tiny", 600),), folder=tmp_path))
    assert "charts: generate tiny (600 sets)" in rows
    assert rows["charts: baseline, 1 empty plot 1366×768, open"].endswith(" ms")
    first_open = rows["charts: Progress first open+draw, tiny (600 sets)"]
    assert "× baseline (opened in turn with it" in first_open, "paired, not against one early"
    assert "× baseline" in rows["charts: Progress refresh+draw after an edit, tiny (600 sets)"]
    queries = [label for label in rows if label.startswith("charts: tiny: ")]
    assert len(queries) == 10
