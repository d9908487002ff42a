"""The import benchmark and its synthetic watch year: the files decode whole and all import;
no timing asserted (speed belongs to `make bench`)."""

from __future__ import annotations

from pathlib import Path

from bench.__main__ import benchmark_names
from bench.runs import import_year, serial_decode
from bench.synthetic_runs import year_of_runs


def test_a_short_year_decodes_every_record_and_imports_every_file(tmp_path: Path) -> None:
    paths = year_of_runs(3, cache=tmp_path / "cache", minutes=2)
    assert [path.name for path in paths] == ["000.fit", "001.fit", "002.fit"]
    records, _seconds = serial_decode(paths)
    assert records == 3 * (2 * 60 + 1)
    files, _seconds = import_year(paths[0].parent, tmp_path / "log")
    assert files == 3
    assert year_of_runs(3, cache=tmp_path / "cache", minutes=2) == paths  # made once


def test_python_m_bench_finds_the_import_benchmark() -> None:
    names = benchmark_names()
    assert "runs" in names and "synthetic_runs" not in names
