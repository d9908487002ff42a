"""The Plan screen reads whole at 1024×600 and up: no header or cell of the table is elided
or cut off (it said "peed-run day (Wed" and "? if ga…" at 1200 px), and the words "gate" and
"Phase 1/2" are explained where they appear."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from desktop.plan.planning import Planning
from desktop.runtime.paths import AppPaths
from desktop.ui.common.window_state import first_geometry
from desktop.ui.plan.table import DAY_COLUMNS, PlanTable
from desktop.ui.shell.main_window import MainWindow
from tests.planning_support import FORM, OFFSCREEN_SIZE_HINTS, WEEK1, at_noon, open_test_store

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)
# Week 4: phase 2 has begun, and the speed-run days say "? if gate opens".
TODAY = WEEK1 + timedelta(weeks=3, days=1)


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    store = open_test_store(data_dir)
    now = lambda: at_noon(TODAY)  # noqa: E731
    planning = Planning(store, now=now)
    planning.set_up(FORM)
    if (due := planning.checkin_due()) is not None:
        planning.record_checkin(due.week_start, pain=False, recovered=True)
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    shown = MainWindow(store=store, paths=paths, now=now)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def cut_texts(table: PlanTable) -> list[str]:
    """Every header and cell whose text does not fit its section, as Qt would elide it."""
    style = table.style()
    header = table.horizontalHeader()
    header_margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cell_margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    cut = []
    header_metrics = QFontMetrics(header.font())
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        assert item is not None
        lines = item.text().split("\n")
        need = max(header_metrics.horizontalAdvance(line) for line in lines)
        if need + 2 * header_margin > header.sectionSize(column):
            cut.append(f"header {item.text()!r}: {need} px in {header.sectionSize(column)}")
        if header_metrics.lineSpacing() * len(lines) > header.height():
            cut.append(f"header {item.text()!r}: {len(lines)} lines in {header.height()} px")
    right_edge = table.viewport().width()
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None or not item.text():
                continue
            span = table.columnSpan(row, column)
            width = sum(table.columnWidth(column + k) for k in range(span))
            metrics = QFontMetrics(item.font())
            need = metrics.horizontalAdvance(item.text()) + 2 * cell_margin
            if need > width:
                cut.append(f"cell {item.text()!r}: {need} px in {width}")
            if table.columnViewportPosition(column) + min(need, width) > right_edge:
                cut.append(f"cell {item.text()!r}: beyond the table's right edge")
            if metrics.height() > table.rowHeight(row):
                cut.append(f"cell {item.text()!r}: {metrics.height()} px high in a row of ")
    return cut


@pytest.mark.parametrize("size", [(1024, 600), (1200, 760), (1366, 768)])
def test_the_plan_table_reads_whole(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int], tmp_path: Path
) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    view = window.plan_view
    assert view is not None and view.isVisible()
    qtbot.wait(10)
    assert cut_texts(view.table) == []
    assert view.table.horizontalScrollBar().maximum() == 0, "nothing hidden to the right"
    assert view.legend.visibleRegion().boundingRect().height() == view.legend.height()
    button = view.start_button
    words = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
    assert words + 24 <= button.width(), f"{button.text()!r} is cut in {button.width()} px"
    current = view.table.week_row(4)
    assert current is not None
    row_top = view.table.rowViewportPosition(current)
    assert row_top >= 0 and row_top + view.table.rowHeight(current) <= (
        view.table.viewport().height()
    ), "this week's row is in sight"
    window.grab().save(str(tmp_path / f"plan-{size[0]}x{size[1]}.png"))


def test_gate_and_phases_are_explained_where_they_appear(window: MainWindow) -> None:
    view = window.plan_view
    assert view is not None
    table = view.table
    assert "Phase 1: one double day a week" in view.legend.text()
    assert "gate opens (three good weeks" in view.legend.text()
    row = table.week_row(4)
    assert row is not None
    phase = table.item(row, 2)
    assert phase.text() == "Phase 2"
    assert "second one after the speed run once the gate opens" in phase.toolTip()
    conditional = table.item(row, DAY_COLUMNS["speed_run"])
    assert "? if gate opens" in conditional.text()
    assert "The gate opens the second double day" in conditional.toolTip()
    speed_header = table.horizontalHeaderItem(DAY_COLUMNS["speed_run"])
    assert speed_header is not None and "gate" in speed_header.toolTip()
    assert table.model().headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_first_start_opens_at_a_size_that_fits_the_screen(qtbot: QtBot, data_dir: Path) -> None:
    """The test screen is 800×800: the window opens inside it, not at 1200×760."""
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    data_dir.mkdir(parents=True, exist_ok=True)
    shown = MainWindow(paths=paths, now=lambda: datetime.now(UTC))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    available = shown.screen().availableGeometry()
    assert available.contains(shown.geometry()), (shown.geometry(), available)
    shown.close()


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (QRect(0, 0, 1920, 1080), QRect(360, 160, 1200, 760)),
        (QRect(0, 0, 1366, 768), QRect(83, 20, 1200, 728)),
        (QRect(0, 24, 1024, 576), QRect(10, 44, 1004, 536)),  # a netbook with a top panel
    ],
)
def test_the_first_size_fits_the_free_area_centred(available: QRect, expected: QRect) -> None:
    placed = first_geometry(available, QSize(800, 500))
    assert placed == expected
    assert available.contains(placed)
