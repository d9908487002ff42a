"""The Progress screen lives through the high-contrast theme switched on and off, then a resize.

The theme replaces the application's style, and the charts' layouts kept the one they first met:
the next layout (a resize, or the screen fitting its charts' height) read the deleted style and
Cramproof crashed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bench.synthetic import populate
from db.store import open_store
from desktop.progress.series import ProgressSource
from desktop.ui.common.theme import apply_theme
from desktop.ui.progress.view import ProgressView


def test_a_resize_after_the_theme_went_on_and_off_lays_the_charts_out(
    qtbot: QtBot, data_dir: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # Screens earlier tests closed go first: the theme's palette would have them read their
    # closed logs again.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    populate(data_dir)
    now = datetime.now(UTC)
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=now) as store:
        view = ProgressView(ProgressSource(store, now=lambda: now))
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        qtbot.waitExposed(view)
        try:
            for high_contrast in (True, False):
                apply_theme(app, high_contrast=high_contrast)  # as View → High contrast does
                QApplication.processEvents()
            view.resize(1024, 700)
            qtbot.waitUntil(lambda: view.adherence.size().width() < 600)
        finally:
            apply_theme(app, high_contrast=False)  # while the log the screen reads is open
        bars = view.adherence.plot.getViewBox().sceneBoundingRect()
        late = view.late_runs.plot.getViewBox().sceneBoundingRect()
        assert (late.left(), late.right()) == pytest.approx((bars.left(), bars.right()))
        view.close()
