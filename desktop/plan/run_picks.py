"""The runner picks the run a planned long-run (or speed-run) day hangs on, or goes back to
the automatic rule: for the Plan screen's dialog and `cramproof runs pick` alike. Qt-free.

The watch may hold two runs near Sunday (a long run split in two files, a race and its
warm-up): the longest within a day is only a guess, so the runner can say which one it was.
The pick moves the double day with it (the plan, Progress and History read `anchored`), and
the heavy session that followed the picked run is linked to it, in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from db.lean_dataclass import frozen_dataclass
from db.plans import active_plan, planned_days
from db.run_picks import heavy_starts, moving_times, picks_for, set_pick
from db.store import Store
from desktop.domain.runs.run_anchor import PICK_REACH, RunSpan, minutes_after
from desktop.plan.run_links import RUN_WORDS, anchored, run_for_session, spans
from desktop.runtime.changes import LogChanges


class PickRefused(Exception):
    """A pick that cannot be stored, with the one line that says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@frozen_dataclass
class Candidate:
    """A run within reach of the planned day, as the dialog lists it."""

    run_id: int
    start: datetime
    distance_m: float
    moving_s: float

    def line(self) -> str:
        """'Sat 28 Feb · 08:12 · 30.2 km · 2:50:40 moving'."""
        hours, rest = divmod(round(self.moving_s), 3600)
        return (
            f"{self.start:%a} {self.start.day} {self.start:%b} · {self.start:%H:%M} · "
            f"{self.distance_m / 1000:.1f} km · {hours}:{rest // 60:02d}:{rest % 60:02d} moving"
        )


@frozen_dataclass
class DayChoice:
    """A planned day, the runs it may hang on, the runner's pick (None: automatic) and the run
    it hangs on now."""

    day_id: int
    day: date
    after: str
    candidates: tuple[Candidate, ...]
    picked: int | None
    current: int | None

    @property
    def title(self) -> str:
        """'Choose the long run of Sun 1 Mar'."""
        run, day = RUN_WORDS.get(self.after, "run"), self.day
        return f"Choose the {run} of {day:%a} {day.day} {day:%b}"


def _days(store: Store, athlete_id: int) -> list[tuple[int, date, str]]:
    plan = active_plan(store, athlete_id)
    if plan is None or plan.id is None:
        return []
    return [(d.id, d.date, d.after) for d in planned_days(store, plan.id) if d.id is not None]


def day_on(store: Store, athlete_id: int, on: date) -> int | None:
    """The planned long-run (or, when none, speed-run) day on `on`, by id; None when none."""
    found = sorted(
        (after != "long_run", day_id)
        for day_id, day, after in _days(store, athlete_id)
        if day == on
    )
    return found[0][1] if found else None


def day_choice(store: Store, athlete_id: int, day_id: int) -> DayChoice | None:
    """What the runner may pick for a planned day of the current plan; None for another id."""
    days = _days(store, athlete_id)
    found = [d for d in days if d[0] == day_id]
    if not found:
        return None
    _id, day, after = found[0]
    moving = moving_times(store, athlete_id)
    near = [r for r in spans(store, athlete_id) if abs(r.day - day) <= PICK_REACH]
    candidates = tuple(
        Candidate(r.run_id, r.start, r.distance_m, moving.get(r.run_id, 0.0)) for r in near
    )
    picked = picks_for(store, athlete_id).get(day_id)
    current = anchored(store, athlete_id, days).get(day_id)
    return DayChoice(
        day_id,
        day,
        after,
        candidates,
        picked if picked in {c.run_id for c in candidates} else None,
        None if current is None else current.run_id,
    )


def passed_over(store: Store, athlete_id: int) -> set[int]:
    """The runs near a planned long-run day for which the runner picked another run, and that
    no other day hangs on: not a long run, so Progress leaves them out of the long runs."""
    picks = picks_for(store, athlete_id)
    if not picks:
        return set()
    listed = _days(store, athlete_id)
    days = {day_id: day for day_id, day, after in listed if after == "long_run"}
    runs = spans(store, athlete_id)
    left_out: set[int] = set()
    for day_id, run_id in picks.items():
        day = days.get(day_id)
        near = {r.run_id for r in runs if day is not None and abs(r.day - day) <= PICK_REACH}
        if run_id in near:  # a pick out of reach is no pick (the longest stands)
            left_out |= near - {run_id}
    return left_out - {run.run_id for run in anchored(store, athlete_id, listed).values()}


def choose_run(
    store: Store,
    changes: LogChanges | None,
    athlete_id: int,
    day_id: int,
    run_id: int | None,
    *,
    by: object = None,
) -> DayChoice:
    """Store the runner's pick for the day (None: back to the longest run) and report it; the
    day as it now stands. PickRefused when the day is not planned or the run not within reach."""
    choice = day_choice(store, athlete_id, day_id)
    if choice is None:
        raise PickRefused("no planned long-run or speed-run day has that id on the current plan")
    if run_id is not None and run_id not in {c.run_id for c in choice.candidates}:
        raise PickRefused(
            f"run {run_id} is not within a day of the {RUN_WORDS[choice.after]} planned "
            f"for {choice.day.isoformat()}"
        )
    picks = {d: r for d, r in picks_for(store, athlete_id).items() if r != run_id and d != day_id}
    if run_id is not None:
        picks[day_id] = run_id
    set_pick(
        store,
        day_id,
        run_id,
        _relinks(spans(store, athlete_id), set(picks.values()), store, athlete_id),
    )
    if changes is not None:
        changes.report("runs", by=by)
    chosen = day_choice(store, athlete_id, day_id)
    assert chosen is not None  # the day was there a moment ago and picks delete no day
    return chosen


def _relinks(
    runs: list[RunSpan], picked: set[int], store: Store, athlete_id: int
) -> list[tuple[int, int, int]]:
    """The heavy sessions whose run changes with the picks: the picked run they came right
    after, or (a pick undone) the longest again."""
    changed = []
    for session in heavy_starts(store, athlete_id):
        run = run_for_session(runs, picked, session.first_set)
        minutes = None if run is None else minutes_after(run, session.first_set)
        if run is not None and minutes is not None and run.run_id != session.run_id:
            changed.append((session.session_id, run.run_id, minutes))
    return changed
