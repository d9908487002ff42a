"""Heavy sessions linked to the run they followed, in either order, and the words for it.

The runner may log the gym session first and plug the watch in that evening, or import the
run before driving to the gym: `link_runs` is called after both (an import, a heavy session's
close) and links every heavy session that came right after a run (domain/run_anchor.py) and
has no link yet, so the order never matters and nothing is linked twice.
"""

from __future__ import annotations

from db.run_links import RunLink, add_links, links_for, unlinked_heavy
from db.runs import RunRecord, runs_for
from db.store import Store
from desktop.domain.run_anchor import RunSpan, minutes_after, run_before

RUN_WORDS = {"long_run": "long run", "speed_run": "speed run"}


def spans(runs: list[RunRecord]) -> list[RunSpan]:
    """Stored runs as the anchoring rules see them."""
    return [
        RunSpan(run.id or 0, run.started_at, run.ended_at, run.distance_m)
        for run in runs
        if run.sport == "running"
    ]


def link_runs(store: Store, athlete_id: int) -> int:
    """Link every unlinked heavy session of the athlete that started right after a run; the
    number of links stored."""
    waiting = unlinked_heavy(store, athlete_id)
    if not waiting:
        return 0
    runs = spans(runs_for(store, athlete_id))
    links = []
    for session in waiting:
        run = run_before(runs, session.first_set)
        minutes = None if run is None else minutes_after(run, session.first_set)
        if run is not None and minutes is not None:
            links.append((session.session_id, run.run_id, minutes))
    add_links(store, links)
    return len(links)


def session_links(store: Store, athlete_id: int) -> dict[int, RunLink]:
    """The stored links of the athlete's sessions, by session id."""
    return links_for(store, athlete_id)


def link_words(link: RunLink) -> str:
    """'started 25 min after a 30.2 km long run': what the plan, summary and History say."""
    run = RUN_WORDS.get(link.after or "", "run")
    return f"started {link.minutes_after} min after a {link.distance_m / 1000:.1f} km {run}"
