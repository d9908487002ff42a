"""The "Do my legs hold late?" panel offscreen, with real widgets: what it draws and says, its
empty states, its redraw on the log's change notification, and its place in the Tab order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bench.synthetic import populate
from db.athletes import create_athlete
from db.runs import RunRecord, add_run
from db.store import Store, open_store
from desktop.domain.progress.chart_series import noon_seconds
from desktop.progress.series import ProgressSource
from desktop.runtime.changes import LogChanges
from desktop.ui.common.log_changes import ChangeSignal
from desktop.ui.progress.charts.panels.late_run_chart import CAPTION, NO_LONG_RUNS, NO_RUNS
from desktop.ui.progress.charts.parts.axes import Axis
from desktop.ui.progress.charts.parts.series import Dots
from desktop.ui.progress.view import ProgressView
from tests.test_late_runs_progress import run_on
from tests.ui.test_progress_view import NOW, TODAY

SUNDAYS = [TODAY - timedelta(days=3, weeks=n) for n in range(6, -1, -1)]  # 17 Jan .. 28 Feb
CADENCE = [7.0, 6.0, 5.0, 4.5, 3.0, 2.5, 1.5]


def _athlete(store: Store) -> int:
    return store.db.execute("SELECT id FROM athletes ORDER BY id").fetchone()[0]


def _add(store: Store, *runs: RunRecord) -> None:
    athlete = _athlete(store)
    for run in runs:
        assert add_run(store, replace(run, athlete_id=athlete), imported_at=NOW) is not None


def long_runs() -> list[RunRecord]:
    """Seven Sunday long runs, the cadence drop shrinking; the fifth (14 Feb) hilly."""
    return [
        run_on(
            day,
            cadence=cadence,
            fade=cadence * 1.5,
            decoupling=cadence + 1.0,
            ascent=450.0 if day == date(2027, 2, 14) else 60.0,
        )
        for day, cadence in zip(SUNDAYS, CADENCE, strict=True)
    ]


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    data_dir.mkdir(parents=True, exist_ok=True)
    populate(data_dir, today=TODAY)
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    with opened.db.atomic():  # the synthetic build-up's own long runs: these tests bring theirs
        opened.db.execute("DELETE FROM run_splits")
        opened.db.execute("DELETE FROM runs")
    yield opened
    opened.close()


def shown(qtbot: QtBot, store: Store) -> ProgressView:
    view = ProgressView(ProgressSource(store, now=lambda: NOW))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_each_long_run_is_drawn_with_its_three_figures_and_the_headline(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    _add(store, *long_runs(), run_on(SUNDAYS[-1] + timedelta(days=2), minutes=40, km=8.0))
    view = shown(qtbot, store)
    panel = view.late_runs
    assert not panel.is_empty
    # Hilly 14 Feb left out: 17 and 24 Jan give (7 + 6) / 2, 21 and 28 Feb (2.5 + 1.5) / 2.
    assert panel.heading.caption == (
        "Last-quarter cadence drop: 6 spm in January, 2 spm now (hilly runs left out)"
    )
    xs = [noon_seconds(day) for day in SUNDAYS]
    dots = [m for m in panel.plot.data.marks if isinstance(m, Dots)]
    assert [d.xs.tolist() for d in dots] == [xs] * 3, "the 40-minute run is not a long run"
    assert [d.ys.tolist() for d in dots] == [
        [c * 1.5 for c in CADENCE],
        [c * 1.5 for c in CADENCE],  # on the right axis: 7 spm as high as 10.5 %, the top slip
        [c + 1.0 for c in CADENCE],
    ]
    assert panel.legend.names == (
        "Pace fade (%)",
        "Cadence drop (spm)",
        "Decoupling (%)",
        "Hilly run",
    )
    labels = [text for text, _ in panel.plot.overlay.text_rects()]
    assert labels == ["hilly"]
    view.grab().save(str(tmp_path / "late-runs.png"))
    read = panel.readout.show_at(noon_seconds(date(2027, 2, 14)), 0.0)
    assert read == (
        "Sun 14 Feb 2027 · build-up week 7\n30.0 km long run · hilly\nPace fade +4.5 %\n"
        "Cadence drop +3.0 spm\nDecoupling +4.0 %\nClimb 15 m per km"
    )
    low, high = panel.plot.getViewBox().viewRange()[0]
    assert (low, high) == pytest.approx(view.adherence.plot.getViewBox().viewRange()[0])


def test_no_runs_tells_how_to_import_them_and_short_runs_why_nothing_shows(
    qtbot: QtBot, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as store:
        create_athlete(store, "Ana", created_at=NOW)
        view = shown(qtbot, store)
        panel = view.late_runs
        assert panel.is_empty and panel.empty_text == NO_RUNS
        assert "File → Import runs…" in NO_RUNS and panel.heading.caption == CAPTION
        assert not panel.save_button.isEnabled()
        _add(store, run_on(TODAY - timedelta(days=1), minutes=45, km=9.0))
        view.refresh()
        assert panel.is_empty and panel.empty_text == NO_LONG_RUNS


def test_an_imported_long_run_appears_on_the_change_notification(
    qtbot: QtBot, store: Store
) -> None:
    view = shown(qtbot, store)
    changes = LogChanges()
    signal = ChangeSignal(changes, parent=view)
    signal.changed.connect(view.on_log_changed)
    assert view.late_runs.is_empty
    _add(store, *long_runs()[:1])
    changes.report("session")  # what an import reports once it has committed
    qtbot.waitUntil(lambda: not view.late_runs.is_empty)
    assert view.late_runs.heading.caption.startswith("Last-quarter cadence drop: 7 spm on Sun")


def test_a_change_that_leaves_the_runs_alone_does_not_rebuild_the_panel(
    qtbot: QtBot, store: Store
) -> None:
    """Every set logged redraws Progress; the long runs' series are built again only when
    what the panel draws changed."""
    _add(store, *long_runs()[:3])
    view = shown(qtbot, store)
    changes = LogChanges()
    signal = ChangeSignal(changes, parent=view)
    signal.changed.connect(view.on_log_changed)
    data, backdrop = view.late_runs.plot.data.marks, view.late_runs.plot.backdrop.marks
    before = view.data
    changes.report("set")
    qtbot.waitUntil(lambda: view.data is not before)
    assert view.late_runs.plot.data.marks is data, "the same series, not built again"
    assert view.late_runs.plot.backdrop.marks is backdrop
    _add(store, long_runs()[3])
    changes.report("runs")
    qtbot.waitUntil(lambda: view.late_runs.plot.data.marks is not data)
    dots = [m for m in view.late_runs.plot.data.marks if isinstance(m, Dots)]
    assert [len(d.xs) for d in dots] == [4, 4, 4]


def test_tab_reaches_the_panel_like_the_others(qtbot: QtBot, store: Store) -> None:
    _add(store, *long_runs())
    view = shown(qtbot, store)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.adherence.save_button.setFocus(Qt.FocusReason.TabFocusReason)
    seen = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert view.late_runs.save_button in seen
    assert view.cramps.save_button in seen


def axis_reading(axis: Axis) -> Callable[[float], float]:
    """What a value drawn at height y reads on `axis`: its tick labels' numbers, interpolated."""
    ticks = [(y, float(text.removesuffix(axis.unit))) for y, text in axis.ticks()]
    assert len(ticks) >= 2, f"{axis.title!r}: {ticks}"
    (y0, v0), (y1, v1) = ticks[0], ticks[-1]
    return lambda y: v0 + (y - y0) * (v1 - v0) / (y1 - y0)


def test_each_axis_carries_one_quantity_with_its_unit(qtbot: QtBot, store: Store) -> None:
    """The slips in % on the left, the cadence drop in spm on the right: every tick label says
    its unit, and each figure's marks read their own values off the axis of their unit."""
    _add(store, *long_runs())
    view = shown(qtbot, store)
    panel = view.late_runs
    left, right = panel.plot.getAxis("left"), panel.plot.getAxis("right")
    assert [text for _, text in left.ticks()] and all(t.endswith("%") for _, t in left.ticks())
    assert [text for _, text in right.ticks()]
    assert all(text.endswith(" spm") for _, text in right.ticks())
    assert right.title == "Cadence drop" and left.title == "Slip late"
    on_left, on_right = axis_reading(left), axis_reading(right)
    dots = [m for m in panel.plot.data.marks if isinstance(m, Dots)]
    fade, cadence, decoupling = (
        [on(y) for y in d.ys] for on, d in zip((on_left, on_right, on_left), dots, strict=True)
    )
    assert fade == pytest.approx([c * 1.5 for c in CADENCE])
    assert cadence == pytest.approx(CADENCE)
    assert decoupling == pytest.approx([c + 1.0 for c in CADENCE])
    assert [name for name in panel.legend.names if "(" in name] == [
        "Pace fade (%)",
        "Cadence drop (spm)",
        "Decoupling (%)",
    ]
