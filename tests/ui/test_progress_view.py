"""The Progress screen offscreen: with 8 weeks of history, empty, in a dark palette, PNG export."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPalette

from bench.synthetic import populate
from db.athletes import create_athlete
from db.store import Store, open_store
from desktop.progress.series import ProgressSource
from desktop.ui.progress.view import ProgressView
from tests.conftest import REPO_ROOT

if TYPE_CHECKING:
    from desktop.ui.progress.charts.panels.panel import ChartPanel

TODAY = date(2027, 3, 3)  # a Wednesday in week 9 of the synthetic build-up
NOW = datetime.combine(TODAY, time(19)).astimezone(UTC)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    data_dir.mkdir(parents=True, exist_ok=True)
    populate(data_dir, today=TODAY)
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    yield opened
    opened.close()


@pytest.fixture
def empty_store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    yield opened
    opened.close()


def shown(qtbot, store: Store) -> ProgressView:
    view = ProgressView(ProgressSource(store, now=lambda: NOW))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_eight_weeks_of_history_fill_every_chart(qtbot, store: Store) -> None:
    view = shown(qtbot, store)
    assert view.title.text().startswith("Week 9 of 14 · ")
    assert "build-up adherence" in view.detail.text().lower()
    assert not any(chart.is_empty for chart in view.charts())
    data = view.data
    assert data is not None and len(data.weeks) == 14
    assert [w.state for w in data.weeks[:8]] == ["past"] * 8 and data.weeks[8].state == "current"
    assert view.strength.chooser.currentText() == "Back squat"
    assert view.strength.chooser.count() == 4


def test_hover_reads_out_exact_values(qtbot, store: Store) -> None:
    view = shown(qtbot, store)
    week = view.data.weeks[0]
    from desktop.domain.progress.chart_series import week_middle_seconds

    text = view.adherence.readout.show_at(week_middle_seconds(week.week), 1.0)
    assert text.startswith("Week 1 of 14 · 14 weeks to race day · Phase 1")
    assert f"Done {week.done:g} of 1 double day due" in text
    assert view.adherence.readout.text.isVisible()
    point = view.strength._points[-1]
    strength_text = view.strength.readout.show_at(point.x, point.load)
    assert f"Top set {point.load:.1f} kg × {point.reps}" in strength_text
    assert view.adherence.readout.show_at(0.0, 0.0) is None
    assert not view.adherence.readout.text.isVisible()


def test_choosing_a_lift_redraws_the_strength_chart(qtbot, store: Store) -> None:
    view = shown(qtbot, store)
    squat = view.strength._points
    view.strength.chooser.setCurrentIndex(view.strength.chooser.findText("Deadlift"))
    deadlift = view.strength._points
    assert deadlift and deadlift != squat
    assert "deadlift" in view.detail.text()


def test_build_up_charts_share_one_time_axis(qtbot, store: Store) -> None:
    view = shown(qtbot, store)
    adherence = view.adherence.plot.getViewBox().viewRange()[0]
    assert view.cramps.plot.getViewBox().viewRange()[0] == pytest.approx(adherence)
    view.adherence.plot.setXRange(adherence[0] + 86400 * 7, adherence[1])
    moved = view.adherence.plot.getViewBox().viewRange()[0]
    assert view.quality.rest_plot.getViewBox().viewRange()[0] == pytest.approx(moved)


def test_every_chart_saves_as_png(qtbot, store: Store, tmp_path: Path) -> None:
    view = shown(qtbot, store)
    with qtbot.waitSignal(view.adherence.png_saved):
        written = [
            chart.export_png(tmp_path / f"progress-{number}.png")
            for number, chart in enumerate(view.charts(), start=1)
            if not chart.is_empty
        ]
    assert len(written) == 5
    for path in written:
        image = QImage(str(path))
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert image.width() == 1600 and image.height() > 200


def test_an_empty_log_says_what_will_appear(qtbot, empty_store: Store) -> None:
    view = shown(qtbot, empty_store)
    assert view.title.text() == "No training logged yet"
    assert all(chart.is_empty for chart in view.charts())
    assert "one bar per week" in view.adherence.empty_text
    assert "After your first heavy session" in view.strength.empty_text
    assert "After each long run" in view.cramps.empty_text
    assert "3–5 minute window" in view.quality.empty_text
    assert "File → Import runs…" in view.late_runs.empty_text
    assert not any(chart.plot.isVisible() for chart in (view.adherence, view.cramps))
    assert not view.strength.chooser.isEnabled()


def test_an_athlete_without_a_plan_or_sessions(qtbot, empty_store: Store) -> None:
    create_athlete(empty_store, "Runner")
    view = shown(qtbot, empty_store)
    assert view.title.text() == "Runner: no build-up planned"
    assert all(chart.is_empty for chart in view.charts())


def drawn_background(view: ProgressView, chart: ChartPanel) -> QColor:
    """The colour on screen just inside the bottom right corner of a chart (beside its legend),
    scrolled into sight."""
    corner = chart.body.mapToScene(chart.body.rect().bottomRight() - QPointF(3, 3))
    at = view.graphics.viewport().mapTo(view.graphics, view.graphics.mapFromScene(corner))
    view.scroll.ensureVisible(at.x(), at.y())
    return view.grab().toImage().pixelColor(view.graphics.mapTo(view, at))


def test_a_dark_desktop_gets_dark_charts(qtbot, store: Store) -> None:
    view = shown(qtbot, store)
    assert drawn_background(view, view.adherence) == QColor("#ffffff")
    dark = QPalette(view.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    view.setPalette(dark)  # the palette change redraws the charts before it returns
    assert drawn_background(view, view.adherence) == QColor("#1b1f26")
    assert drawn_background(view, view.quality) == QColor("#1b1f26")
    assert drawn_background(view, view.late_runs) == QColor("#1b1f26")


LAZY = """
import sys
import desktop.progress.series, desktop.export.exporter, desktop.history.history
import desktop.ui.progress.view, desktop.ui.history.view, desktop.ui.shell.export_dialog
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {"pyqtgraph", "numpy"})
print(",".join(heavy))
"""


def test_opening_the_app_does_not_load_pyqtgraph_or_numpy() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LAZY], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    assert result.stdout.strip() == ""


def test_the_first_progress_view_loads_pyqtgraph(qtbot, empty_store: Store) -> None:
    shown(qtbot, empty_store)
    assert "pyqtgraph" in sys.modules


def test_cramp_km_labels_never_run_into_each_other(qtbot, store: Store, tmp_path: Path) -> None:
    """Long runs a week apart on a small screen: "23 km25 km25 km" before labels gave way."""
    view = shown(qtbot, store)
    view.resize(1024, 600)
    qtbot.wait(50)
    view.grab().save(str(tmp_path / "progress-1024.png"))
    plot = view.cramps.plot
    every = [m for m in plot.overlay.marks if type(m).__name__ == "MarkLabel"]
    labels = [(text, rect) for text, rect in plot.overlay.text_rects() if text.endswith(" km")]
    assert labels and len(labels) < len(every), "some labels shown, the crowded ones left out"
    for index, (text, rect) in enumerate(labels):
        for other, other_rect in labels[index + 1 :]:
            apart = not rect.adjusted(-4, 0, 4, 0).intersects(other_rect)
            assert apart, f"{text!r} runs into {other!r}"


def test_shown_again_on_a_new_day_it_redraws_without_a_change(qtbot, store: Store) -> None:
    """Left open overnight: the morning's Progress moves "today" on, though nothing was logged."""
    view = shown(qtbot, store)
    first = view.data
    view.hide()
    view._drawn_on = date.today() - timedelta(days=1)  # as if drawn before midnight
    view.show()
    qtbot.waitExposed(view)
    assert view.data is not first
    again = view.data
    view.hide()
    view.show()
    assert view.data is again, "the same day, nothing changed: no redraw"
