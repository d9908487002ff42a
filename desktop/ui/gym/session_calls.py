"""What each gym action calls on the session: the half of `GymView.dispatch`'s table that needs
nothing of the screen (the screen adds its own: finish, mute, full screen, the light time)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from desktop.gym.underway.session import WorkoutSession
from desktop.ui.gym.keys import SWAP_CHOICES, Action


def session_calls(session: WorkoutSession) -> dict[Action, Callable[[], object]]:
    """Each action's one call on `session`; built per call, so no table outlives its session."""
    return {
        Action.PRIMARY: session.primary,
        Action.CONFIRM: session.confirm,
        Action.BACK: session.back,
        Action.FORM: session.toggle_form,
        Action.REPS_UP: partial(session.adjust_reps, 1),
        Action.REPS_DOWN: partial(session.adjust_reps, -1),
        Action.LOAD_UP: partial(session.adjust_load, 1),
        Action.LOAD_DOWN: partial(session.adjust_load, -1),
        Action.PAUSE: session.toggle_pause,
        Action.EXTEND: session.extend_rest,
        Action.EXTRA: session.add_extra_set,
        Action.SKIP: session.skip_exercise,
        Action.SWAP: session.open_swap,
        Action.SKIP_WARMUPS: session.skip_warmups,
        Action.END: session.end_early,
        Action.SAVE_ANYWAY: session.save_unusual_load,
        Action.IGNORE: lambda: None,  # Space in the reps or load field (`keys.Action`)
        **{choice: partial(session.choose_swap, n) for n, choice in enumerate(SWAP_CHOICES)},
    }
