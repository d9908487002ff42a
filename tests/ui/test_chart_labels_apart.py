"""The adherence chart's labels never cover each other: "Today" used to sit on "Phase 1" in
the first days of a build-up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.progress.series import ProgressSource
from desktop.ui.progress.view import ProgressView
from tests.planning_support import (
    BEFORE_START,
    FORM,
    OFFSCREEN_SIZE_HINTS,
    WEEK1,
    Harness,
    open_harness,
)

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)


@pytest.fixture
def harness(data_dir: Path) -> Iterator[Harness]:
    with open_harness(data_dir, day=BEFORE_START) as opened:
        opened.planning.set_up(FORM)
        yield opened


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)])
@pytest.mark.parametrize("today", [WEEK1, WEEK1 + timedelta(days=2), WEEK1 + timedelta(weeks=3)])
def test_today_and_the_phase_names_do_not_overlap(
    qtbot: QtBot, harness: Harness, today: date, size: tuple[int, int]
) -> None:
    harness.clock.set_day(today)
    view = ProgressView(ProgressSource(harness.store, now=harness.clock))
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    plot = view.adherence.plot
    labels = plot.backdrop.text_rects() + plot.overlay.text_rects()
    names = [text for text, _rect in labels]
    assert "Today" in names and "Phase 1" in names
    top_labels = [
        (t, r) for t, r in labels if t in ("Today", "Race", "Phase 1", "Phase 2", "Taper")
    ]
    for index, (text, rect) in enumerate(top_labels):
        for other, other_rect in top_labels[index + 1 :]:
            assert not rect.intersects(other_rect), f"{text!r} covers {other!r}"
