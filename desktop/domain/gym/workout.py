"""A gym session as values: its running layout, which set comes next, and the warm-up ramp.

The layout (`WorkoutPlan`) is what the athlete changed during the session: variant swaps, extra
sets, skipped exercises and warm-ups. Where the athlete stands is never stored separately; it is
derived from the layout and the sets already logged, so a crash can only lose a set that was not
saved yet, never the place in the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from desktop.domain.buildup.exercises import Exercise, exercise, session_name, variants
from desktop.domain.buildup.model import After, SessionKind, Units
from desktop.domain.gym.plates import round_to_step
from desktop.domain.rest.rest_timer import RestWindow

WARMUP_REST = RestWindow(60.0, 90.0)
EMPTY_BAR_REPS = 5
RAMP = ((0.5, 5), (0.75, 3))  # share of the work load, reps


class Stage(Enum):
    """Where the gym screen is: the session moves through these in a loop, then to the summary."""

    READY = "ready"
    LIFTING = "lifting"
    LOGGING = "logging"
    RESTING = "resting"
    SUMMARY = "summary"


class Prompt(Enum):
    """A question on top of the stage; one at a time, Esc always closes it."""

    EARLY = "early"  # a heavy rest ended before ready: Space again confirms, Esc keeps resting
    END = "end"  # end the session early: Enter ends it, Esc goes on
    SWAP = "swap"  # another variant, chosen with a digit; Esc keeps the current one
    LEAVE = "leave"  # leave gym mode: Enter leaves, the open session can be resumed later
    UNUSUAL_LOAD = "unusual_load"  # a load far above the runner's best: Y saves, Enter/Esc fix it
    START_LOAD = "start_load"  # a lift's first heavy load: Enter uses it, Esc/Space leave it


class Outcome(Enum):
    LEFT = "left"


@dataclass(frozen=True)
class WarmupSet:
    load_kg: float
    reps: int


@dataclass(frozen=True)
class Slot:
    """One exercise of the session as it stands now; `earlier_keys` are variants swapped out
    after sets were logged under them, so those sets still count for this slot. `start_kg` is
    the runner's answer to the first-time load question (`start_load`), kept for a restart."""

    key: str
    sets: int
    warmups: tuple[WarmupSet, ...] = ()
    skipped: bool = False
    earlier_keys: tuple[str, ...] = ()
    start_kg: float | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        return (*self.earlier_keys, self.key)


@dataclass(frozen=True)
class WorkoutPlan:
    """The session's prescription and layout: what the summary compares against."""

    kind: SessionKind
    reps: tuple[int, int]
    rest: RestWindow
    cue: str
    slots: tuple[Slot, ...]
    units: Units = "kg"
    warmup_rest: RestWindow = WARMUP_REST
    after: After | None = None  # the run this session follows; None when unplanned


@dataclass(frozen=True)
class DoneSet:
    """What the cursor needs to know of a logged set."""

    key: str
    warmup: bool


@dataclass(frozen=True)
class NextSet:
    """The set the screen asks for. `target` is reps, or seconds for a held finisher; a warm-up
    carries its load, a work set leaves the load to the session's prefill."""

    slot: int
    key: str
    warmup: bool
    number: int
    of: int
    target: tuple[int, int]
    hold: bool
    load_kg: float | None = None


def target_of(plan: WorkoutPlan, key: str) -> tuple[int, int]:
    """Finishers have their own dose (dead bug 8–12, plank 30–60 s); everything else the plan's."""
    return exercise(key).dose_range or plan.reps


def is_hold(key: str) -> bool:
    return exercise(key).dose == "hold_s"


def shown_name(kind: SessionKind, key: str) -> str:
    """The light session does the bodyweight form of each lift (`exercises.session_name`)."""
    return session_name(key, kind)


def wants_warmups(kind: SessionKind, key: str) -> bool:
    """Warm-ups come before the first work set of each heavy barbell lift.

    See "Warm-up" in resources/help/protocol.md.
    """
    return kind == "heavy" and exercise(key).barbell


def counts(plan: WorkoutPlan, done: Sequence[DoneSet]) -> list[tuple[int, int]]:
    """(warm-ups, work sets) logged for each slot."""
    result = []
    for slot in plan.slots:
        mine = [s for s in done if s.key in slot.keys]
        warm = sum(1 for s in mine if s.warmup)
        result.append((warm, len(mine) - warm))
    return result


def next_set(plan: WorkoutPlan, done: Sequence[DoneSet]) -> NextSet | None:
    """The first slot with work left, in order; None when the session is complete."""
    for index, (slot, (warm, work)) in enumerate(zip(plan.slots, counts(plan, done), strict=True)):
        if slot.skipped or work >= slot.sets:
            continue
        target, hold = target_of(plan, slot.key), is_hold(slot.key)
        if work == 0 and warm < len(slot.warmups):
            ramp = slot.warmups[warm]
            reps = (ramp.reps, ramp.reps)
            return NextSet(
                index, slot.key, True, warm + 1, len(slot.warmups), reps, hold, ramp.load_kg
            )
        return NextSet(index, slot.key, False, work + 1, slot.sets, target, hold)
    return None


def last_slot(plan: WorkoutPlan, done: Sequence[DoneSet]) -> int | None:
    """The slot of the most recent set: an extra set during a rest belongs to it."""
    for logged in reversed(done):
        for index, slot in enumerate(plan.slots):
            if logged.key in slot.keys:
                return index
    return None


def with_extra_set(plan: WorkoutPlan, slot: int) -> WorkoutPlan:
    return _change(plan, slot, sets=plan.slots[slot].sets + 1, skipped=False)


def with_skipped(plan: WorkoutPlan, slot: int) -> WorkoutPlan:
    return _change(plan, slot, skipped=True)


def without_warmups(plan: WorkoutPlan, slot: int) -> WorkoutPlan:
    return _change(plan, slot, warmups=())


def with_start_load(
    plan: WorkoutPlan, slot: int, load_kg: float, warmups: tuple[WarmupSet, ...]
) -> WorkoutPlan:
    return _change(plan, slot, start_kg=load_kg, warmups=warmups)


def swap_choices(plan: WorkoutPlan, slot: int) -> tuple[Exercise, ...]:
    """Other variants of the slot's movement that are not already in this session."""
    taken = {key for other in plan.slots for key in other.keys}
    return tuple(v for v in variants(exercise(plan.slots[slot].key).movement) if v.key not in taken)


def swapped(
    plan: WorkoutPlan,
    slot: int,
    key: str,
    *,
    done: Sequence[DoneSet],
    warmups: tuple[WarmupSet, ...] = (),
) -> WorkoutPlan:
    """Use another variant from the next set on; sets already logged keep their own variant."""
    if key not in {choice.key for choice in swap_choices(plan, slot)}:
        raise ValueError(f"{key!r} cannot replace {plan.slots[slot].key!r} in this session")
    current = plan.slots[slot]
    logged = any(s.key == current.key for s in done)
    earlier = (*current.earlier_keys, current.key) if logged else current.earlier_keys
    started = counts(plan, done)[slot][1] > 0
    warmups = () if started else warmups
    return _change(plan, slot, key=key, earlier_keys=earlier, warmups=warmups, start_kg=None)


def warmup_ramp(work: float, *, bar: float, step: float) -> tuple[tuple[float, int], ...]:
    """Empty bar × 5, ~50 % × 5, ~75 % × 3, in the athlete's units and on their plate grid.

    A ramp set is kept only when it is heavier than the set before it and lighter than the work
    load, so light work loads get fewer warm-ups and a bar-only lift gets none.
    """
    if work <= bar:
        return ()
    ramp = [(bar, EMPTY_BAR_REPS)]
    for share, reps in RAMP:
        load = round_to_step(work * share, step=step)
        if ramp[-1][0] < load < work:
            ramp.append((load, reps))
    return tuple(ramp)


def _change(plan: WorkoutPlan, index: int, **changes: object) -> WorkoutPlan:
    slots = list(plan.slots)
    slots[index] = replace(slots[index], **changes)  # type: ignore[arg-type]
    return replace(plan, slots=tuple(slots))
