"""Gym mode as a runner meets it: started from the menu's action or F5, driven by the keys on
screen, killed mid-rest and resumed, and under the high-contrast theme."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from tests.journeys.real_app import RunningApp, desktop_exec, poll

Start = Callable[..., RunningApp]
SET_DONE = ("space", "space", "Return")  # start the set, set done, save it (gym_keys.py)
# Before 3:00 of a heavy rest, Space asks once ("Space again: start now · Esc: keep resting").
SET_DONE_EARLY = ("space", *SET_DONE)
# A fresh log's first heavy session asks a starting load for its three loaded lifts (squat,
# deadlift, lunge); Esc to each leaves them to the set form (Space does nothing there).
LEAVE_LOADS = ("Escape",) * 3


def sets_stored(app: RunningApp) -> int:
    return app.rows("SELECT count(*) FROM sets")[0][0]


def gym_window(app: RunningApp) -> int:
    """Gym mode on show: the main window's title names it."""
    return app.window(r"(.+ – )?Gym mode — Cramproof")


def test_the_menu_action_opens_gym_mode_and_two_sets_are_stored(start: Start) -> None:
    command = desktop_exec("start-session")
    assert command == ["cramproof", "gym"], "the desktop entry's Start today's session action"
    app = start(command=command)
    main = app.window("Cramproof.*")
    shown = app.settled_title(main)
    assert "Gym mode" in shown, f"the window shows {shown!r}, not gym mode"
    app.press(main, *LEAVE_LOADS, *SET_DONE)
    poll("the first set stored", lambda: sets_stored(app) == 1)
    app.press(main, *SET_DONE_EARLY)
    poll("the second set stored", lambda: sets_stored(app) == 2)
    assert app.rows("SELECT kind, state FROM sessions") == [("heavy", "in_progress")]
    assert gym_window(app) == main


def timer_seconds(app: RunningApp, window: int) -> int | None:
    """The rest timer's big digits, read by OCR from the screen; None while unreadable."""
    frame = app.geometry(window)
    digits = QRect(
        frame.x() + frame.width() // 5,
        frame.y() + frame.height() * 22 // 100,
        frame.width() * 3 // 5,
        frame.height() * 36 // 100,
    )
    match = re.search(r"(\d+):(\d\d)", app.x.read_text(digits, line=True))
    return int(match[1]) * 60 + int(match[2]) if match else None


def test_killed_mid_rest_the_restart_resumes_the_running_rest_and_the_next_set(
    start: Start,
) -> None:
    app = start()
    main = app.window("Welcome — Cramproof")
    app.press(main, "F5")
    gym_window(app)
    app.press(main, *LEAVE_LOADS, *SET_DONE)
    poll("the first set stored", lambda: sets_stored(app) == 1)
    before = poll(
        "the rest counting down", lambda: (s := timer_seconds(app, main)) and s <= 176 and s
    )
    app.kill()

    again = start()
    question = again.window("Resume the open session\\?")
    again.press(question, "Return")
    main = gym_window(again)
    resumed = poll("the rest timer readable", lambda: timer_seconds(again, main))
    assert resumed < before, f"the rest went on from {before} s, not from 3:00 ({resumed} s)"
    poll("the rest still running", lambda: (s := timer_seconds(again, main)) and s < resumed)
    again.press(main, *SET_DONE_EARLY)
    poll("the next set stored", lambda: sets_stored(again) == 2)
    assert again.rows("SELECT count(*), min(state) FROM sessions") == [(1, "in_progress")]
    (first, _), (second, rest) = again.rows("SELECT set_index, rest_before_s FROM sets ORDER BY id")
    assert second == first + 1, "the next set, not the first again"
    assert rest >= 180 - resumed, f"the stored rest ({rest} s) counts from before the kill"


def gym_page(app: RunningApp, window: int) -> QRect:
    """Gym mode's own page: the window without its menu bar, toolbar and status bar."""
    frame = app.geometry(window)
    top = frame.y() + frame.height() * 12 // 100
    return QRect(frame.x(), top, frame.width(), frame.y() + frame.height() * 94 // 100 - top)


def menu_bar(app: RunningApp, window: int) -> QRect:
    frame = app.geometry(window)
    return QRect(frame.x(), frame.y(), frame.width(), 20)


def test_high_contrast_changes_gym_mode_itself(start: Start) -> None:
    app = start()
    main = app.window("Welcome — Cramproof")
    app.press(main, "F5")
    gym_window(app)
    normal, normal_menu = (
        app.x.screenshot(gym_page(app, main)),
        app.x.screenshot(menu_bar(app, main)),
    )
    app.press(main, "ctrl+shift+g")
    poll(
        "the theme applied (the menu bar changed)",
        lambda: app.x.screenshot(menu_bar(app, main)) != normal_menu,
    )
    contrast = app.x.screenshot(gym_page(app, main))
    changed = changed_share(normal, contrast)
    # Before gym mode had its own high-contrast look only about 0.3 % changed (the chrome's edges).
    assert changed > 0.02, f"only {changed:.1%} of gym mode's pixels changed with the theme"


def changed_share(before: QImage, after: QImage) -> float:
    """The share of pixels that differ between two screenshots of the same place."""
    assert before.size() == after.size()
    first, second = (
        memoryview(image.convertToFormat(QImage.Format.Format_RGB32).constBits()).cast("I")
        for image in (before, after)
    )
    return sum(a != b for a, b in zip(first, second, strict=True)) / len(first)
