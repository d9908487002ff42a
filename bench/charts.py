"""Charts: opening and drawing the Progress screen, and every query behind it, on big logs.

Two synthetic logs are generated once per run into a temporary folder: 5 years of build-ups
(40,000 sets) and a stress log of 1,000,000 sets over the same 5 years. The baseline is an empty
pyqtgraph plot of the screen's size (1366×768), built, shown and drawn in the same run, the same
way; figures are medians of `repeats` runs after one warm-up (nine by default: on a shared
two-core machine a median of five still swung by half), times as a runner would feel them.

The Progress screen's first open, the figure with a target (≤ 3× the empty plot), is measured
in pairs: each opening of the screen right after (or before, every other pair) an opening of
the empty plot, so that the load other programs put on the machine weighs on both alike. It
reports both medians, the median of the pairs' ratios, and the ratio of the medians of the
CPU time the window's thread spent (other programs' load moves it least).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from bench.synthetic import generate_years
from db.history_queries import session_page
from db.progress_queries import (
    cramps_between,
    exercise_sets_between,
    lifted_exercises,
    rests_between,
    sessions_between,
    top_sets,
)
from db.store import Store, open_store
from desktop.history.history import HistoryLog
from desktop.plan.reader import PlanReader
from desktop.progress.log import read_build_up, window
from desktop.progress.series import ProgressSource

if TYPE_CHECKING:
    from desktop.ui.progress.view import ProgressView

SIZES = (("5 years", 40_000), ("stress", 1_000_000))
SCREEN = (1366, 768)
T = TypeVar("T")


def median_seconds(
    action: Callable[[], T], repeats: int, *, after: Callable[[T], object] | None = None
) -> float:
    """Median wall time of `action` after one warm-up call; `after(result)`, if given, runs
    untimed after each call (closing what the action opened)."""
    samples = []
    for run in range(repeats + 1):
        started = time.perf_counter()
        result = action()
        if run:
            samples.append(time.perf_counter() - started)
        if after is not None:
            after(result)
    return statistics.median(samples)


def open_empty_plots(app: QApplication, count: int = 1) -> QWidget:
    """The baseline: `count` empty date plots in one pyqtgraph widget at the screen's size,
    built, shown and drawn."""
    import pyqtgraph as pg

    widget = pg.GraphicsLayoutWidget()
    for row in range(count):
        widget.addPlot(row=row, col=0, axisItems={"bottom": pg.DateAxisItem()})
    widget.resize(*SCREEN)
    widget.show()
    app.processEvents()
    widget.grab()
    return widget


def open_progress(app: QApplication, source: ProgressSource) -> ProgressView:
    """Opening the Progress screen the first time: read the log, build the charts, draw."""
    from desktop.ui.progress.view import ProgressView

    view = ProgressView(source)
    view.resize(*SCREEN)
    view.show()
    app.processEvents()
    view.grab()
    return view


def discard(app: QApplication, widget: QWidget) -> None:
    """Close and really delete a window, so that repeated runs do not pile up widgets."""
    widget.close()
    widget.deleteLater()
    # processEvents() outside an event loop never runs deferred deletes: without this, every
    # run left its widgets alive and slowed down the runs after it.
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def opened(app: QApplication, build: Callable[[], QWidget], repeats: int) -> float:
    """Median time of `build` (opening a window); each window is discarded untimed."""
    return median_seconds(build, repeats, after=lambda widget: discard(app, widget))


@dataclass(frozen=True)
class Paired:
    """Medians of a window's opening and of the baseline's, opened in turn (wall and CPU)."""

    seconds: float
    baseline: float
    ratio: float  # the median of each pair's ratio
    cpu_ratio: float  # median CPU time of the window's thread over the baseline's

    @property
    def figure(self) -> str:
        return (
            f"{self.seconds * 1000:7.1f} ms vs {self.baseline * 1000:.1f} ms: "
            f"{self.seconds / self.baseline:.2f}× baseline (opened in turn with it; median of "
            f"the pairs {self.ratio:.2f}×, of CPU time {self.cpu_ratio:.2f}×)"
        )


def paired(
    app: QApplication, build: Callable[[], QWidget], base: Callable[[], QWidget], repeats: int
) -> Paired:
    """`build` and `base` opened in turn, `repeats` pairs after one warm-up pair, which of the
    two goes first alternating; each window discarded untimed."""
    wall: dict[bool, list[float]] = {True: [], False: []}
    cpu: dict[bool, list[float]] = {True: [], False: []}
    for run in range(repeats + 1):
        for is_build in (True, False) if run % 2 else (False, True):
            started, used = time.perf_counter(), time.thread_time()
            widget = (build if is_build else base)()
            if run:
                wall[is_build].append(time.perf_counter() - started)
                cpu[is_build].append(time.thread_time() - used)
            discard(app, widget)
    pairs = [b / a for b, a in zip(wall[True], wall[False], strict=True)]
    return Paired(
        statistics.median(wall[True]),
        statistics.median(wall[False]),
        statistics.median(pairs),
        statistics.median(cpu[True]) / statistics.median(cpu[False]),
    )


def queries(store: Store, now: datetime) -> dict[str, Callable[[], object]]:
    """Each aggregate the screens run, with the arguments the Progress screen gives it."""
    reader = PlanReader(store, now=lambda: now)
    athlete, plan = reader.athlete_and_plan()
    assert athlete is not None and plan is not None
    today = now.astimezone().date()
    log = read_build_up(store, reader, athlete_id=athlete.id, plan=plan, today=today)
    start, end = window(log.spans)
    squat = next(i for i, key, _ in lifted_exercises(store, athlete.id) if key == "back_squat")
    source = ProgressSource(store, now=lambda: now)
    history = HistoryLog(store, now=lambda: now)
    a = athlete.id
    return {
        "sessions_between": lambda: sessions_between(store, a, start=start, end=end),
        "exercise_sets_between": lambda: exercise_sets_between(
            store, a, start=start, end=end, rest_window_s=log.rest_s
        ),
        "rests_between": lambda: rests_between(store, a, start=start, end=end),
        "top_sets (back squat)": lambda: top_sets(store, a, squat),
        "lifted_exercises": lambda: lifted_exercises(store, a),
        "cramps_between": lambda: cramps_between(
            store, a, first=log.spans[0].start, last=log.spans[-1].end
        ),
        "session_page (history)": lambda: session_page(store, a),
        "Progress: all chart data": source.load,
        "Progress: one lift's series": lambda: source.strength(squat),
        "History: first page": history.sessions,
    }


def _ms(seconds: float, baseline: float | None = None) -> str:
    ratio = f" ({seconds / baseline:.2f}× baseline)" if baseline else ""
    return f"{seconds * 1000:7.1f} ms{ratio}"


def _baselines(app: QApplication, repeats: int) -> dict[str, float]:
    """An empty plot (the issue's baseline), and as many empty plots as the screen has (5)."""
    return {
        "1 empty plot 1366×768, open": opened(app, lambda: open_empty_plots(app), repeats),
        "5 empty plots 1366×768, open": opened(app, lambda: open_empty_plots(app, 5), repeats),
    }


def _screen_rows(
    app: QApplication, source: ProgressSource, base: dict[str, float], size: str, repeats: int
) -> list[tuple[str, str]]:
    """First open, and a refresh after a change (the screen already built), against baselines."""
    one_open = base["1 empty plot 1366×768, open"]
    five_open = base["5 empty plots 1366×768, open"]
    first = paired(app, lambda: open_progress(app, source), lambda: open_empty_plots(app), repeats)
    view = open_progress(app, source)
    refreshed = median_seconds(lambda: (view.refresh(), view.grab()), repeats)
    discard(app, view)
    return [
        (f"charts: Progress first open+draw, {size}", first.figure),
        (f"charts:   same, against 5 empty plots, {size}", _ms(first.seconds, five_open)),
        (f"charts: Progress refresh+draw after an edit, {size}", _ms(refreshed, one_open)),
    ]


def run(
    *,
    repeats: int = 9,
    sizes: tuple[tuple[str, int], ...] = SIZES,
    folder: Path | None = None,
) -> list[tuple[str, str]]:
    """Return (label, figure) rows; the logs go to `folder`, or a temporary one for the run."""
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="cramproof-bench-charts-") as scratch:
            return _run(Path(scratch), repeats=repeats, sizes=sizes)
    return _run(folder, repeats=repeats, sizes=sizes)


def _run(
    folder: Path, *, repeats: int, sizes: tuple[tuple[str, int], ...]
) -> list[tuple[str, str]]:
    app = QApplication.instance() or QApplication([])
    now = datetime.now(UTC)
    rows: list[tuple[str, str]] = []
    logs = {}
    for label, count in sizes:
        started = time.perf_counter()
        logs[label] = generate_years(folder / label / "cramproof.db", years=5, sets=count)
        rows.append(
            (
                f"charts: generate {label} ({count:,} sets)",
                f"{time.perf_counter() - started:6.1f} s, {logs[label].sessions} sessions",
            )
        )
    base = _baselines(app, repeats)
    rows.extend((f"charts: baseline, {name}", _ms(value)) for name, value in base.items())
    for label, count in sizes:
        path = logs[label].database
        with open_store(path, backups_dir=path.parent / "backups", now=now) as store:
            source = ProgressSource(store, now=lambda: now)
            rows.extend(_screen_rows(app, source, base, f"{label} ({count:,} sets)", repeats))
            for name, query in queries(store, now).items():
                rows.append((f"charts: {label}: {name}", _ms(median_seconds(query, repeats))))
    return rows


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label:<60} {figure}")
