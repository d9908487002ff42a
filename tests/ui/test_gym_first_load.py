"""The first heavy session asks, by keyboard, for each lift's starting load; the next does not.

Before, it opened at the empty bar with no warm-ups and asked nothing: the runner had to notice
and type a load on the set form.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.sessions import sets_for_session
from db.store import Store, open_store
from desktop.domain.gym.workout import Prompt, Stage
from desktop.gym.opening.resume import session_to_open
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.spoken import resumed_cue_words
from desktop.runtime.paths import AppPaths
from desktop.ui.gym.view import GymView
from desktop.ui.shell.main_window import MainWindow
from tests.fake_clock import FakeClock
from tests.gym_support import fake_clock, plan_for_today
from tests.ui.gym_ui import SCREEN, focused, press, show_view, type_text, wait

K = Qt.Key


def answer(qtbot: QtBot, view: GymView, name: str, default: str, load: str) -> None:
    """The question is on its own page, its field focused with the default selected."""
    page = view.start_load
    assert view.pages.currentWidget() is page and page.name.text() == name
    assert focused(view) is page.field
    assert (page.field.text(), page.field.selectedText()) == (default, default)
    if load:
        type_text(qtbot, view, load)
        press(qtbot, view, K.Key_Return)
    else:
        press(qtbot, view, K.Key_Escape)


def one_set(qtbot: QtBot, view: GymView, clock: FakeClock) -> None:
    """W (no warm-ups), Space, 30 s, Space, Enter as shown, then S: on to the next lift."""
    press(qtbot, view, K.Key_W)
    press(qtbot, view, K.Key_Space)
    wait(view, clock, 30)
    press(qtbot, view, K.Key_Space)
    press(qtbot, view, K.Key_Return)
    press(qtbot, view, K.Key_S)


def test_the_first_heavy_session_asks_and_the_second_does_not(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    plan_for_today(store, clock)
    view = show_view(qtbot, start_workout(store, clock=clock, kind="heavy"), tmp_path)
    page = view.start_load
    assert "only 4–5 times" in page.question.text() and "Esc" in page.keys.text()
    assert "Enter use it" in view.controls.hints.text()
    answer(qtbot, view, "Back squat", "40", "60")
    answer(qtbot, view, "Deadlift", "60", "80")
    answer(qtbot, view, "Reverse lunge", "10", "")  # Esc: I'll set it on the form
    assert view.session.prompt is None and focused(view) is view
    panel = view.set_panel
    assert view.pages.currentWidget() is panel
    assert (panel.name.text(), panel.set_line.text()) == ("Back squat", "Warm-up 1 of 3")
    assert panel.target.text() == "5 reps × 20 kg" and panel.plates.text() == "Empty bar (20 kg)"
    press(qtbot, view, K.Key_W)
    assert (panel.set_line.text(), panel.target.text()) == ("Set 1 of 3", "4–5 reps × 60 kg")
    press(qtbot, view, K.Key_Space)
    wait(view, clock, 30)
    press(qtbot, view, K.Key_Space)
    assert view.log_panel.load.text() == "60"
    press(qtbot, view, K.Key_Return)
    assert [row.load_kg for row in sets_for_session(store, view.session.session_id)] == [60.0]
    press(qtbot, view, K.Key_S)
    wait(view, clock, 200)
    assert "Deadlift · Warm-up 1 of 3 · 5 reps × 20 kg" in view.timer_panel.next_line.text()
    one_set(qtbot, view, clock)
    wait(view, clock, 200)
    one_set(qtbot, view, clock)
    assert view.session.stage is Stage.SUMMARY
    press(qtbot, view, K.Key_Return, ctrl=True)
    assert view.session.finished
    loads = [row.load_kg for row in sets_for_session(store, view.session.session_id)]
    assert loads == [60.0, 80.0, 0.0], "the lunge left to the form: bodyweight, as before"

    later = fake_clock(clock.wall() + timedelta(days=7))
    second = show_view(qtbot, start_workout(store, clock=later, kind="heavy"), tmp_path)
    assert second.session.prompt is not Prompt.START_LOAD
    assert second.pages.currentWidget() is second.set_panel and focused(second) is second
    assert second.set_panel.target.text() == "5 reps × 20 kg"
    press(qtbot, second, K.Key_W)
    # One clean set of three, then skipped: the answered load is kept, not raised.
    assert second.set_panel.target.text() == "4–5 reps × 60 kg", "60 kg kept after 1 of 3 sets"


def test_gym_mode_opened_from_the_window_takes_the_digits_typed(
    qtbot: QtBot, data_dir: Path
) -> None:
    """F5's path: the window focuses gym mode after drawing it; the default is still selected,
    so "60" is 60 kg, not "4060"."""
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    data_dir.mkdir(parents=True)
    store = open_store(paths.database, backups_dir=paths.backups, now=datetime.now(UTC))
    window = MainWindow(store=store, paths=paths)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # F5 in the open window
    gym = window.gym.open("heavy")
    assert gym is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is gym.start_load.field)
    qtbot.keyClicks(gym.start_load.field, "60")
    qtbot.keyClick(gym.start_load.field, K.Key_Return)
    assert gym.session.plan.slots[0].start_kg == 60.0
    assert gym.start_load.name.text() == "Deadlift", "then the next lift is asked about"
    window.close()


def test_space_at_the_question_logs_nothing_at_the_empty_bar(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """Space starts a set everywhere else; here it started the squat at the empty bar, and a
    set saved from there was a work set at 20 kg that the next session built its load from.
    Now it does nothing: the question stays, its field keeps the focus and the typed digits."""
    plan_for_today(store, clock)
    view = show_view(qtbot, start_workout(store, clock=clock, kind="heavy"), tmp_path)
    page = view.start_load
    type_text(qtbot, view, "6")
    for key in (K.Key_Space, K.Key_Space, K.Key_Space):
        press(qtbot, view, key)
    assert view.pages.currentWidget() is page and page.name.text() == "Back squat"
    assert focused(view) is page.field and page.field.text() == "6"
    assert view.session.stage is Stage.READY and view.session.prompt is Prompt.START_LOAD
    assert "Space" not in view.controls.hints.text(), "the hint names no key that does nothing"
    assert view.controls.primary.text() == "Use this load  (Enter)"
    type_text(qtbot, view, "0")
    qtbot.wait(20)
    view.grab().save("/tmp/gymfix_space.png")
    qtbot.mouseClick(view.controls.primary, Qt.MouseButton.LeftButton)  # the button: Enter's
    assert view.session.plan.slots[0].start_kg == 60.0
    assert sets_for_session(store, view.session.session_id) == []


def test_after_a_crash_at_the_load_questions_the_offer_names_what_the_screen_shows(
    qtbot: QtBot, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """Killed after answering for the squat: the offer said "next is Back squat, warm-up 1 of
    3" while the screen reopened on the deadlift's question."""
    plan_for_today(store, clock)
    view = show_view(qtbot, start_workout(store, clock=clock, kind="heavy"), tmp_path)
    answer(qtbot, view, "Back squat", "40", "60")
    assert view.start_load.name.text() == "Deadlift"
    view.hide()  # the process dies here: what is stored is what a restart finds
    offers: list[str] = []
    resumed = session_to_open(store, clock=clock, ask=lambda text: offers.append(text) or True)
    again = show_view(qtbot, resumed, tmp_path)
    assert again.pages.currentWidget() is again.start_load
    assert again.start_load.name.text() == "Deadlift"
    assert "Deadlift" in offers[0] and "starting load" in offers[0], offers[0]
    assert "Back squat" not in offers[0] and "warm-up" not in offers[0], offers[0]
    assert resumed_cue_words(resumed) == "Resumed: the starting load for Deadlift."
    assert "No set was saved yet." in offers[0] and "0 saved sets" not in offers[0], offers[0]
