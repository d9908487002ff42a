"""The cramp chart and the late-run chart are one kind of chart (marks on the build-up's weeks):
their plot areas line up with the adherence bars, the read-out names the mark's day and week,
and neither rebuilds its marks for a change to the log that leaves them alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bench.synthetic import populate
from db.store import open_store
from desktop.runtime.changes import LogChanges
from desktop.ui.common.log_changes import ChangeSignal
from desktop.ui.progress.charts.panels.week_chart import WeekChart
from desktop.ui.progress.view import ProgressView
from tests.ui.test_progress_view import NOW, TODAY, shown


@pytest.fixture
def view(qtbot: QtBot, data_dir: Path) -> Iterator[ProgressView]:
    """Eight weeks into the synthetic build-up: cramp reports and long runs each week."""
    data_dir.mkdir(parents=True, exist_ok=True)
    populate(data_dir, today=TODAY)
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        yield shown(qtbot, store)


def test_both_charts_line_up_under_the_adherence_bars(view: ProgressView, tmp_path: Path) -> None:
    view.grab().save(str(tmp_path / "progress.png"))
    charts = (view.cramps, view.late_runs)
    assert all(isinstance(chart, WeekChart) for chart in charts)
    bars = view.adherence.plot.getViewBox().sceneBoundingRect()
    for chart in charts:
        area = chart.plot.getViewBox().sceneBoundingRect()
        assert (area.left(), area.right()) == pytest.approx((bars.left(), bars.right()))
        right = [text for _, text in chart.plot.getAxis("right").ticks()]
        assert right == [] if chart is view.cramps else all(t.endswith(" spm") for t in right)
        mark = chart._marks[-1]
        read = chart.readout.show_at(mark.x, 0.0)
        assert read is not None and read.startswith(f"{mark.day:%a %d %b %Y} · build-up week ")


def test_a_set_logged_leaves_both_charts_marks_as_they_were(
    qtbot: QtBot, view: ProgressView
) -> None:
    changes = LogChanges()
    signal = ChangeSignal(changes, parent=view)
    signal.changed.connect(view.on_log_changed)
    charts = (view.cramps, view.late_runs)
    layers = [(c.plot.data.marks, c.plot.overlay.marks) for c in charts]
    before = view.data
    changes.report("set")
    qtbot.waitUntil(lambda: view.data is not before)
    assert [(c.plot.data.marks, c.plot.overlay.marks) for c in charts] == layers
    for chart, (data, overlay) in zip(charts, layers, strict=True):
        assert chart.plot.data.marks is data and chart.plot.overlay.marks is overlay
