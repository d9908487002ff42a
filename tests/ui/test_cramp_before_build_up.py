"""Every cramp report the runner logged is on the cramp chart, even one dated before the
build-up's first day (it used to say "No cramp reports yet" right after one was logged)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from db.checkins import record_cramp_report
from desktop.domain.progress.chart_series import noon_seconds
from desktop.progress.series import ProgressSource
from desktop.ui.progress.view import ProgressView
from tests.planning_support import (
    BEFORE_START,
    OFFSCREEN_SIZE_HINTS,
    WEEK1,
    Harness,
    at_noon,
)

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


def report_cramp(harness: Harness, day: date) -> None:
    """A calf cramp at 28 km in the long run of `day`, reported that day."""
    record_cramp_report(
        harness.store,
        athlete_id=harness.athlete_id(),
        date=day,
        cramped=True,
        sites=("calf",),
        severity=2,
        distance_km=28.0,
        created_at=at_noon(day),
    )


def shown_progress(qtbot: QtBot, harness: Harness) -> ProgressView:
    view = ProgressView(ProgressSource(harness.store, now=harness.clock))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("today", [BEFORE_START, WEEK1 + timedelta(weeks=2)])
def test_a_report_from_before_the_first_week_is_charted(
    qtbot: QtBot, harness: Harness, today
) -> None:
    harness.clock.set_day(today)
    report_cramp(harness, BEFORE_START)
    view = shown_progress(qtbot, harness)
    assert [mark.day for mark in view.data.cramps] == [BEFORE_START]
    assert not view.cramps.is_empty, "not 'No cramp reports yet'"
    low, high = view.cramps.plot.getViewBox().viewRange()[0]
    assert low < noon_seconds(BEFORE_START) < high, "the mark is inside the chart"
    adherence_low, _ = view.adherence.plot.getViewBox().viewRange()[0]
    assert adherence_low == pytest.approx(low), "the charts above share the same time line"


def test_a_report_from_an_earlier_build_up_leaves_the_time_line_on_this_one(
    qtbot: QtBot, harness: Harness
) -> None:
    """A runner on their second build-up: last year's reports stay in the log but off these
    charts, whose weeks would otherwise shrink to a sliver at the right of a year-wide line."""
    harness.clock.set_day(WEEK1 + timedelta(weeks=2))
    for day in (WEEK1 - timedelta(days=400), BEFORE_START):
        report_cramp(harness, day)
    view = shown_progress(qtbot, harness)
    assert [mark.day for mark in view.data.cramps] == [BEFORE_START]
    low, _ = view.adherence.plot.getViewBox().viewRange()[0]
    assert low > noon_seconds(WEEK1 - timedelta(weeks=4)), "the line starts near week 1"
