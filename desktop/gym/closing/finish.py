"""Closing a gym session: the athlete's note and, after a long run, the cramp report.

The cramp log (resources/help/protocol.md) asks after a long run or race: cramped? where? at
what distance? severity 0–3. The summary screen asks it right after the heavy session, which
follows the run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from db.checkins import record_cramp_report
from db.errors import StoreError, store_errors
from db.light_reminders import drop_light_reminder
from db.records import SessionRecord, from_utc_text
from db.session_removal import delete_session
from db.sessions import finish_session
from db.store import Store
from desktop.domain.buildup.model import CRAMP_SITES
from desktop.domain.gym.workout_input import InputError, check_notes, parse_distance
from desktop.gym.closing.light_time import propose_after_heavy
from desktop.plan.run_links import link_runs
from desktop.runtime.changes import LogChanges

log = logging.getLogger(__name__)

REPORT_SITES = tuple(site for site in CRAMP_SITES if site != "none")
MAX_SEVERITY = 3


@dataclass(frozen=True)
class CrampAnswer:
    """The runner's answer; `distance` is the text as typed (km, may be empty)."""

    cramped: bool
    sites: tuple[str, ...] = ()
    distance: str = ""
    severity: int = 0


def finish_workout(
    store: Store,
    *,
    record: SessionRecord,
    notes: str,
    cramp: CrampAnswer | None,
    when: datetime,
    changes: LogChanges | None = None,
) -> str | None:
    """Store the cramp report and close the session; a message instead when input is wrong.

    Both are checked before either is written, so a refused note never leaves a lone report,
    and both are written in one transaction, so a close that fails leaves no report behind for
    the retry to write twice. A heavy session's close also proposes the light session's time
    later that day (`gym.closing.light_time`), in the same transaction.
    """
    try:
        text = check_notes(notes)
        distance = _check_cramp(cramp)
    except InputError as error:
        return str(error)
    try:
        with store_errors(), store.db.atomic():
            if cramp is not None:
                record_cramp_report(
                    store,
                    athlete_id=record.athlete_id,
                    date=when.astimezone().date(),
                    cramped=cramp.cramped,
                    sites=cramp.sites if cramp.cramped else (),
                    severity=cramp.severity if cramp.cramped else 0,
                    created_at=when,
                    distance_km=distance,
                    session_id=record.id,
                )
            finish_session(store, record.id, ended_at=when, state="finished", notes=text)
            if record.kind == "heavy":
                propose_after_heavy(store, athlete_id=record.athlete_id, heavy_ended_at=when)
                link_runs(store, record.athlete_id)  # the run imported before it, if any
    except StoreError as error:
        log.error("Session %s not closed: %s", record.id, error.message)
        return error.message
    log.info("Session %s finished", record.id)
    if changes is not None:
        changes.report("session", session_id=record.id)
    return None


def report_cramp(
    store: Store,
    *,
    athlete_id: int,
    day: date,
    cramp: CrampAnswer,
    when: datetime,
    run_km: float | None = None,
    changes: LogChanges | None = None,
) -> str | None:
    """Store a cramp report on its own, for a run imported from the watch (no gym session); a
    message instead when the answer is wrong, such as an onset past the run's own `run_km`."""
    try:
        distance = _check_cramp(cramp)
    except InputError as error:
        return str(error)
    if distance is not None and run_km is not None and distance > run_km + 0.05:
        return f"That run was {run_km:.1f} km: the cramp came at a km from 0 to {run_km:.1f}."
    try:
        with store_errors():
            record_cramp_report(
                store,
                athlete_id=athlete_id,
                date=day,
                cramped=cramp.cramped,
                sites=cramp.sites if cramp.cramped else (),
                severity=cramp.severity if cramp.cramped else 0,
                created_at=when,
                distance_km=distance,
            )
    except StoreError as error:
        log.error("Cramp report for %s not stored: %s", day, error.message)
        return error.message
    if changes is not None:
        changes.report("cramp")
    return None


def has_no_sets(store: Store, session_id: int) -> bool:
    """A session closed before any set was saved: worth asking whether to keep it at all."""
    with store_errors():
        row = store.db.execute("SELECT 1 FROM sets WHERE session_id = ? LIMIT 1", [session_id])
        return row.fetchone() is None


def discard_session(
    store: Store, session_id: int, *, changes: LogChanges | None = None
) -> str | None:
    """Remove a session the runner chose not to keep (its row goes; a cramp report given with
    it stays in the log), and the light-session reminder a heavy one proposed: no notification
    for a session that did not happen. A message instead when the store refuses."""
    try:
        with store_errors(), store.db.atomic():
            removed = delete_session(store, session_id).session
            if removed["kind"] == "heavy" and removed["ended_at"]:
                ended_at = from_utc_text(removed["ended_at"])
                drop_light_reminder(store, removed["athlete_id"], ended_at)
    except LookupError:
        return None  # already gone: nothing left to discard
    except StoreError as error:
        log.error("Session %s not discarded: %s", session_id, error.message)
        return error.message
    log.info("Session %s discarded: it had no sets", session_id)
    if changes is not None:
        changes.report("session", session_id=session_id)
    return None


def _check_cramp(cramp: CrampAnswer | None) -> float | None:
    if cramp is None or not cramp.cramped:
        return None
    unknown = [site for site in cramp.sites if site not in REPORT_SITES]
    if unknown:
        raise InputError(
            f"Unknown cramp site {unknown[0]!r}: choose from {', '.join(REPORT_SITES)}."
        )
    if not cramp.sites:
        raise InputError("Where did it cramp? Choose at least one place.")
    severity = cramp.severity
    if isinstance(severity, bool) or not isinstance(severity, int):
        raise InputError("Severity is a whole number from 0 to 3.")
    if not 0 <= severity <= MAX_SEVERITY:
        raise InputError("Severity is 0 (none) to 3 (had to stop).")
    return parse_distance(cramp.distance)
