"""Idle cost: CPU used while gym mode sits on a running rest, against an idle bare window.

A runner leaves the laptop on the rest screen for minutes at a time; the display refreshes four
times a second and must not keep a core busy. Both windows run in this process, one after the
other, for the same wall time; CPU is the process's own user+system time.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

SECONDS = 60.0


def _cpu_while_shown(app: QApplication, widget: QWidget, seconds: float) -> float:
    """Share of one core used while `widget` is on screen for `seconds` of wall time."""
    widget.resize(1366, 768)
    widget.show()
    app.processEvents()
    wall, cpu = time.perf_counter(), time.process_time()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    return (time.process_time() - cpu) / (time.perf_counter() - wall)


def _resting_gym(folder: Path) -> QWidget:
    from db.store import open_store
    from desktop.gym.underway.session import Stage
    from desktop.ui.alerts.sound import CuePlayer
    from desktop.ui.gym.open_session import open_gym

    store = open_store(
        folder / "cramproof.db", backups_dir=folder / "backups", now=datetime.now(UTC)
    )
    view = open_gym(store, kind="heavy", player=CuePlayer(muted=True), ask_resume=lambda _t: False)
    # The keys a runner presses: Space (start set), Space (set done), Enter (save) → resting.
    while view.session.stage is not Stage.RESTING:
        view.dispatch("confirm" if view.session.stage is Stage.LOGGING else "primary")
    return view


def run(*, seconds: float = SECONDS) -> list[tuple[str, str]]:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="cramproof-bench-") as scratch:
        bare = _cpu_while_shown(app, QLabel("bare"), seconds)
        gym = _resting_gym(Path(scratch))
        resting = _cpu_while_shown(app, gym, seconds)
        gym.shut_down()  # type: ignore[attr-defined]
    ratio = resting / bare if bare > 0 else float("inf")
    return [
        (
            "idle CPU: bare window (baseline)",
            f"{bare * 100:5.2f} % of one core over {seconds:.0f} s",
        ),
        (
            "idle CPU: gym mode, resting",
            f"{resting * 100:5.2f} % of one core over {seconds:.0f} s ({ratio:.1f}× bare)",
        ),
    ]


if __name__ == "__main__":
    for label, figure in run():
        print(f"{label:<40} {figure}")
