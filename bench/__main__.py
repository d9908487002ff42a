"""`python -m bench [NAME ...]`: run the benchmarks and print one table of their figures."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import pkgutil
import sys
import time
from collections.abc import Sequence

import bench
from bench.synthetic import populate


def benchmark_names() -> list[str]:
    """Every module in bench/ that defines `run`, by name (helpers define none)."""
    names = []
    for info in pkgutil.iter_modules(bench.__path__):
        spec = None if info.name.startswith("_") else importlib.util.find_spec(f"bench.{info.name}")
        source = spec.loader.get_source(spec.name) if spec and spec.loader else None
        if source and "\ndef run(" in source:
            names.append(info.name)
    return sorted(names)


def run_one(name: str) -> tuple[list[tuple[str, str]], bool]:
    """The rows of one benchmark; a benchmark that cannot run says why in its row."""
    try:
        module = importlib.import_module(f"bench.{name}")
        options = (
            {"populate": populate} if "populate" in inspect.signature(module.run).parameters else {}
        )
        return module.run(**options), True
    except Exception as error:  # one missing tool (e.g. Xvfb) must not hide the other figures
        return [(f"{name}: not run", f"{type(error).__name__}: {error}")], False


def print_table(rows: Sequence[tuple[str, str, str]]) -> None:
    width = max(len(measure) for _, measure, _ in rows)
    print(f"{'benchmark':<10} {'measure':<{width}}  figure")
    print(f"{'-' * 10} {'-' * width}  {'-' * 40}")
    for name, measure, figure in rows:
        print(f"{name:<10} {measure:<{width}}  {figure}")


def main(argv: Sequence[str] | None = None) -> int:
    known = benchmark_names()
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"any of: {', '.join(known)}")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in known]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(known)}")
    rows: list[tuple[str, str, str]] = []
    all_ran = True
    for name in args.names or known:
        started = time.perf_counter()
        print(f"running {name}…", file=sys.stderr, flush=True)
        results, ran = run_one(name)
        all_ran = all_ran and ran
        print(f"  {name} took {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        rows.extend((name, measure, figure) for measure, figure in results)
    print_table(rows)
    return 0 if all_ran else 1


if __name__ == "__main__":
    sys.exit(main())
