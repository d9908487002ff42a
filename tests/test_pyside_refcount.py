"""Guard against the PySide6 6.12.0 / Python 3.11 crash that would kill a rest timer mid-workout.

That release drops a reference to `True` on every signal emitted from Python (about 8 per
pyqtgraph curve update); CPython aborts once the count reaches zero. The work runs in a child
process so the crash, if it returns, fails this test instead of taking pytest down with it.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT, child_env
from tests.system_needs import require_qt

EMITS = 5000
CURVE_UPDATES = 3000

CHILD = f"""
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
import pyqtgraph as pg

app = QApplication([])

class Emitter(QObject):
    fired = Signal(bool)

received = []
emitter = Emitter()
emitter.fired.connect(received.append)
plot = pg.PlotWidget()
curve = plot.plot([0, 1], [0, 1])
before = sys.getrefcount(True)
for i in range({EMITS}):
    emitter.fired.emit(i % 2 == 0)
for i in range({CURVE_UPDATES}):
    curve.setData([0, 1, 2], [i, i + 1, i % 7])
app.processEvents()
del received[:]
after = sys.getrefcount(True)
print(before, after)
"""


def test_signals_and_curve_updates_keep_true_alive() -> None:
    require_qt()
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=child_env(),
        timeout=120,
    )
    assert result.returncode == 0, f"child crashed ({result.returncode}): {result.stderr[-2000:]}"
    before, after = (int(n) for n in result.stdout.split())
    # Ordinary churn moves the count by a handful; the bug loses one per emit (thousands).
    assert after >= before - 100, f"refcount of True fell from {before} to {after}"
