"""The plan view over a real log: every week on one screen, today highlighted, Start, details."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.plan.planning import Planning
from desktop.ui.plan.table import DAY_COLUMNS, cell_text
from desktop.ui.plan.theme import ACCENT, STATUS_STYLE, TAPER_BG
from desktop.ui.plan.view import PlanView
from tests.planning_support import (
    FORM,
    HEAVY_DONE,
    OFFSCREEN_SIZE_HINTS,
    WEEK1,
    Harness,
    log_session,
)

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def show(qtbot: QtBot, planning: Planning) -> PlanView:
    overview = planning.overview()
    assert overview is not None
    view = PlanView(overview)
    qtbot.addWidget(view)
    view.resize(1366, 680)
    view.show()
    qtbot.waitExposed(view)
    return view


def week_rows(view: PlanView) -> list[str]:
    table = view.table
    return [table.item(row, 0).text().removeprefix("▶ ") for row in range(table.rowCount())]


@pytest.mark.parametrize("weeks", [14, 15, 16])
def test_every_week_is_a_row_counted_down_to_race_day(
    qtbot: QtBot, harness: Harness, weeks: int
) -> None:
    harness.planning.set_up(replace(FORM, weeks=weeks))
    view = show(qtbot, harness.planning)
    rows = week_rows(view)
    assert rows[:-1] == [str(n) for n in range(weeks, 0, -1)]
    assert rows[-1] == "Race"
    assert "Sunday 18 April 2027" in view.table.item(len(rows) - 1, 1).text()


def test_today_is_highlighted_and_start_asks_for_the_heavy_session(
    qtbot: QtBot, harness: Harness
) -> None:
    today = WEEK1 + timedelta(weeks=3)
    harness.clock.set_day(today)
    view = show(qtbot, harness.planning)
    row = view.table.week_row(4)
    assert row is not None
    assert view.table.item(row, 0).text() == "▶ 11"
    cell = view.table.item(row, DAY_COLUMNS["long_run"])
    assert cell.text().startswith("▶ 31 Jan")
    assert cell.background().color().name() == STATUS_STYLE["today"][0]
    assert cell.font().bold()
    assert (view.table.currentRow(), view.table.currentColumn()) == (row, 3)
    assert "Sunday 31 January 2027" in view.detail.text()
    assert "4 sets × 4–5 reps" in view.detail.text()
    assert view.today_label.text() == "Today: heavy session, right after the long run."
    assert view.start_button.isEnabled()
    with qtbot.waitSignal(view.session_start_requested) as started:
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert started.args == ["heavy"]


def test_after_the_heavy_session_start_asks_for_the_light_one(
    qtbot: QtBot, harness: Harness
) -> None:
    today = WEEK1 + timedelta(weeks=3)
    harness.clock.set_day(today)
    log_session(
        harness.store, athlete_id=harness.athlete_id(), kind="heavy", day=today, sets=HEAVY_DONE
    )
    view = show(qtbot, harness.planning)
    assert view.start_button.text() == "&Start light session"
    with qtbot.waitSignal(view.session_start_requested) as started:
        view.start_button.click()
    assert started.args == ["light"]


def test_no_session_today_disables_start_and_names_the_next_day(
    qtbot: QtBot, harness: Harness
) -> None:
    harness.clock.set_day(WEEK1 + timedelta(days=3))
    view = show(qtbot, harness.planning)
    assert not view.start_button.isEnabled()
    assert view.today_label.text() == "Nothing to lift today. Next: Sun 17 Jan."
    with qtbot.assertNotEmitted(view.session_start_requested):
        view.start_button.click()


def test_taper_weeks_look_different_and_say_so(qtbot: QtBot, harness: Harness) -> None:
    view = show(qtbot, harness.planning)
    for weeks_out in (3, 2, 1):
        row = week_rows(view).index(str(weeks_out))
        item = view.table.item(row, 3)
        assert item.text() == "Taper: no strength work"
        assert item.background().color().name() == TAPER_BG
        assert view.table.columnSpan(row, 3) == 2
    row = week_rows(view).index("4")
    assert view.table.item(row, 3).background().color().name() != TAPER_BG


def test_selecting_a_day_with_the_keyboard_shows_its_prescription(
    qtbot: QtBot, harness: Harness
) -> None:
    view = show(qtbot, harness.planning)
    first = view.table.week_row(1)
    assert (view.table.currentRow(), view.table.currentColumn()) == (first, 3)
    for _ in range(3):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert "Sunday 31 January 2027" in view.detail.text()
    qtbot.keyClick(view.table, Qt.Key.Key_Right)
    text = view.detail.text()
    assert "Wednesday 3 February 2027" in text and "after the speed run" in text
    assert "only once the gate opens" in text
    speed = view.table.item(view.table.currentRow(), 4)
    assert speed.text() == "3 Feb  ? if gate opens"


def test_status_symbols_match_the_log(qtbot: QtBot, harness: Harness) -> None:
    overview = harness.planning.overview()
    assert overview is not None
    first = overview.days[0]
    log_session(
        harness.store,
        athlete_id=harness.athlete_id(),
        kind="heavy",
        day=WEEK1,
        sets=HEAVY_DONE,
        planned_day_id=first.day_id,
    )
    harness.clock.set_day(WEEK1 + timedelta(days=4))
    view = show(qtbot, harness.planning)
    cell = view.table.item(view.table.week_row(1), 3)  # type: ignore[arg-type]
    assert cell.text() == "10 Jan  H ✓  L ✗"
    assert cell.background().color().name() == STATUS_STYLE["partly"][0]
    refreshed = harness.planning.overview()
    assert refreshed is not None
    assert cell_text(refreshed.days[0]) == cell.text()


def test_a_new_overview_keeps_the_selected_day(qtbot: QtBot, harness: Harness) -> None:
    view = show(qtbot, harness.planning)
    view.table.setCurrentCell(view.table.week_row(5), 4)  # type: ignore[arg-type]
    selected = view.table.currentItem().text()
    overview = harness.planning.overview()
    assert overview is not None
    view.set_overview(overview)
    assert view.table.currentItem().text() == selected


def test_the_selected_day_keeps_its_own_colour_inside_an_accent_outline(
    qtbot: QtBot, harness: Harness
) -> None:
    """A selected day is drawn as unselected (its status colour, no focus tint) with an accent
    outline, so choosing a day never hides whether it was done. The cell with the keyboard's
    focus but no selection is drawn plain, with no outline."""
    view = show(qtbot, harness.planning)
    table = view.table
    row, column = view.table.week_row(5), DAY_COLUMNS["long_run"]  # type: ignore[arg-type]
    own = table.item(row, column).background().color().name()
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.waitUntil(table.hasFocus)
    rect = table.visualRect(table.model().index(row, column))

    def pixels() -> tuple[str, str]:
        shot = table.viewport().grab().toImage()
        centre = shot.pixelColor(rect.center()).name()
        edge = shot.pixelColor(rect.left() + 3, rect.center().y()).name()
        return centre, edge

    assert table.selectionModel().isSelected(table.currentIndex())
    assert pixels() == (own, ACCENT.lower())
    table.clearSelection()  # focus stays on the cell
    assert pixels() == (own, own)
