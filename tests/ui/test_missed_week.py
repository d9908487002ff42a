"""A week whose double days were all missed shows red on the adherence chart (PROTOCOL: red for
missed), not the plain outline of a week merely planned. Found by a trial of the real program."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from bench.synthetic import populate
from db.session_removal import delete_session
from db.store import Store, open_store
from desktop.domain.progress.chart_series import week_middle_seconds
from desktop.progress.series import ProgressSource
from desktop.ui.progress.charts.panels.adherence_chart import BAR_WIDTH_S
from desktop.ui.progress.charts.parts.palette import LIGHT
from desktop.ui.progress.charts.parts.series import Bars
from desktop.ui.progress.view import ProgressView

TODAY = date(2026, 12, 3)
NOW = datetime.combine(TODAY, time(18, 0), tzinfo=UTC)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    data_dir.mkdir(parents=True, exist_ok=True)
    populate(data_dir, today=TODAY)
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    yield opened
    opened.close()


def test_a_week_with_nothing_done_is_outlined_in_red(qtbot: QtBot, store: Store) -> None:
    source = ProgressSource(store, now=lambda: NOW)
    data = source.load()
    assert data is not None
    second = data.weeks[1].week
    missed = store.db.execute(  # the runner did none of the second week's sessions
        "SELECT id FROM sessions WHERE started_at >= ? AND started_at < ?",
        [str(second.start), str(second.end + timedelta(days=1))],
    ).fetchall()
    assert missed
    for (session_id,) in missed:
        delete_session(store, session_id)
    view = ProgressView(ProgressSource(store, now=lambda: NOW))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    weeks = view.data.weeks if view.data else ()
    assert weeks[1].settled and weeks[1].done == 0 and weeks[0].done > 0
    planned = [m for m in view.adherence.plot.data._marks if isinstance(m, Bars)][-1]
    edges = [edge[0] if edge else None for edge in planned.edges]
    assert edges[1] == LIGHT.red
    assert edges[0] != LIGHT.red  # a week done keeps the plain outline
    # Across the middle of the second week's bar, from well left of it to well right of it.
    box = view.adherence.plot.getViewBox()
    middle = week_middle_seconds(weeks[1].week)
    graphics = view.graphics

    def on_view(x: float) -> QPoint:
        return graphics.mapTo(view, graphics.mapFromScene(box.mapViewToScene(QPointF(x, 0.5))))

    left, right = on_view(middle - BAR_WIDTH_S), on_view(middle + BAR_WIDTH_S)
    image = view.grab().toImage()
    row = [image.pixelColor(x, left.y()) for x in range(left.x(), right.x() + 1)]
    assert QColor(LIGHT.red) in row
