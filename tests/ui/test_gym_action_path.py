"""One path from a key to the session: `keys.action_for` maps a key to one `Action` (a pure
table), `GymView.dispatch` is the one place an action reaches the session."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.domain.gym.workout import Prompt, Stage
from desktop.gym.underway.session import WorkoutSession
from desktop.ui.gym import keys
from desktop.ui.gym.keys import ALWAYS, ENTER_KEYS, LETTERS, NUMBER_KEYS, Action, Field, action_for
from tests.fake_clock import FakeClock
from tests.ui.gym_ui import open_view

K = Qt.Key
CONTRACT_KEYS = (
    *ALWAYS,
    *NUMBER_KEYS,
    *LETTERS,
    *ENTER_KEYS,
    *(K(K.Key_1 + n) for n in range(9)),
    K.Key_Y,
    K.Key_N,
)
MODIFIERS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier)

# Which WorkoutSession method each action calls; None: the screen's own (speaker, window).
SESSION_CALL: dict[Action, str | None] = {
    Action.PRIMARY: "primary",
    Action.CONFIRM: "confirm",
    Action.FINISH: "finish",
    Action.BACK: "back",
    Action.FULLSCREEN: None,
    Action.MUTE: None,
    Action.FORM: "toggle_form",
    Action.REPS_UP: "adjust_reps",
    Action.REPS_DOWN: "adjust_reps",
    Action.LOAD_UP: "adjust_load",
    Action.LOAD_DOWN: "adjust_load",
    Action.PAUSE: "toggle_pause",
    Action.EXTEND: "extend_rest",
    Action.EXTRA: "add_extra_set",
    Action.SKIP: "skip_exercise",
    Action.SWAP: "open_swap",
    Action.SKIP_WARMUPS: "skip_warmups",
    Action.END: "end_early",
    Action.SAVE_ANYWAY: "save_unusual_load",
    Action.LIGHT_LATER: None,  # the summary's own: the light session's time, not the session
    Action.LIGHT_EARLIER: None,
    Action.IGNORE: None,  # Space in the reps or load field: nothing at all
    Action.BUTTON_PRIMARY: "primary",  # from the ready screen: Space's meaning
    **{keys.SWAP_CHOICES[n]: "choose_swap" for n in range(9)},
}


def test_every_key_in_the_contract_maps_to_one_action_or_to_the_field() -> None:
    for key, modifiers, field, stage, prompt in itertools.product(
        CONTRACT_KEYS, MODIFIERS, Field, Stage, (None, *Prompt)
    ):
        action = action_for(key, modifiers, field=field, stage=stage, prompt=prompt)
        assert action is None or isinstance(action, Action), (key, field, stage, prompt, action)


def test_the_keys_module_only_maps_keys_and_never_calls_the_session() -> None:
    assert not hasattr(keys, "run_action")
    assert not hasattr(keys, "WorkoutSession")


@pytest.mark.parametrize("action", list(Action))
def test_each_action_reaches_the_session_through_the_one_dispatcher(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    action: Action,
) -> None:
    calls: list[str] = []
    for name in {name for name in SESSION_CALL.values() if name is not None}:
        real = getattr(WorkoutSession, name)
        monkeypatch.setattr(WorkoutSession, name, _recording(real, name, calls))
    view = open_view(qtbot, store, clock, tmp_path, kind="heavy")
    assert view.session.stage is Stage.READY
    calls.clear()  # open_view's Esc to the first-time load questions
    if action is Action.FULLSCREEN:
        monkeypatch.setattr(view.window(), "showFullScreen", lambda: calls.append("window"))
    muted = view.player.muted
    view.dispatch(action)
    expected = SESSION_CALL[action]
    assert calls[:1] == (
        [expected] if expected else ["window"] if action is Action.FULLSCREEN else []
    )
    if action is Action.MUTE:
        assert view.player.muted is not muted


def _recording(real: Callable[..., object], name: str, calls: list[str]) -> Callable[..., object]:
    @functools.wraps(real)
    def record(self: WorkoutSession, *args: object, **kwargs: object) -> object:
        calls.append(name)
        return real(self, *args, **kwargs)

    return record
