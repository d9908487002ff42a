"""Starting, resuming and abandoning gym sessions: store rows in, a WorkoutSession out.

A session left open by a crash is offered again with its running rest restored from the stored
wall-clock times; one left open for more than 12 hours is closed as abandoned instead.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from db.athletes import list_athletes
from db.records import SessionRecord
from db.sessions import (
    close_stale_sessions,
    finish_session,
    get_session,
    open_sessions,
    sets_for_session,
    start_session,
)
from db.store import Store
from desktop.domain.buildup.model import SessionKind
from desktop.domain.gym.workout import Slot, WorkoutPlan
from desktop.domain.rest.clock import Clock
from desktop.domain.rest.rest_timer import RestTimer, RestWindow
from desktop.gym.opening.equipment import equipment
from desktop.gym.opening.today import GymDay, current_athlete, todays_session
from desktop.gym.underway.book import SessionBook
from desktop.gym.underway.rows import (
    exercise_ids,
    keys_by_id,
    plan_from_layout,
    prefill_loads,
    store_layout,
    stored_rest,
    warmups_for,
)
from desktop.gym.underway.session import WorkoutSession
from desktop.plan.reader import OPEN_SESSION_KEPT
from desktop.runtime.changes import LogChanges

log = logging.getLogger(__name__)

STALE_AFTER = OPEN_SESSION_KEPT  # the Plan shows an open session for as long


def start_workout(
    store: Store,
    *,
    clock: Clock,
    kind: SessionKind | None = None,
    athlete_id: int | None = None,
    changes: LogChanges | None = None,
) -> WorkoutSession:
    """Open today's session of `kind` (default: heavy unless today's heavy is done)."""
    wall = clock.wall()
    athlete = athlete_id if athlete_id is not None else current_athlete(store, now=wall)
    day = todays_session(store, athlete_id=athlete, today=wall.astimezone().date(), kind=kind)
    plan = _plan(day)
    loads = prefill_loads(
        store,
        athlete_id=athlete,
        kind=plan.kind,
        keys=[slot.key for slot in plan.slots],
        units=plan.units,
    )
    slots = tuple(
        replace(s, warmups=warmups_for(plan.kind, s.key, loads.get(s.key), day.equipment))
        for s in plan.slots
    )
    plan = replace(plan, slots=slots)
    ids = exercise_ids(store, [slot.key for slot in slots])
    record = start_session(
        store,
        athlete_id=athlete,
        kind=plan.kind,
        planned_day_id=day.planned_day_id,
        started_at=wall,
    )
    store_layout(store, record.id, plan)
    log.info("Started %s session %s (planned day %s)", plan.kind, record.id, day.planned_day_id)
    book = SessionBook(
        store,
        record=record,
        plan=plan,
        equipment=day.equipment,
        ids=ids,
        loads=loads,
        changes=changes,
    )
    book.changes.report("session", session_id=record.id)
    return WorkoutSession(book, clock=clock)


def resume_workout(
    store: Store, *, clock: Clock, session_id: int, changes: LogChanges | None = None
) -> WorkoutSession:
    """Rebuild an open session at its next set, with the stored rest running again.

    Raises ValueError when the session's layout cannot be read (it was not started here).
    """
    record = get_session(store, session_id)
    plan = plan_from_layout(record.layout)
    logged = sets_for_session(store, session_id)
    names = keys_by_id(store)
    keys = [key for slot in plan.slots for key in slot.keys]
    ids = {names[s.exercise_id]: s.exercise_id for s in logged} | exercise_ids(store, keys)
    gear = equipment(store, record.athlete_id, plan.units)
    loads = prefill_loads(
        store,
        athlete_id=record.athlete_id,
        kind=plan.kind,
        keys=keys,
        units=plan.units,
        skip_session=session_id,
    )
    window = plan.warmup_rest if logged and logged[-1].warmup else plan.rest
    snapshot = stored_rest(record, window)
    rest = None
    if snapshot is not None:
        rest = RestTimer.restore(snapshot, clock.now(), clock.wall())
    book = SessionBook(
        store,
        record=record,
        plan=plan,
        equipment=gear,
        ids=ids,
        loads=loads,
        logged=logged,
        changes=changes,
    )
    log.info("Resumed session %s after %d saved sets", session_id, len(logged))
    return WorkoutSession(book, clock=clock, rest=rest)


def resumable_session(
    store: Store, *, now: datetime, athlete_id: int | None = None
) -> SessionRecord | None:
    """The newest session still in progress (of `athlete_id`, the runner at the laptop, when
    given: another runner's open session waits for them), after closing those abandoned more
    than 12 hours ago."""
    for closed in close_stale_sessions(store, older_than=now - STALE_AFTER):
        log.info("Closed session %s as abandoned (open since %s)", closed.id, closed.started_at)
    runners = [a.id for a in list_athletes(store)] if athlete_id is None else [athlete_id]
    candidates = [s for runner in runners for s in open_sessions(store, runner)]
    resumable = [s for s in candidates if s.layout]
    return max(resumable, key=lambda s: (s.started_at, s.id), default=None)


def abandon_session(
    store: Store, session_id: int, *, now: datetime, changes: LogChanges | None = None
) -> None:
    """The athlete chose not to resume: keep its sets, close it as abandoned."""
    finish_session(store, session_id, ended_at=now, state="abandoned")
    if changes is not None:
        changes.report("session", session_id=session_id)
    log.info("Session %s abandoned at the athlete's request", session_id)


def _plan(day: GymDay) -> WorkoutPlan:
    prescription = day.prescription
    return WorkoutPlan(
        kind=day.kind,
        reps=prescription.reps,
        rest=RestWindow(float(prescription.rest_s[0]), float(prescription.rest_s[1])),
        cue=prescription.cue,
        slots=tuple(Slot(key, prescription.sets) for key in prescription.exercises),
        units=day.equipment.units,
        after=day.after,
    )
