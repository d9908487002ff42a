"""The rest timer under load: cue lateness while charts redraw or the voice speaks, and a
2-hour simulated soak.

Latency: 100 short rests on the real clock; the ready cue's lateness after its deadline, with an
idle event loop (the baseline), with a pyqtgraph chart redrawing as fast as the loop allows,
while a watch's year of FIT files imports in this process as the window runs it (the consumer
in a thread, the files read in worker processes), and with every ready cue said by the Voice as
gym mode does (its speech process started when the first rest begins, as a rest's start does, so
the first cues fall while the engine is still being made; where no speech engine exists the row
says so).
Soak: two simulated hours in one process (the display refreshed 4×/s, a chart updated every
simulated second, a new rest every 5 minutes) on a fake clock, run as fast as the machine goes;
memory and the reference count of `True` (the PySide6 6.12 / Python 3.11 crash) are read before
and after.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from bench.import_load import importing_a_year
from desktop.domain.rest.clock import SystemClock
from desktop.domain.rest.rest_timer import HEAVY_WINDOW, RestTimer, RestWindow
from desktop.ui.alerts.timer_driver import TimerDriver
from desktop.ui.alerts.voice import Voice
from tests.fake_clock import FakeClock

RESTS = 100
SHORT_REST = RestWindow(0.12, 0.24)
CHART_POINTS = 20_000


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _busy_chart():
    """A chart that redraws continuously: every pass of the event loop replots 20,000 points."""
    import numpy as np
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.resize(1366, 400)
    plot.show()
    curve = plot.plot(np.zeros(CHART_POINTS))
    phase = [0.0]
    plot.frames = 0

    def redraw() -> None:
        plot.frames += 1
        phase[0] += 0.1
        curve.setData(np.sin(np.linspace(phase[0], phase[0] + 40, CHART_POINTS)))
        plot.repaint()

    driver = QTimer()
    driver.timeout.connect(redraw)
    driver.start(0)
    return plot, driver


def cue_lateness(
    app: QApplication, *, busy: bool, voice: Voice | None = None, rests: int = RESTS
) -> tuple[list[float], float]:
    """Lateness of each ready cue after its deadline over `rests` rests, and chart frames/s."""
    clock = SystemClock()
    load = _busy_chart() if busy else None
    lateness: list[float] = []
    driver = TimerDriver(clock, RestTimer.start(SHORT_REST, clock.now()))
    started = [clock.now()]
    if voice is not None:
        voice.prepare()  # as the first rest's start does, its first cue 0.12 s away

    def on_cue(cue: str) -> None:
        if cue == "ready":
            lateness.append(clock.now() - (started[0] + SHORT_REST.ready_s))
            started[0] = clock.now()
            driver.watch(RestTimer.start(SHORT_REST, started[0]))
            if voice is not None:
                voice.say("Ready. Next: Back squat, set 2 of 4, 102.5 kilos.")

    driver.cue_reached.connect(on_cue)
    watchdog = QElapsedTimer()
    watchdog.start()
    while len(lateness) < rests and watchdog.elapsed() < 120_000:
        app.processEvents()
    driver.stop()
    frames_per_s = 0.0
    if load is not None:
        load[1].stop()
        load[0].close()
        frames_per_s = load[0].frames / (watchdog.elapsed() / 1000)
    return lateness, frames_per_s


def soak(app: QApplication, *, hours: float = 2.0) -> dict[str, float]:
    import numpy as np
    import pyqtgraph as pg

    clock = FakeClock()
    driver = TimerDriver(clock, RestTimer.start(HEAVY_WINDOW, clock.now()))
    ticks = [0]
    driver.ticked.connect(lambda _display: ticks.__setitem__(0, ticks[0] + 1))
    plot = pg.PlotWidget()
    plot.resize(800, 300)
    plot.show()
    curve = plot.plot([0.0, 1.0])
    history = np.zeros(600)
    seconds = int(hours * 3600)
    true_refs_before = sys.getrefcount(True)
    rss_warm = 0
    started = time.perf_counter()
    for second in range(seconds):
        for _quarter in range(4):
            clock.advance(0.25)
            driver.refresh()
        if second % 300 == 0:
            driver.watch(RestTimer.start(HEAVY_WINDOW, clock.now()))
        history = np.roll(history, -1)
        history[-1] = second % 300
        curve.setData(history)
        plot.repaint()
        app.processEvents()
        if second == 600:
            rss_warm = _rss_kb()
    driver.stop()
    return {
        "simulated_s": seconds,
        "wall_s": time.perf_counter() - started,
        "ticks": ticks[0],
        "rss_growth_kb": _rss_kb() - rss_warm,
        "rss_warm_kb": rss_warm,
        "true_refs_lost": true_refs_before - sys.getrefcount(True),
    }


def run(*, soak_hours: float = 2.0) -> list[tuple[str, str]]:
    app = QApplication.instance() or QApplication([])
    idle, _ = cue_lateness(app, busy=False)
    busy, frames_per_s = cue_lateness(app, busy=True)
    with importing_a_year() as year:
        before = year.imported
        importing, _ = cue_lateness(app, busy=False)
        imported = year.imported - before
    voice = Voice()
    ready: list[str] = []
    voice.voice_ready.connect(ready.append)
    spoken, _ = cue_lateness(app, busy=False, voice=voice)
    if not ready:
        spoken = []
    base = statistics.median(idle)
    rows = []
    measured = [
        ("idle loop (baseline)", idle),
        ("charts redrawing", busy),
        ("a year of runs importing", importing),
    ]
    if spoken:
        measured.append(("voice speaking", spoken))
        rows.append(("ready cue lateness, first rest, voice on", f"{spoken[0] * 1000:5.1f} ms"))
    else:
        rows.append(
            (
                "ready cue lateness, voice speaking",
                f"not measured: {voice.unavailable_reason or 'the voice was not ready in time'}",
            )
        )
    for label, samples in measured:
        rows.append(
            (
                f"ready cue lateness, {label}",
                f"median {statistics.median(samples) * 1000:5.1f} ms "
                f"({statistics.median(samples) / base:.1f}× idle), "
                f"worst {max(samples) * 1000:5.1f} ms, n={len(samples)}",
            )
        )
    rows.append(("busy load: 20,000-point chart redraws", f"{frames_per_s:.0f} frames/s"))
    rows.append(("import load: FIT files stored meanwhile", f"{imported} (1 Hz runs, 40-200 min)"))
    result = soak(app, hours=soak_hours)
    rows.append(
        (
            f"soak: {result['simulated_s'] / 3600:.0f} h simulated",
            f"{result['wall_s']:.0f} s wall, {result['ticks']} display ticks, RSS "
            f"{result['rss_growth_kb']:+d} kB after warm-up "
            f"({result['rss_growth_kb'] / result['rss_warm_kb'] * 100:+.1f} %), "
            f"refs of True lost: {result['true_refs_lost']}",
        )
    )
    return rows


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label:<40} {figure}")
