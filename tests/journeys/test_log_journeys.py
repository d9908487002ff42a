"""The first start's set-up and a History correction, by keyboard only, in the real program."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QRect

from tests.gym_support import finished_session
from tests.journeys.real_app import RunningApp, desktop_exec, poll

Start = Callable[..., RunningApp]


def whole_window(app: RunningApp, window: int) -> str:
    """Everything the window says, read by OCR (about a second: used once per journey)."""
    return app.x.read_text(app.geometry(window))


def test_welcome_then_set_up_by_keyboard_shows_the_build_up(start: Start) -> None:
    race = date.today() + timedelta(weeks=15)
    command = desktop_exec()
    assert command == ["cramproof"], "the menu entry starts the window"
    app = start(command=command)
    main = app.window("Welcome — Cramproof")
    app.press(main, "Return")  # the focused "Set up your build-up…"
    form = app.window("Set up your build-up")
    app.type(form, "Ana")
    app.press(form, "Tab")
    app.type(form, race.isoformat())
    app.press(form, "Return")
    app.window("Ana — Cramproof")
    assert app.rows("SELECT race_date FROM plans") == [(race.isoformat(),)]
    weeks = app.rows("SELECT count(DISTINCT week) FROM planned_days")[0][0]
    assert weeks >= 11, "every week with strength work is planned"
    seen = poll(
        "the build-up on screen",
        lambda: (text := whole_window(app, main)) and "Ana's build-up" in text and text,
    )
    assert f"Race day {race:%A} {race.day} {race:%B %Y}" in seen.replace("\n", " ")
    assert "Taper" in seen and "Phase 1" in seen, seen


def test_a_load_corrected_in_history_by_keyboard_is_stored(start: Start, data_dir: Path) -> None:
    finished_session(data_dir)
    app = start()
    main = app.window("Welcome — Cramproof")
    app.press(main, "F4")
    app.window("History — Cramproof")
    # From the session list to its sets, to the first set (Ctrl+Home), right to its Load column.
    app.press(main, "Tab", "ctrl+Home", "Right", "Right", "Right", "Right", "Return")
    app.type(main, "22.5")
    app.press(main, "Return")
    loads = "SELECT load_kg FROM sets ORDER BY id"
    poll("the corrected load stored", lambda: app.rows(loads) == [(22.5,), (20.0,)], timeout=5)
    sets = app.geometry(main)
    table = QRect(sets.x() + sets.width() // 2, sets.y(), sets.width() // 2, sets.height() // 3)
    assert "22.5" in app.x.read_text(table)
