"""A heavy session right after a long run is linked to it, whichever reached the log first:
real FIT files from the SDK's Encoder, a real SQLite log, the real gym session and importer."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from db.run_links import links_for
from db.session_removal import delete_session, restore_session
from db.store import Store
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import WorkoutSession
from desktop.plan.run_links import day_words, link_words, session_links
from desktop.runs.importing.importer import import_file
from tests.fake_clock import FakeClock
from tests.gym_support import leave_start_loads, plan_for_today
from tests.runs.fit_builder import T0, Leg, fit_bytes

LONG_RUN_S = 6040  # 5.0 m/s for 6040 s: 30.2 km


def long_run_fit(folder: Path, ends_at: datetime) -> Path:
    """A 30.2 km long run (5 m/s) that ended at `ends_at`, as a watch writes it (UTC+01:00)."""
    start = ends_at - timedelta(seconds=LONG_RUN_S)
    leg = Leg("running", LONG_RUN_S, speed=5.0, offset_s=int((start - T0).total_seconds()))
    path = folder / "long.fit"
    path.write_bytes(fit_bytes([leg], utc_offset_min=60))
    return path


def heavy_session(store: Store, clock: FakeClock) -> WorkoutSession:
    """Today's heavy session: one set lifted, then ended early and finished."""
    session = leave_start_loads(start_workout(store, clock=clock))
    session.primary()
    clock.advance(30)
    session.primary()
    session.confirm()
    session.end_early()
    session.confirm()
    assert session.finish(notes="", cramp=None)
    return session


def test_a_session_logged_after_the_import_says_how_long_after_the_run(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    athlete, _day = plan_for_today(store, clock)
    run_end = clock.wall() - timedelta(minutes=25, seconds=10)
    assert (
        "imported"
        in import_file(store, athlete, long_run_fit(tmp_path, run_end), clock.wall()).line
    )
    session = heavy_session(store, clock)
    (link,) = session_links(store, athlete).values()
    assert link.session_id == session.session_id
    assert link_words(link) == "started 25 min after a 30.2 km long run"


def test_runs_imported_after_the_session_link_it_too(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    athlete, _day = plan_for_today(store, clock)
    session = heavy_session(store, clock)
    assert links_for(store, athlete) == {}
    run_end = clock.wall() - timedelta(minutes=75)  # the session's first set began 30 s earlier
    import_file(store, athlete, long_run_fit(tmp_path, run_end), clock.wall())
    (link,) = links_for(store, athlete).values()
    assert (link.session_id, link.minutes_after) == (session.session_id, 74)


def test_a_session_long_after_the_run_is_not_linked(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    athlete, _day = plan_for_today(store, clock)
    import_file(
        store, athlete, long_run_fit(tmp_path, clock.wall() - timedelta(hours=5)), clock.wall()
    )
    heavy_session(store, clock)
    assert links_for(store, athlete) == {}


def test_deleting_the_session_and_undoing_it_keeps_the_link(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    athlete, _day = plan_for_today(store, clock)
    import_file(
        store, athlete, long_run_fit(tmp_path, clock.wall() - timedelta(minutes=25)), clock.wall()
    )
    session = heavy_session(store, clock)
    removed = delete_session(store, session.session_id)
    assert links_for(store, athlete) == {}
    restore_session(store, removed)
    assert [link.minutes_after for link in links_for(store, athlete).values()] == [25]


def test_the_plan_names_the_long_run_moved_to_saturday(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    athlete, day = plan_for_today(store, clock)  # Sunday 1 March 2026, after the long run
    saturday_end = clock.wall() - timedelta(days=1)
    import_file(store, athlete, long_run_fit(tmp_path, saturday_end), clock.wall())
    sunday = clock.wall().date()
    assert day_words(store, athlete, [(day, sunday, "long_run")]) == {
        day: "Long run: 30.2 km on Sat 28 Feb"
    }
