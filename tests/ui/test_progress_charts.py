"""The Progress charts' own drawing: axes, painted marks, legends, menus and header widgets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from bench.synthetic import populate
from db.store import Store, open_store
from desktop.domain.progress.chart_series import noon_seconds
from desktop.progress.series import ProgressSource
from desktop.ui.progress.charts.parts.axes import date_ticks, round_ticks
from desktop.ui.progress.charts.parts.layers import Label, Rule
from desktop.ui.progress.charts.parts.series import Dots
from desktop.ui.progress.view import ProgressView

TODAY = date(2027, 3, 3)
NOW = datetime.combine(TODAY, time(19)).astimezone(UTC)
DAY = 86_400.0


@pytest.fixture
def view(qtbot, data_dir: Path) -> Iterator[ProgressView]:
    data_dir.mkdir(parents=True, exist_ok=True)
    populate(data_dir, today=TODAY)
    store: Store = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    shown = ProgressView(ProgressSource(store, now=lambda: NOW))
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    store.close()


def test_dates_read_as_months_over_a_build_up_and_finer_when_zoomed_in(qapp) -> None:
    metrics = QFontMetricsF(QFont())
    start = noon_seconds(date(2026, 11, 22))
    months = date_ticks(start, start + 100 * DAY, 570, metrics)
    assert [text for _, text in months] == ["Dec", "2027", "Feb", "Mar"]
    assert months[1][0] == datetime(2027, 1, 1).timestamp()
    weeks = date_ticks(start, start + 30 * DAY, 600, metrics)
    assert all(datetime.fromtimestamp(value).weekday() == 0 for value, _ in weeks)
    assert weeks[0][1] == "23 Nov" and len(weeks) == 5
    days = date_ticks(start, start + 8 * DAY, 600, metrics)
    assert [text for _, text in days][:3] == ["23 Nov", "24 Nov", "25 Nov"]
    years = date_ticks(start, start + 12 * 365 * DAY, 300, metrics)
    assert [text for _, text in years][:2] == ["2027", "2028"]
    assert date_ticks(start, start, 300, metrics) == []


def test_value_ticks_are_round_numbers_a_readable_distance_apart() -> None:
    assert round_ticks(0, 10.6, 85) == [(v, f"{v}") for v in (0, 2, 4, 6, 8, 10)]
    loads = [value for value, _ in round_ticks(55.3, 96.1, 220)]
    assert loads == [60, 65, 70, 75, 80, 85, 90, 95]
    assert round_ticks(0.5, 0.5, 100) == []


def test_dots_are_stamped_on_screen_and_drawn_as_shapes_in_exports(view: ProgressView) -> None:
    """A red dot at a known point shows on screen and, twice as big, in a 2x render."""
    plot = view.strength.plot
    first, last = plot.getViewBox().viewRange()[0]
    low, high = plot.getViewBox().viewRange()[1]
    x, y = (first + last) / 2, (low + high) / 2
    plot.data.set_marks([Dots.at([x], [y], "#ff0000", size=12)])
    centre = plot.getViewBox().mapViewToScene(QPointF(x, y))
    on_screen = view.graphics.viewport().mapTo(view, view.graphics.mapFromScene(centre))
    assert view.grab().toImage().pixelColor(on_screen) == QColor("#ff0000")
    area = plot.sceneBoundingRect()
    image = QImage(int(area.width() * 2), int(area.height() * 2), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    view.graphics.scene().render(painter, QRectF(image.rect()), area)
    painter.end()
    inside = (centre - area.topLeft()) * 2 + QPointF(4, 4)  # 4 of the dot's 12 pixels off centre
    assert image.pixelColor(inside.toPoint()) == QColor("#ff0000")


def test_every_legend_names_what_its_chart_draws(view: ProgressView) -> None:
    assert view.adherence.legend.names == (
        "Planned",
        "Done ≥ 80%",
        "50–79%",
        "Under 50%",
        "Coming up",
        "Build-up adherence",
    )
    assert view.strength.legend.names == ("Estimated 1RM (Epley)", "Top set")
    assert view.cramps.legend.names == ("No cramp", "Mild", "Hard", "Stopped")
    assert view.quality.legend.names[:2] == ("Rest inside 3–5 min", "Rest outside 3–5 min")
    assert len(view.quality.legend.names) == 5
    assert view.quality.legend.columns_at(1000) == 3
    assert view.quality.legend.columns_at(300) == 1


def test_the_build_up_chart_marks_today_race_day_and_counts_down(view: ProgressView) -> None:
    marks = view.adherence.plot.overlay.marks
    rules = {mark.label: mark for mark in marks if isinstance(mark, Rule)}
    assert rules["Today"].x == noon_seconds(TODAY) and rules["Today"].dashed
    assert rules["Race"].x == noon_seconds(view.data.race_date)
    countdown = [mark.text for mark in marks if isinstance(mark, Label) and mark.bold]
    assert countdown == [str(n) for n in range(14, 0, -1)]
    names = [m.text for m in view.adherence.plot.backdrop.marks if isinstance(m, Label)]
    assert names == ["Phase 1", "Phase 2", "Taper"]


def test_the_right_click_menu_is_built_when_asked_for_and_view_all_goes_home(
    view: ProgressView,
) -> None:
    box = view.cramps.plot.getViewBox()
    assert box.menu is None
    home = box.viewRange()
    box.setXRange(home[0][0] + 20 * DAY, home[0][1] + 20 * DAY, padding=0)
    menu = box.getMenu(None)
    assert menu is box.menu and menu.viewAll.text() == "View All"
    menu.viewAll.trigger()
    assert box.viewRange()[0] == pytest.approx(home[0])
    assert view.adherence.plot.getViewBox().viewRange()[0] == pytest.approx(home[0])


def test_the_lift_chooser_and_save_buttons_stay_on_their_title_lines(
    qtbot, view: ProgressView
) -> None:
    def placed() -> None:
        panel = view.strength
        top_left = view.graphics.mapFromScene(panel.mapToScene(QPointF(0, 0)))
        chooser, button = panel.chooser.geometry(), panel.save_button.geometry()
        assert chooser.left() > top_left.x() + panel.heading.title_width()
        assert chooser.right() < button.left()
        assert abs(chooser.top() - button.top()) < 4
        assert button.top() - top_left.y() < 12
        assert button.right() <= top_left.x() + panel.size().width()

    placed()
    view.resize(1000, 640)
    qtbot.waitUntil(lambda: view.graphics.width() < 1000)
    placed()
