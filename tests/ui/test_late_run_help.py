"""Help explains every figure of "Do my legs hold late?" to a runner, with what better looks like:
read from the Help dialog the window opens, not from the file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.store import open_store
from desktop.runtime.paths import AppPaths
from desktop.ui.progress.charts.panels.late_run_chart import FIGURES
from desktop.ui.shell.help_dialogs import WhyDialog
from desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def help_text(qtbot: QtBot, data_dir: Path) -> Iterator[str]:
    data_dir.mkdir(parents=True)
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    with open_store(paths.database, backups_dir=paths.backups, now=datetime.now(UTC)) as store:
        window = MainWindow(store=store, paths=paths)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.view_actions.why_action.trigger()
        dialog = window.view_actions.dialog
        assert isinstance(dialog, WhyDialog)
        qtbot.waitExposed(dialog)
        yield dialog.browser.toPlainText()
        dialog.close()
        window.close()


def test_help_names_each_figure_the_panel_draws_and_what_better_is(help_text: str) -> None:
    assert "Do my legs hold late?" in help_text
    paragraphs = [p for p in help_text.split("\n") if p.strip()]
    for _, legend, _, _ in FIGURES:
        name = re.sub(r" \(.*\)$", "", legend).lower()  # "Pace fade (%)" -> "pace fade"
        explained = [p for p in paragraphs if name in p.lower() and "Better:" in p]
        assert explained, f"Help explains {name!r} with what better looks like"
    assert any(p.startswith("Hilly runs") and "10 m or more per km" in p for p in paragraphs)
    assert "File → Import runs…" in help_text
    assert "Late-race cramps are mostly fatigue" in help_text, "the page it joins is still there"
