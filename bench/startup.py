"""Start-up: launch to window mapped under Xvfb, and peak memory, against a bare PySide6 window.

Measured from outside the process (as a runner would see it): a child is started and an X client
polls over one X connection until its top-level window is viewable. Runs are interleaved so that
machine noise hits the baseline and Cramproof alike; figures are medians.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.startup_logs import desktop_action, five_year_log, yesterdays_backup_only
from bench.x11_windows import XConnection

# The bare window tells its CPU time once painted, as Cramproof logs its own with the log painted.
BARE_WINDOW = (
    "import time\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "class Bare(QLabel):\n"
    "    told = False\n"
    "    def paintEvent(self, event):\n"
    "        super().paintEvent(event)\n"
    "        if not self.told:\n"
    "            self.told = True\n"
    "            print(f'cpu {time.process_time() * 1000:.1f}', flush=True)\n"
    "app = QApplication([])\n"
    "label = Bare('bare'); label.setWindowTitle('BareBaseline'); label.show()\n"
    "app.exec()\n"
)
TIMEOUT_S = 30.0
LONG_LOG_SETS = 40_000  # five years of build-ups, as in the charts benchmark


@dataclass(frozen=True)
class Launch:
    seconds: float
    peak_rss_kb: int
    ready_seconds: float | None = None
    cpu_ms: float | None = None  # CPU time (all threads) to the log on screen, or the bare shown


def _peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


READY_LINE = "Main window shown"
READY_CPU = re.compile(r"Main window shown after (\d+) ms of CPU time")


def _ready_count(log_file: Path | None) -> int:
    if log_file is None or not log_file.exists():
        return 0
    return log_file.read_text(encoding="utf-8", errors="replace").count(READY_LINE)


def _ready_cpu_ms(log_file: Path) -> float | None:
    """The CPU time the last start-up logged with its "Main window shown" line."""
    found = READY_CPU.findall(log_file.read_text(encoding="utf-8", errors="replace"))
    return float(found[-1]) if found else None


def time_launch(
    command: list[str],
    *,
    title: str,
    display: str,
    log_file: Path | None = None,
    settle_s: float = 1.0,
) -> Launch:
    """Seconds from spawn to a viewable window, to the log attached (Cramproof's log file says
    so), peak RSS once it has settled, and the CPU time used to the log on screen (from the log
    line; the bare window prints its own once shown). CPU time is what a busy machine stretches
    least: the wall-clock figures of two runs can differ by a third on the shared 2 cores."""
    ready_before = _ready_count(log_file)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    # Measure what a user gets: modules loaded from their bytecode caches, not recompiled.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    watcher = XConnection(display)
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        while not watcher.window_viewable(title):
            if child.poll() is not None:
                raise RuntimeError(f"{command} exited: {child.stderr.read().decode()[-500:]}")
            if time.perf_counter() - started > TIMEOUT_S:
                raise TimeoutError(f"no window titled {title!r} after {TIMEOUT_S} s")
            time.sleep(0.002)
        seconds = time.perf_counter() - started
        ready_seconds = None
        if log_file is not None:
            while _ready_count(log_file) <= ready_before:
                if time.perf_counter() - started > TIMEOUT_S:
                    raise TimeoutError("the log was never attached")
                time.sleep(0.002)
            ready_seconds = time.perf_counter() - started
        time.sleep(settle_s)
        rss = _peak_rss_kb(child.pid)
    finally:
        watcher.close()
        child.terminate()
        printed, _ = child.communicate(timeout=TIMEOUT_S)
    if log_file is not None:
        cpu_ms = _ready_cpu_ms(log_file)
    else:  # the bare window prints its CPU time once shown
        words = printed.decode(errors="replace").split()
        cpu_ms = float(words[1]) if words[:1] == ["cpu"] else None
    return Launch(seconds, rss, ready_seconds, cpu_ms)


class VirtualScreen:
    """A private Xvfb at 1366×768, the smallest common gym-laptop screen.

    `-displayfd` lets Xvfb pick a free display and say when it accepts clients, so a stale lock
    or a half-started server can never be mistaken for ours.
    """

    def __init__(self) -> None:
        self.display = ""
        self._server: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> VirtualScreen:
        if shutil.which("Xvfb") is None:
            raise RuntimeError("Xvfb is not installed (Debian: apt-get install xvfb x11-utils)")
        read_end, write_end = os.pipe()
        self._server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "1366x768x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._server is not None:
            self._server.terminate()
            self._server.wait()


def compare(
    candidates: dict[str, tuple[list[str], str, Path | None]],
    *,
    runs: int,
    display: str,
    before_each: Callable[[str], None] | None = None,
) -> dict[str, list[Launch]]:
    """Interleave launches of every candidate `runs` times; returns all measurements."""
    results: dict[str, list[Launch]] = {name: [] for name in candidates}
    for _ in range(runs):
        for name, (command, title, log_file) in candidates.items():
            if before_each:
                before_each(name)
            results[name].append(
                time_launch(command, title=title, display=display, log_file=log_file)
            )
    return results


def run(*, runs: int = 7, populate: Callable[[Path], None] | None = None) -> list[tuple[str, str]]:
    """Return (label, figure) rows for the report.

    With `populate` (the 8-week history) a five-year log is timed too, so that a start-up that
    grows with the whole log rather than with the build-up on screen shows here.
    """
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="cramproof-bench-") as scratch:
        empty_dir = Path(scratch, "empty")
        app = [python, "-m", "desktop", "--data-dir"]
        log_name = Path("logs", "cramproof.log")
        candidates = {
            "bare window": ([python, "-c", BARE_WINDOW], "BareBaseline", None),
            "Cramproof, empty log": ([*app, str(empty_dir)], "Cramproof", empty_dir / log_name),
        }
        resets: dict[str, Callable[[], None]] = {}
        if populate is not None:
            eight_weeks, paths = desktop_action(python, Path(scratch, "runner"))
            populate(paths.data_dir)
            candidates["Cramproof, 8-week history"] = eight_weeks
            morning, morning_paths = desktop_action(python, Path(scratch, "morning"))
            populate(morning_paths.data_dir)
            candidates["Cramproof, 8-week history, first start of the day"] = morning
            resets["Cramproof, 8-week history, first start of the day"] = yesterdays_backup_only(
                morning_paths, older_log=empty_dir / "cramproof.db"
            )
            long_dir = Path(scratch, "five-years")
            five_year_log(long_dir, sets=LONG_LOG_SETS)
            candidates[f"Cramproof, 5-year log ({LONG_LOG_SETS:,} sets)"] = (
                [*app, str(long_dir)],
                "Cramproof",
                long_dir / log_name,
            )
        with VirtualScreen() as screen:
            # A first launch creates the empty log; start-up is measured on the runs after it.
            time_launch(
                candidates["Cramproof, empty log"][0], title="Cramproof", display=screen.display
            )
            results = compare(
                candidates,
                runs=runs,
                display=screen.display,
                before_each=lambda name: resets[name]() if name in resets else None,
            )
    base = results["bare window"]
    base_s = statistics.median(launch.seconds for launch in base)
    base_rss = statistics.median(launch.peak_rss_kb for launch in base)
    base_cpu = statistics.median(launch.cpu_ms or 0.0 for launch in base)
    rows = []
    for name, launches in results.items():
        seconds = statistics.median(launch.seconds for launch in launches)
        rss = statistics.median(launch.peak_rss_kb for launch in launches)
        figure = (
            f"first frame {seconds * 1000:4.0f} ms ({seconds / base_s:.2f}× bare), "
            f"peak RSS {rss / 1024:5.1f} MiB ({rss / base_rss:.2f}× bare)"
        )
        if launches[0].ready_seconds is not None:
            ready = statistics.median(launch.ready_seconds or 0.0 for launch in launches)
            figure += f", log on screen {ready * 1000:4.0f} ms ({ready / base_s:.2f}× bare)"
        cpu = statistics.median(launch.cpu_ms or 0.0 for launch in launches)
        if cpu and base_cpu:
            figure += f", CPU {cpu:4.0f} ms ({cpu / base_cpu:.2f}× bare)"
        rows.append((f"start-up: {name}", figure))
    return rows


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label:<40} {figure}")
