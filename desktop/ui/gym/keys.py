"""The gym keyboard contract: which key does what, wherever the focus is.

Space is the primary action, Enter saves, Esc backs out, digits and Up/Down set reps, PgUp/PgDn
the load, F (or Ctrl+F) form, M mute, F11 full screen; single letters reach the rest. A focused
field gets every character typed into it ("heavy" in the Load field stays "heavy" and is refused
on Enter with a message): in the reps and load fields only Enter, Esc, the arrows, PgUp/PgDn,
Ctrl+F and F11 are commands, and Space does nothing (`Action.IGNORE`); in a text field (the
note) only Esc, Ctrl+Enter and F11.
"""

from __future__ import annotations

from enum import Enum, StrEnum

from PySide6.QtCore import Qt

from desktop.domain.gym.workout import Prompt, Stage


class Field(Enum):
    NONE = "none"  # focus on the gym screen itself
    NUMBER = "number"  # the reps and load fields
    TEXT = "text"  # the note and the cramp distance


class Action(StrEnum):
    """What a key or a button asks of gym mode; `GymView.dispatch` is the one place that acts
    on it. The values are the names the buttons carry."""

    PRIMARY = "primary"
    BUTTON_PRIMARY = "button_primary"  # the big button: Space, Enter or finish by stage
    CONFIRM = "confirm"
    FINISH = "finish"
    BACK = "back"
    FULLSCREEN = "fullscreen"
    MUTE = "mute"
    FORM = "form"
    REPS_UP = "reps_up"
    REPS_DOWN = "reps_down"
    LOAD_UP = "load_up"
    LOAD_DOWN = "load_down"
    PAUSE = "pause"
    EXTEND = "extend"
    EXTRA = "extra"
    SKIP = "skip"
    SWAP = "swap"
    SKIP_WARMUPS = "skip_warmups"
    END = "end"
    SAVE_ANYWAY = "save_anyway"
    LIGHT_LATER = "light_later"  # the heavy summary's light-session time, half an hour on
    LIGHT_EARLIER = "light_earlier"
    # Swallowed: Space in the reps or load field. Space just ended the set, and one more press
    # out of habit would replace the selected "5" with a space ("Reps must be a whole number").
    # Not a save either: the runner may not have typed the real reps yet, and a set saved by a
    # reflex is worse than a key that does nothing; Enter saves, as the hint line says.
    IGNORE = "ignore"
    CHOOSE_1 = "choose:0"  # the swap prompt's choices, first shown first
    CHOOSE_2 = "choose:1"
    CHOOSE_3 = "choose:2"
    CHOOSE_4 = "choose:3"
    CHOOSE_5 = "choose:4"
    CHOOSE_6 = "choose:5"
    CHOOSE_7 = "choose:6"
    CHOOSE_8 = "choose:7"
    CHOOSE_9 = "choose:8"


SWAP_CHOICES = tuple(Action(f"choose:{index}") for index in range(9))
REPEATABLE = frozenset({Action.REPS_UP, Action.REPS_DOWN, Action.LOAD_UP, Action.LOAD_DOWN})

Key = Qt.Key
ENTER_KEYS = (Key.Key_Return, Key.Key_Enter)
ALWAYS = {Key.Key_Escape: Action.BACK, Key.Key_F11: Action.FULLSCREEN}
NUMBER_KEYS = {
    Key.Key_Up: Action.REPS_UP,
    Key.Key_Down: Action.REPS_DOWN,
    Key.Key_PageUp: Action.LOAD_UP,
    Key.Key_PageDown: Action.LOAD_DOWN,
}
LETTERS = {
    Key.Key_Space: Action.PRIMARY,
    Key.Key_F: Action.FORM,
    Key.Key_M: Action.MUTE,
    Key.Key_P: Action.PAUSE,
    Key.Key_Plus: Action.EXTEND,
    Key.Key_Equal: Action.EXTEND,
    Key.Key_X: Action.EXTRA,
    Key.Key_S: Action.SKIP,
    Key.Key_V: Action.SWAP,
    Key.Key_W: Action.SKIP_WARMUPS,
    Key.Key_E: Action.END,
}
# On the summary, + and - move the light session "later that day" (no rest is left to extend).
LIGHT_KEYS = {
    Key.Key_Plus: Action.LIGHT_LATER,
    Key.Key_Equal: Action.LIGHT_LATER,
    Key.Key_Minus: Action.LIGHT_EARLIER,
}


class Offer(StrEnum):
    """What a part of the hint line needs on the screen as shown; without it the key would do
    nothing, and a hint that names a dead key teaches the runner to ignore the line."""

    SWAP = "swap"  # the next movement has other variants (V)
    WARMUPS = "warmups"  # the next set is a warm-up (W)
    EXTRA = "extra"  # an exercise to add a set to (X): none after ending before the first set
    LIGHT = "light"  # a light-session time on the summary to move (+/−)
    CRAMP_REPORT = "cramp_report"  # the summary asks about the run: Tab reaches its answers


# Each stage's line, part by part: (words, the offer it needs or None, shown with or without it).
Part = tuple[str, Offer | None, bool]
M_AND_F11: tuple[Part, ...] = (("M mute", None, True), ("F11 full screen", None, True))
HINT_PARTS: dict[Stage, tuple[Part, ...]] = {
    Stage.READY: (
        ("Space start set", None, True),
        ("S skip exercise", None, True),
        ("V swap variant", Offer.SWAP, True),
        ("W skip warm-ups", Offer.WARMUPS, True),
        ("X extra set", Offer.EXTRA, True),
        ("E end session", None, True),
        *M_AND_F11,
        ("Esc leave", None, True),
    ),
    Stage.LIFTING: (
        ("Space set done", None, True),
        ("X extra set", Offer.EXTRA, True),
        ("E end session", None, True),
        *M_AND_F11,
        ("Esc not started yet", None, True),
    ),
    Stage.LOGGING: (
        ("Enter save", None, True),
        ("digits type in the field", None, True),
        ("↑↓ reps", None, True),
        ("PgUp/PgDn load", None, True),
        ("Ctrl+F form held/broke", None, True),
        ("Tab reps/load field", None, True),
        ("Esc back", None, True),
    ),
    Stage.RESTING: (
        ("Space start next set", None, True),
        ("P pause", None, True),
        ("+ 30 s", None, True),
        ("X extra set", Offer.EXTRA, True),
        ("S skip exercise", None, True),
        ("V swap variant", Offer.SWAP, True),
        ("W skip warm-ups", Offer.WARMUPS, True),
        ("E end session", None, True),
        *M_AND_F11,
        ("Esc leave", None, True),
    ),
    Stage.SUMMARY: (
        ("Enter finish", None, True),
        ("Tab note and cramp report", Offer.CRAMP_REPORT, True),
        ("Tab note", Offer.CRAMP_REPORT, False),
        ("Ctrl+Enter finish from the note", None, True),
        ("+/− light session later/earlier", Offer.LIGHT, True),
        ("X one more set", Offer.EXTRA, True),
        ("Esc leave", None, True),
    ),
}
# A finished session's summary stays on screen only until it closes: its keys just leave.
FINISHED_HINT = "Enter or Esc leave · F11 full screen"

# While a question is on the banner, the hint line gives the banner's keys and nothing else.
PROMPT_HINTS = {
    Prompt.EARLY: "Space start now · Esc keep resting",
    Prompt.END: "Enter end the session · Esc keep going",
    Prompt.SWAP: "1–{choices} choose a variant · Esc keep this one",
    Prompt.LEAVE: "Enter leave gym mode · Esc stay",
    Prompt.UNUSUAL_LOAD: "Y save it as typed · Enter or Esc correct the load",
    Prompt.START_LOAD: "digits the load · Enter use it · Esc set it on the form",
}


def hints_for(
    stage: Stage,
    prompt: Prompt | None,
    *,
    offered: frozenset[Offer] = frozenset(Offer),
    finished: bool = False,
    choices: int = 9,
) -> str:
    """The small key line: the open question's keys (the swap's digits up to its `choices`),
    else the stage's, leaving out each key whose `Offer` the screen does not make."""
    if prompt is Prompt.SWAP:
        return PROMPT_HINTS[prompt].replace("1–{choices}", "1" if choices == 1 else f"1–{choices}")
    if prompt is not None:
        return PROMPT_HINTS[prompt]
    if finished:
        return FINISHED_HINT
    return " · ".join(
        words
        for words, offer, wanted in HINT_PARTS[stage]
        if offer is None or (offer in offered) == wanted
    )


def primary_button(stage: Stage, prompt: Prompt | None) -> Action:
    """What the big button does: Enter's answer to the load question or the set form, finish
    on the summary, else Space's."""
    if prompt is Prompt.START_LOAD or stage is Stage.LOGGING:
        return Action.CONFIRM
    return Action.FINISH if stage is Stage.SUMMARY else Action.PRIMARY


def action_for(
    key: int, modifiers: Qt.KeyboardModifier, *, field: Field, stage: Stage, prompt: Prompt | None
) -> Action | None:
    """The action a key press asks for, or None to let the focused field have it."""
    key = Key(key)
    if key in ALWAYS:
        return ALWAYS[key]
    if prompt is Prompt.UNUSUAL_LOAD:  # only Y saves: a second Enter must not save 1000 kg
        if key == Key.Key_Y:
            return Action.SAVE_ANYWAY
        return Action.BACK if key in (*ENTER_KEYS, Key.Key_N) else None
    if key in ENTER_KEYS:
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if prompt is None and stage is Stage.SUMMARY and (ctrl or field is not Field.TEXT):
            return Action.FINISH
        return Action.CONFIRM if prompt is not None or field is not Field.TEXT else None
    if prompt is Prompt.START_LOAD and key == Key.Key_Space:
        return Action.IGNORE  # Space out of habit must not start the lift at the empty bar
    if prompt is Prompt.SWAP and Key.Key_1 <= key <= Key.Key_9:
        return SWAP_CHOICES[key - Key.Key_1]
    if prompt is not None and key == Key.Key_Space:
        return Action.PRIMARY
    if field is Field.TEXT:
        return None
    if field is Field.NUMBER and key == Key.Key_Space:
        return Action.IGNORE
    if key == Key.Key_F and modifiers & Qt.KeyboardModifier.ControlModifier:
        return Action.FORM
    if key in NUMBER_KEYS:
        return NUMBER_KEYS[key]
    if field is Field.NONE and stage is Stage.SUMMARY and key in LIGHT_KEYS:
        return LIGHT_KEYS[key]
    if field is Field.NONE and key in LETTERS:
        return LETTERS[key]
    return None
