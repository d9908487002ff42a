"""The undo stack behind History: undo again and again, redo, and nothing lost to a failed step."""

from __future__ import annotations

import pytest

from desktop.history.undo_stack import Change, UndoStack


class Refused(Exception):
    pass


def counter_change(state: list[int], step: int, *, fail: list[bool] | None = None) -> Change:
    """Adds `step` to state[0] (already done); undo subtracts, redo adds again."""

    def undo() -> None:
        if fail and fail[0]:
            raise Refused
        state[0] -= step

    def redo() -> None:
        if fail and fail[0]:
            raise Refused
        state[0] += step

    return Change(f"add {step}", undo=undo, redo=redo)


def test_undo_walks_back_every_change_and_redo_walks_forward() -> None:
    state, stack = [0], UndoStack()
    for step in (1, 10, 100):
        state[0] += step
        stack.push(counter_change(state, step))
    assert stack.undo_label == "add 100" and stack.redo_label is None
    assert [stack.undo().label for _ in range(3)] == ["add 100", "add 10", "add 1"]
    assert state == [0] and stack.undo() is None and stack.undo_label is None
    assert stack.redo_label == "add 1"
    assert [stack.redo().label for _ in range(2)] == ["add 1", "add 10"]
    assert state == [11] and stack.undo_label == "add 10" and stack.redo_label == "add 100"


def test_a_new_change_forgets_the_redo_steps() -> None:
    state, stack = [0], UndoStack()
    state[0] += 1
    stack.push(counter_change(state, 1))
    stack.undo()
    state[0] += 5
    stack.push(counter_change(state, 5))
    assert stack.redo() is None and stack.redo_label is None
    assert state == [5]


@pytest.mark.parametrize("direction", ["undo", "redo"])
def test_a_refused_step_stays_to_be_tried_again(direction: str) -> None:
    state, fail, stack = [0], [False], UndoStack()
    state[0] += 3
    stack.push(counter_change(state, 3, fail=fail))
    if direction == "redo":
        stack.undo()
    fail[0] = True
    with pytest.raises(Refused):
        getattr(stack, direction)()
    assert (stack.undo_label if direction == "undo" else stack.redo_label) == "add 3"
    fail[0] = False
    assert getattr(stack, direction)() is not None
    assert state == ([0] if direction == "undo" else [3])


def test_the_oldest_changes_are_forgotten_past_the_limit() -> None:
    state, stack = [0], UndoStack(limit=2)
    for step in (1, 2, 3):
        state[0] += step
        stack.push(counter_change(state, step))
    assert stack.undo() is not None and stack.undo() is not None and stack.undo() is None
    assert state == [1]
