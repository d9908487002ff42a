"""The gym keyboard contract: which key does what, wherever the focus is.

Space is the primary action, Enter saves, Esc backs out, digits and Up/Down set reps, PgUp/PgDn
the load, F (or Ctrl+F) form, M mute, F11 full screen; single letters reach the rest. A focused
field gets every character typed into it ("heavy" in the Load field stays "heavy" and is refused
on Enter with a message): in the reps and load fields only Enter, Esc, the arrows, PgUp/PgDn,
Ctrl+F and F11 are commands; in a text field (the note) only Esc, Ctrl+Enter and F11.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt

from desktop.domain.workout import Stage
from desktop.gym.session import Prompt, WorkoutSession


class Field(Enum):
    NONE = "none"  # focus on the gym screen itself
    NUMBER = "number"  # the reps and load fields
    TEXT = "text"  # the note and the cramp distance


Key = Qt.Key
ENTER_KEYS = (Key.Key_Return, Key.Key_Enter)
ALWAYS = {Key.Key_Escape: "back", Key.Key_F11: "fullscreen"}
NUMBER_KEYS = {
    Key.Key_Up: "reps_up",
    Key.Key_Down: "reps_down",
    Key.Key_PageUp: "load_up",
    Key.Key_PageDown: "load_down",
}
LETTERS = {
    Key.Key_Space: "primary",
    Key.Key_F: "form",
    Key.Key_M: "mute",
    Key.Key_P: "pause",
    Key.Key_Plus: "extend",
    Key.Key_Equal: "extend",
    Key.Key_X: "extra",
    Key.Key_S: "skip",
    Key.Key_V: "swap",
    Key.Key_W: "skip_warmups",
    Key.Key_E: "end",
}
HINTS = {
    Stage.READY: "Space start set · S skip exercise · V swap variant · W skip warm-ups · "
    "X extra set · E end session · M mute · F11 full screen · Esc leave",
    Stage.LIFTING: "Space set done · X extra set · E end session · M mute · F11 full screen · "
    "Esc not started yet",
    Stage.LOGGING: "Enter save · digits or ↑↓ reps · PgUp/PgDn load · Ctrl+F form held/broke · "
    "Tab load field · Esc back",
    Stage.RESTING: "Space start next set · P pause · + 30 s · X extra set · S skip exercise · "
    "V swap variant · E end session · M mute · F11 full screen · Esc leave",
    Stage.SUMMARY: "Enter finish · Tab note and cramp report · Ctrl+Enter finish from the note · "
    "X one more set · Esc leave",
}

# While a question is on the banner, the hint line gives the banner's keys and nothing else.
PROMPT_HINTS = {
    Prompt.EARLY: "Space start now · Esc keep resting",
    Prompt.END: "Enter end the session · Esc keep going",
    Prompt.SWAP: "1–9 choose a variant · Esc keep this one",
    Prompt.LEAVE: "Enter leave gym mode · Esc stay",
    Prompt.UNUSUAL_LOAD: "Y save it as typed · Enter or Esc correct the load",
}


def hints_for(stage: Stage, prompt: Prompt | None) -> str:
    """The small key line: the open question's keys, else the stage's."""
    return PROMPT_HINTS[prompt] if prompt is not None else HINTS[stage]


def action_for(
    key: int, modifiers: Qt.KeyboardModifier, *, field: Field, stage: Stage, prompt: Prompt | None
) -> str | None:
    """The action a key press asks for, or None to let the focused field have it."""
    key = Key(key)
    if key in ALWAYS:
        return ALWAYS[key]
    if prompt is Prompt.UNUSUAL_LOAD:  # only Y saves: a second Enter must not save 1000 kg
        if key == Key.Key_Y:
            return "save_anyway"
        return "back" if key in (*ENTER_KEYS, Key.Key_N) else None
    if key in ENTER_KEYS:
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if prompt is None and stage is Stage.SUMMARY and (ctrl or field is not Field.TEXT):
            return "finish"
        return "confirm" if prompt is not None or field is not Field.TEXT else None
    if prompt is Prompt.SWAP and Key.Key_1 <= key <= Key.Key_9:
        return f"choose:{key - Key.Key_1}"
    if prompt is not None and key == Key.Key_Space:
        return "primary"
    if field is Field.TEXT:
        return None
    if key == Key.Key_F and modifiers & Qt.KeyboardModifier.ControlModifier:
        return "form"
    if key in NUMBER_KEYS:
        return NUMBER_KEYS[key]
    if field is Field.NONE and key in LETTERS:
        return LETTERS[key]
    return None


def run_action(session: WorkoutSession, action: str) -> None:
    """Do what a session action asks; mute, full screen, confirm and finish belong to the
    screen (they need the speaker, the window or the summary's fields)."""
    if action.startswith("choose:"):
        session.choose_swap(int(action.split(":")[1]))
        return
    steps = {"reps_up": 1, "reps_down": -1, "load_up": 1, "load_down": -1}
    if action in ("reps_up", "reps_down"):
        session.adjust_reps(steps[action])
    elif action in ("load_up", "load_down"):
        session.adjust_load(steps[action])
    else:
        simple = {
            "primary": session.primary,
            "back": session.back,
            "form": session.toggle_form,
            "pause": session.toggle_pause,
            "extend": session.extend_rest,
            "extra": session.add_extra_set,
            "skip": session.skip_exercise,
            "swap": session.open_swap,
            "skip_warmups": session.skip_warmups,
            "end": session.end_early,
            "save_anyway": session.save_unusual_load,
        }
        simple[action]()
