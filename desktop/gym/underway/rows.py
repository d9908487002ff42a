"""Gym-mode rows ⇄ domain values: the layout as JSON, logged sets, the stored rest, prefills.

With `desktop.gym.underway.session` and `desktop.gym.opening.today` this is the only place where gym
mode meets the store; everything it returns is a domain value or a plain number in kg.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from db.exercises import ensure_exercise, list_exercises
from db.records import SessionRecord, SetRecord
from db.sessions import (
    sessions_for_athlete,
    set_rest_state,
    set_session_layout,
    sets_for_session,
)
from db.store import Store
from desktop.domain.buildup.exercises import exercise
from desktop.domain.buildup.model import SessionKind, Units
from desktop.domain.gym.plates import kg_to_lb, lb_to_kg, plate_step
from desktop.domain.gym.progression import SetResult, suggest_heavy
from desktop.domain.gym.workout import (
    DoneSet,
    Slot,
    WarmupSet,
    WorkoutPlan,
    wants_warmups,
    warmup_ramp,
)
from desktop.domain.gym.workout_summary import SummarySet
from desktop.domain.rest.rest_timer import RestSnapshot, RestWindow
from desktop.gym.opening.equipment import Equipment

LAYOUT_VERSION = 1
LOOK_BACK = 12  # sessions of the same kind, about six weeks of double days


def layout_of(plan: WorkoutPlan) -> dict[str, Any]:
    """The session's layout as stored in sessions.layout."""
    return {
        "version": LAYOUT_VERSION,
        "kind": plan.kind,
        "reps": list(plan.reps),
        "rest": [plan.rest.ready_s, plan.rest.max_s],
        "warmup_rest": [plan.warmup_rest.ready_s, plan.warmup_rest.max_s],
        "cue": plan.cue,
        "units": plan.units,
        "after": plan.after,
        "slots": [
            {
                "key": slot.key,
                "sets": slot.sets,
                "skipped": slot.skipped,
                "earlier_keys": list(slot.earlier_keys),
                "warmups": [[w.load_kg, w.reps] for w in slot.warmups],
                "start_kg": slot.start_kg,
            }
            for slot in plan.slots
        ],
    }


def plan_from_layout(layout: Mapping[str, Any]) -> WorkoutPlan:
    """Read a stored layout back; a KeyError or ValueError means it cannot be resumed."""
    if layout.get("version") != LAYOUT_VERSION:
        raise ValueError(f"unknown session layout version {layout.get('version')!r}")
    slots = tuple(
        Slot(
            key=exercise(slot["key"]).key,
            sets=int(slot["sets"]),
            warmups=tuple(WarmupSet(float(kg), int(reps)) for kg, reps in slot["warmups"]),
            skipped=bool(slot["skipped"]),
            earlier_keys=tuple(slot["earlier_keys"]),
            start_kg=None if slot.get("start_kg") is None else float(slot["start_kg"]),
        )
        for slot in layout["slots"]
    )
    return WorkoutPlan(
        kind=layout["kind"],
        reps=(int(layout["reps"][0]), int(layout["reps"][1])),
        rest=RestWindow(*map(float, layout["rest"])),
        cue=str(layout["cue"]),
        slots=slots,
        units=layout["units"],
        warmup_rest=RestWindow(*map(float, layout["warmup_rest"])),
        after=layout.get("after"),
    )


def exercise_ids(store: Store, keys: Iterable[str]) -> dict[str, int]:
    """Row ids for library exercises, adding any the catalogue table does not have yet."""
    ids = {}
    for key in dict.fromkeys(keys):
        known = exercise(key)
        ids[key] = ensure_exercise(
            store,
            key=known.key,
            name=known.name,
            movement=known.movement,
            barbell=known.barbell,
            bodyweight=known.increment == "none",
        )
    return ids


def keys_by_id(store: Store) -> dict[int, str]:
    return {row.id: row.key for row in list_exercises(store)}


def done_sets(sets: Sequence[SetRecord], keys: Mapping[int, str]) -> list[DoneSet]:
    return [DoneSet(keys[s.exercise_id], s.warmup) for s in sets]


def summary_sets(sets: Sequence[SetRecord], keys: Mapping[int, str]) -> list[SummarySet]:
    return [
        SummarySet(
            key=keys[s.exercise_id],
            warmup=s.warmup,
            reps=s.reps,
            load_kg=s.load_kg,
            form_held=s.form_held,
            hold_s=s.hold_s,
            rest_before_s=s.rest_before_s,
        )
        for s in sets
    ]


def store_rest(store: Store, session_id: int, snapshot: RestSnapshot | None) -> None:
    """Persist the running rest after every change to it; None clears it."""
    if snapshot is None:
        set_rest_state(store, session_id, rest_started_at=None, rest_paused_s=0.0)
        return
    set_rest_state(
        store,
        session_id,
        rest_started_at=snapshot.started_wall,
        rest_paused_s=snapshot.paused_s,
        rest_paused_since=snapshot.paused_since_wall,
        rest_extended_s=snapshot.extended_s,
    )


def stored_rest(record: SessionRecord, window: RestWindow) -> RestSnapshot | None:
    if record.rest_started_at is None:
        return None
    return RestSnapshot(
        window=window,
        started_wall=record.rest_started_at,
        paused_s=record.rest_paused_s,
        extended_s=record.rest_extended_s,
        paused_since_wall=record.rest_paused_since,
    )


def store_layout(store: Store, session_id: int, plan: WorkoutPlan) -> None:
    set_session_layout(store, session_id, layout_of(plan))


def prefill_loads(
    store: Store,
    *,
    athlete_id: int,
    kind: SessionKind,
    keys: Iterable[str],
    units: Units,
    skip_session: int | None = None,
) -> dict[str, float]:
    """Each exercise's load for today, in kg, from the last session of this kind that had it:
    the progression suggestion for heavy work, the last load for light work, or the runner's
    first-time answer when that session ended before the lift was lifted (stored with its
    layout: asked once, never again). Only the last `LOOK_BACK` sessions count: an older load
    is no guide to today's."""
    wanted = set(keys)
    names = keys_by_id(store)
    loads: dict[str, float] = {}
    earlier = [
        s
        for s in sessions_for_athlete(store, athlete_id)
        if s.kind == kind and s.id != skip_session
    ]
    for session in reversed(earlier[-LOOK_BACK:]):
        if not wanted - loads.keys():
            break
        work = [s for s in sets_for_session(store, session.id) if not s.warmup]
        answered = _answered_kg(session.layout)
        for key in wanted - loads.keys():
            mine = [s for s in work if names.get(s.exercise_id) == key]
            if mine:
                loads[key] = _next_load(kind, key, mine, units)
            elif key in answered:
                loads[key] = answered[key]
    return loads


def _answered_kg(layout: Mapping[str, Any]) -> dict[str, float]:
    """The first-time loads the runner gave in a session, from its stored layout."""
    try:
        plan = plan_from_layout(layout)
    except (LookupError, ValueError, TypeError):
        return {}  # a session without a layout (or an older one) holds no answer
    return {slot.key: slot.start_kg for slot in plan.slots if slot.start_kg is not None}


def warmups_for(
    kind: SessionKind, key: str, load_kg: float | None, equipment: Equipment
) -> tuple[WarmupSet, ...]:
    """The warm-up ramp for a heavy barbell lift's work load, on the athlete's plate grid."""
    if load_kg is None or not wants_warmups(kind, key):
        return ()
    units = equipment.units
    work = load_kg if units == "kg" else kg_to_lb(load_kg)
    ramp = warmup_ramp(work, bar=equipment.bar, step=plate_step(units))
    return tuple(WarmupSet(load if units == "kg" else lb_to_kg(load), reps) for load, reps in ramp)


def _next_load(kind: SessionKind, key: str, sets: Sequence[SetRecord], units: Units) -> float:
    top = max(s.load_kg for s in sets)
    if kind == "light" or top <= 0:
        return sets[-1].load_kg
    results = [SetResult(s.reps, s.form_held) for s in sets]
    advice = suggest_heavy(exercise=exercise(key), load_kg=top, sets=results, units=units)
    return top if advice.load_kg is None else advice.load_kg
