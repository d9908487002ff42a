"""Every key the gym screen's hint line names does what the line says, on the screen as shown.

Before, the summary of a light session said "Tab note and cramp report" with no report on it,
"X one more set" after a session ended before its first set (X then did nothing), a first set
with no warm-ups said "W skip warm-ups", and Tab from the load field left gym mode. Each case
below reaches a screen with real keys, reads the hint line, and for each part of it starts the
same screen afresh, presses the key it names and checks what the runner then sees. A part with
no check here fails too: a new hint needs its check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.gym.workout import Prompt, Stage
from desktop.gym.underway.session import WorkoutSession
from desktop.ui.gym.view import GymView
from tests.fake_clock import FakeClock
from tests.gym_support import fake_clock, open_log, plan_for_today
from tests.ui.gym_ui import focused, open_view, press, type_text, wait

K = Qt.Key


@dataclass
class Screen:
    view: GymView
    clock: FakeClock
    qtbot: QtBot

    def press(self, key: Qt.Key, *, ctrl: bool = False) -> None:
        press(self.qtbot, self.view, key, ctrl=ctrl)

    @property
    def session(self) -> WorkoutSession:
        return self.view.session


Steps = Callable[[Screen], None]


def lift_one(screen: Screen) -> None:
    screen.press(K.Key_Space)
    wait(screen.view, screen.clock, 30)
    screen.press(K.Key_Space)
    screen.press(K.Key_Return)


def end_now(screen: Screen) -> None:
    screen.press(K.Key_E)
    screen.press(K.Key_Return)


# Each case: the session kind and the keys that reach the screen whose hint line is checked.
CASES: dict[str, tuple[str, list[Steps]]] = {
    "ready": ("heavy", []),
    "lifting": ("heavy", [lambda s: s.press(K.Key_Space)]),
    "logging": ("heavy", [lambda s: s.press(K.Key_Space), lambda s: s.press(K.Key_Space)]),
    "resting": ("heavy", [lift_one]),
    "summary after the long run": ("heavy", [lift_one, end_now]),
    "light summary, no set done": ("light", [end_now]),
    "swap question": ("heavy", [lambda s: s.press(K.Key_V)]),
    "finished": ("heavy", [lift_one, end_now, lambda s: s.press(K.Key_Return)]),
}


def tab_round(screen: Screen, key: Qt.Key = K.Key_Tab) -> list[QWidget]:
    seen = []
    for _ in range(12):
        screen.press(key)
        seen.append(focused(screen.view))
    return seen


def _digits(s: Screen) -> None:
    field = focused(s.view)
    assert isinstance(field, QLineEdit) and s.view.log_panel.isAncestorOf(field)
    type_text(s.qtbot, s.view, "4")
    assert field.text() == "4"


def _reps_up(s: Screen) -> None:
    before = int(s.view.log_panel.reps.text())
    s.press(K.Key_Up)
    assert int(s.view.log_panel.reps.text()) == before + 1
    s.press(K.Key_Down)
    assert int(s.view.log_panel.reps.text()) == before


def _changes(read: Callable[[Screen], object], key: Qt.Key, *, ctrl: bool = False) -> Steps:
    """The key changes what `read` sees."""

    def check(s: Screen) -> None:
        before = read(s)
        s.press(key, ctrl=ctrl)
        assert read(s) != before

    return check


def _goes(key: Qt.Key, *, stage: Stage | None = None, prompt: Prompt | None = None) -> Steps:
    """The key brings the stage (with no question open), or the question."""

    def check(s: Screen) -> None:
        s.press(key)
        if prompt is not None:
            assert s.session.prompt is prompt
        else:
            assert (s.session.stage, s.session.prompt) == (stage, None)

    return check


def _extra_set(s: Screen) -> None:
    planned = s.session.summary.sets_planned
    s.press(K.Key_X)
    assert s.session.summary.sets_planned == planned + 1


def _one_more_set(s: Screen) -> None:
    _extra_set(s)
    assert s.session.stage is Stage.READY


def _tab_note(s: Screen) -> None:
    assert s.view.summary.notes in tab_round(s)


def _tab_note_and_report(s: Screen) -> None:
    seen = tab_round(s)
    assert s.view.summary.notes in seen
    assert any(s.view.summary.cramps.isAncestorOf(widget) for widget in seen), seen


def _tab_reps_load(s: Screen) -> None:
    panel = s.view.log_panel
    assert focused(s.view) is panel.reps
    s.press(K.Key_Tab)
    assert focused(s.view) is panel.load
    s.press(K.Key_Tab)
    assert focused(s.view) is panel.reps, "Tab from the load went elsewhere"
    s.press(K.Key_Backtab)
    assert focused(s.view) is panel.load


def _finish_from_note(s: Screen) -> None:
    while focused(s.view) is not s.view.summary.notes:
        s.press(K.Key_Tab)
    type_text(s.qtbot, s.view, "ok")
    s.press(K.Key_Return, ctrl=True)
    assert s.session.finished


def _light(s: Screen) -> None:
    label = s.view.summary.light
    before = label.text()
    s.press(K.Key_Plus)
    assert label.isVisible() and label.text() != before
    s.press(K.Key_Minus)
    assert label.text() == before


def _leaves(s: Screen) -> None:
    for key in (K.Key_Return, K.Key_Escape):
        with s.qtbot.waitSignal(s.view.closed, timeout=1000):
            s.press(key)


def _start_next(s: Screen) -> None:
    s.press(K.Key_Space)  # a heavy rest before its 3:00 asks first, Space again starts
    if s.session.prompt is Prompt.EARLY:
        s.press(K.Key_Space)
    assert s.session.stage is Stage.LIFTING


def _skip(s: Screen) -> None:
    before = s.session.next.key
    s.press(K.Key_S)
    assert s.session.stage is Stage.SUMMARY or s.session.next.key != before


def _skip_warmups(s: Screen) -> None:
    assert s.session.next.warmup, "W named with no warm-up to skip"
    s.press(K.Key_W)
    assert s.session.next is None or not s.session.next.warmup


def _saved(s: Screen) -> None:
    logged = len(s.session.book.logged)
    s.press(K.Key_Return)
    assert len(s.session.book.logged) == logged + 1


CHECKS: dict[str, Steps] = {
    "Space start set": _goes(K.Key_Space, stage=Stage.LIFTING),
    "S skip exercise": _skip,
    "V swap variant": _goes(K.Key_V, prompt=Prompt.SWAP),
    "W skip warm-ups": _skip_warmups,
    "X extra set": _extra_set,
    "E end session": _goes(K.Key_E, prompt=Prompt.END),
    "M mute": _changes(lambda s: s.view.player.muted, K.Key_M),
    "F11 full screen": _changes(lambda s: s.view.window().isFullScreen(), K.Key_F11),
    "Esc leave": _goes(K.Key_Escape, prompt=Prompt.LEAVE),
    "Space set done": _goes(K.Key_Space, stage=Stage.LOGGING),
    "Esc not started yet": _goes(K.Key_Escape, stage=Stage.READY),
    "Enter save": _saved,
    "digits type in the field": _digits,
    "↑↓ reps": _reps_up,
    "PgUp/PgDn load": _changes(lambda s: s.view.log_panel.load.text(), K.Key_PageUp),
    "Ctrl+F form held/broke": _changes(lambda s: s.view.log_panel.form.text(), K.Key_F, ctrl=True),
    "Tab reps/load field": _tab_reps_load,
    "Esc back": _goes(K.Key_Escape, stage=Stage.LIFTING),
    "Space start next set": _start_next,
    "P pause": _changes(lambda s: s.session.rest.is_paused, K.Key_P),
    "+ 30 s": _changes(lambda s: s.session.rest.window.max_s, K.Key_Plus),
    "Enter finish": _changes(lambda s: s.session.finished, K.Key_Return),
    "Tab note and cramp report": _tab_note_and_report,
    "Tab note": _tab_note,
    "Ctrl+Enter finish from the note": _finish_from_note,
    "+/− light session later/earlier": _light,
    "X one more set": _one_more_set,
    "Esc keep this one": _goes(K.Key_Escape, stage=Stage.READY),
    "Enter or Esc leave": _leaves,
}


def _choose(count: int) -> Steps:
    """ "1–N choose a variant": N, the last named, swaps to it."""

    def check(s: Screen) -> None:
        before = s.session.next.key
        s.press(Qt.Key(K.Key_0 + count))
        assert s.session.prompt is None and s.session.next.key != before

    return check


def check_for(part: str) -> Steps:
    choice = re.fullmatch(r"1(?:–(\d))? choose a variant", part)
    if choice:
        return _choose(int(choice.group(1) or 1))
    assert part in CHECKS, f"the hint names {part!r}, which no check here covers"
    return CHECKS[part]


@pytest.fixture
def screens(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[str], Screen]]:
    """Each call: a fresh log with today's plan, gym mode on it, the case's keys pressed."""
    made = iter(range(1000))
    with ExitStack() as stores:

        def reach(case: str) -> Screen:
            kind, steps = CASES[case]
            folder = tmp_path / f"log{next(made)}"
            clock = fake_clock()
            store = stores.enter_context(open_log(folder))
            plan_for_today(store, clock)
            view = open_view(qtbot, store, clock, folder, kind=kind)  # type: ignore[arg-type]
            screen = Screen(view, clock, qtbot)
            for step in steps:
                step(screen)
            return screen

        yield reach


@pytest.mark.parametrize("case", list(CASES))
def test_each_key_the_hint_line_names_does_what_it_says(
    screens: Callable[[str], Screen], case: str, tmp_path: Path
) -> None:
    shown = screens(case)
    line = shown.view.controls.hints.text()
    assert shown.view.controls.hints.isVisible() and line
    shown.qtbot.wait(100)  # the layout settles before the look
    shown.view.grab().save(str(tmp_path / f"{case}.png"))
    for part in line.split(" · "):
        check = check_for(part)
        check(screens(case))
