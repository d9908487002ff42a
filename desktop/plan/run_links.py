"""Heavy sessions linked to the run they followed, in either order, and the words for it.

It lives with the plan, not in desktop.runs, because the plan, the gym summary and History
read it on every redraw from start-up on, while desktop.runs (the file readers) loads only
when a file is imported.

The runner may log the gym session first and plug the watch in that evening, or import the
run before driving to the gym: `link_runs` is called after both (an import, a heavy session's
close) and links every heavy session that came right after a run (domain/runs/run_anchor.py) and
has no link yet, so the order never matters and nothing is linked twice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from db.errors import StoreError
from db.plans import active_plan, planned_days
from db.run_links import (
    RunLink,
    add_links,
    links_for,
    planned_after,
    run_times,
    unlinked_heavy,
)
from db.run_picks import picks_for
from db.store import Store
from desktop.domain.runs.run_anchor import (
    PICK_REACH,
    RunSpan,
    anchor_days,
    minutes_after,
    run_before,
)

log = logging.getLogger(__name__)

RUN_WORDS = {"long_run": "long run", "speed_run": "speed run"}


def spans(store: Store, athlete_id: int, *, days: tuple[date, date] | None = None) -> list[RunSpan]:
    """The athlete's stored runs as the anchoring rules see them (with `days`, those started
    from the first day to the last, and perhaps a few beyond: see `db.run_links.run_times`)."""
    return [
        RunSpan(run.run_id, run.started_at, run.ended_at, run.distance_m)
        for run in run_times(store, athlete_id, days=days)
    ]


def anchored(
    store: Store, athlete_id: int, days: Iterable[tuple[int, date, str]]
) -> dict[int, RunSpan]:
    """The run each planned day (id, date, 'long_run' or 'speed_run') hangs on, by day id: the
    one place that asks, so the plan, the summary, History and Progress follow the runner's
    picks alike (a pick no longer within reach falls back to the longest run). Only the runs
    within reach of the days are read: a five-year log anchors as fast as a first build-up."""
    listed = list(days)
    if not listed:
        return {}
    dates = [day for _id, day, _after in listed]
    near = spans(store, athlete_id, days=(min(dates) - PICK_REACH, max(dates) + PICK_REACH))
    return anchor_days(near, listed, chosen=picks_for(store, athlete_id))


def run_for_session(runs: list[RunSpan], picked: set[int], first_set: datetime) -> RunSpan | None:
    """The run a session began right after: a run the runner picked for a planned day comes
    before the longest one (domain/runs/run_anchor.py `run_before`)."""
    return run_before([r for r in runs if r.run_id in picked], first_set) or run_before(
        runs, first_set
    )


def link_runs(store: Store, athlete_id: int) -> int:
    """Link every unlinked heavy session of the athlete that started right after a run; the
    number of links stored."""
    links = _new_links(store, athlete_id)
    add_links(store, [(link.session_id, link.run_id, link.minutes_after) for link in links])
    return len(links)


def _new_links(store: Store, athlete_id: int, only: int | None = None) -> list[RunLink]:
    waiting = [s for s in unlinked_heavy(store, athlete_id) if only in (None, s.session_id)]
    if not waiting:
        return []
    runs = spans(store, athlete_id)
    picked = set(picks_for(store, athlete_id).values())
    links = []
    for session in waiting:
        run = run_for_session(runs, picked, session.first_set)
        minutes = None if run is None else minutes_after(run, session.first_set)
        if run is not None and minutes is not None:
            after = planned_after(store, session.session_id)
            links.append(RunLink(session.session_id, run.run_id, minutes, run.distance_m, after))
    return links


def session_run(store: Store, athlete_id: int, session_id: int) -> RunLink | None:
    """A session's run: its stored link, or (before the session is closed, when the link is
    stored) the link it will get; None when it followed no run."""
    link = session_links(store, athlete_id).get(session_id)
    if link is None:
        link = next(
            iter(_named(store, athlete_id, _new_links(store, athlete_id, session_id))), None
        )
    return link


def session_words(store: Store, athlete_id: int, session_id: int) -> str:
    """What the summary says of a session's run (`session_run`); '' when it followed no run,
    or when the log cannot be read just now (the summary is still worth showing)."""
    try:
        link = session_run(store, athlete_id, session_id)
    except StoreError as error:
        log.warning("No run shown for session %s: %s", session_id, error.message)
        return ""
    return "" if link is None else link_words(link)


def _named(store: Store, athlete_id: int, links: Iterable[RunLink]) -> list[RunLink]:
    """Links of sessions not started from a planned day take the kind of the day their run
    anchors ('long run' after a long run moved to Saturday, where nothing was planned)."""
    listed = list(links)
    if all(link.after is not None for link in listed):
        return listed
    plan = active_plan(store, athlete_id)
    if plan is None or plan.id is None:
        return listed
    days = [(day.id, day.date, day.after) for day in planned_days(store, plan.id) if day.id]
    kinds = {day_id: after for day_id, _day, after in days}
    by_run = {
        run.run_id: kinds[day_id] for day_id, run in anchored(store, athlete_id, days).items()
    }
    return [replace(link, after=link.after or by_run.get(link.run_id)) for link in listed]


def run_days(
    store: Store, athlete_id: int, days: Iterable[tuple[int, date, str]]
) -> dict[int, date]:
    """By planned day id (days as (id, date, 'long_run' or 'speed_run')): the day its run was
    really run, for the days a run anchors (domain/runs/run_anchor.py)."""
    return {day_id: run.day for day_id, run in anchored(store, athlete_id, days).items()}


def day_words(
    store: Store, athlete_id: int, days: Iterable[tuple[int, date, str]]
) -> dict[int, str]:
    """For the plan, by planned day id: how soon after the run the day hangs on a heavy session
    began, or else that run ('Long run: 30.2 km on Sat 28 Feb'); days with no run left out."""
    listed = list(days)
    by_run = {link.run_id: link for link in links_for(store, athlete_id).values()}
    runs = anchored(store, athlete_id, listed)
    words: dict[int, str] = {}
    for day_id, _day, after in listed:
        picked = runs.get(day_id)
        if picked is None:
            continue
        link = by_run.get(picked.run_id)
        if link is not None:  # the heavy session that followed it, planned for this day or not
            words[day_id] = f"Heavy session {link_words(replace(link, after=after))}"
        else:
            run = RUN_WORDS.get(after, "run").capitalize()
            when = f"{picked.day:%a} {picked.day.day} {picked.day:%b}"
            words[day_id] = f"{run}: {picked.distance_m / 1000:.1f} km on {when}"
    return words


def session_links(store: Store, athlete_id: int) -> dict[int, RunLink]:
    """The stored links of the athlete's sessions, by session id, each naming its run."""
    return {
        link.session_id: link
        for link in _named(store, athlete_id, links_for(store, athlete_id).values())
    }


def link_words(link: RunLink) -> str:
    """'started 25 min after a 30.2 km long run': what the plan, summary and History say."""
    run = RUN_WORDS.get(link.after or "", "run")
    return f"started {link.minutes_after} min after a {link.distance_m / 1000:.1f} km {run}"
