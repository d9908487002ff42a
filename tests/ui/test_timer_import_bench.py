"""The timer benchmark's import load: a watch's year importing in a thread of the window's
process while rest cues fire; the cues all come, the import stops between files when asked and
leaves no process. No timing asserted (the figures are `make bench`'s)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.import_load import importing_a_year
from bench.timer import cue_lateness


def test_cues_fire_while_a_year_imports_and_the_import_stops_cleanly(
    qapp: QApplication, tmp_path: Path
) -> None:
    with importing_a_year(6, cache=tmp_path, minutes=20) as year:
        assert year.imported >= 1
        lateness, _ = cue_lateness(qapp, busy=False, rests=10)
    assert len(lateness) == 10
    assert 1 <= year.imported <= 6
    assert multiprocessing.active_children() == []
