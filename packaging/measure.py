"""Measures the bundle against the source install: size on disk and time to a shown window.

    .venv/bin/python packaging/measure.py [--bundle dist/cramproof/cramproof] [--runs 5]

Start-up is timed from launching the program to the "Main window shown" line in its log, with an
offscreen display and a data folder that already holds a log (a normal day's start); each figure
is the median of --runs launches. Sizes count the files each way of installing brings: the bundle
folder, and the installed packages of the app and its run-time dependencies (Python not counted).
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import re
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

log = logging.getLogger("measure")

REPO = Path(__file__).resolve().parents[1]
SHOWN = "Main window shown"
POLL_S = 0.01


@dataclass(frozen=True)
class Launch:
    """One window start: seconds from launch to the window, and what the program printed."""

    seconds: float
    output: str


def time_to_window(
    command: Sequence[str], *, data_dir: Path, env: Mapping[str, str], timeout: float = 60.0
) -> Launch:
    """Launch the window, wait for its log line, then SIGTERM it.

    Raises RuntimeError if the program exits early, never logs the line, or does not exit 0
    after SIGTERM: a window that cannot close cleanly is as broken as one that cannot open.
    """
    log_file = data_dir / "logs" / "cramproof.log"
    before = _count_lines(log_file)
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--data-dir", str(data_dir)],
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        while _count_lines(log_file) == before:
            if process.poll() is not None:
                output = process.communicate()[0]
                raise RuntimeError(f"exit {process.returncode} before the window showed:\n{output}")
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"no {SHOWN!r} in {log_file} within {timeout} s")
            time.sleep(POLL_S)
        elapsed = time.perf_counter() - started
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"exit code {process.returncode} after SIGTERM:\n{output}")
    return Launch(seconds=elapsed, output=output)


def _count_lines(log_file: Path) -> int:
    try:
        return log_file.read_text(encoding="utf-8", errors="replace").count(SHOWN)
    except FileNotFoundError:
        return 0


def median_start(command: Sequence[str], *, runs: int, env: Mapping[str, str]) -> float:
    with tempfile.TemporaryDirectory(prefix="cramproof-measure-") as folder:
        data_dir = Path(folder) / "data"
        time_to_window(command, data_dir=data_dir, env=env)  # creates the log: not counted
        return statistics.median(
            time_to_window(command, data_dir=data_dir, env=env).seconds for _ in range(runs)
        )


def folder_size(folder: Path) -> int:
    """Bytes of the regular files under `folder` (symbolic links not followed)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file())


def gzip_size(folder: Path) -> int:
    """Size of the folder as a .tar.gz: roughly what a download of the bundle weighs."""
    with tempfile.TemporaryFile() as raw:
        with (
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6) as packed,
            tarfile.open(fileobj=packed, mode="w") as archive,
        ):
            archive.add(folder, arcname=folder.name)
        return raw.tell()


def installed_size(root: str = "cramproof") -> int:
    """Bytes of the installed files of `root` and every run-time dependency (extras skipped)."""
    seen: set[str] = set()
    pending, total = [root], 0
    while pending:
        name = _normal(pending.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a dependency for another Python version
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file)))
            if path.is_file() and "__pycache__" not in path.parts:
                total += path.stat().st_size
        pending += [_requirement_name(req) for req in dist.requires or [] if "extra ==" not in req]
    return total


def _requirement_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    return match.group(0) if match else requirement


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "cramproof" / "cramproof")
    parser.add_argument("--source", type=Path, default=Path(sys.prefix) / "bin" / "cramproof")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    bundle_start = median_start([str(args.bundle)], runs=args.runs, env=env)
    source_start = median_start([str(args.source)], runs=args.runs, env=env)
    bundle_dir = args.bundle.parent
    log.info("%-16s %14s %14s %12s", "", "on disk", "as .tar.gz", "start-up")
    log.info(
        "%-16s %11.0f MB %11.0f MB %10.2f s",
        "bundle",
        folder_size(bundle_dir) / 1e6,
        gzip_size(bundle_dir) / 1e6,
        bundle_start,
    )
    log.info(
        "%-16s %11.0f MB %14s %10.2f s",
        "source install",
        installed_size() / 1e6,
        "-",
        source_start,
    )
    log.info("(median of %d starts each, offscreen, existing data folder)", args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
