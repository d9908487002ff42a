"""The runner picks the week's long run among the runs near the planned day, or goes back to
the longest: real FIT files from the SDK's Encoder, a real SQLite log, the real importer, gym
session and exporter."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db.run_picks import picks_for
from db.runs import runs_for
from db.store import Store
from desktop.export.exporter import export_log
from desktop.plan.run_links import day_words, link_words, run_days, session_links
from desktop.plan.run_picks import PickRefused, choose_run, day_choice, day_on
from desktop.progress.series import ProgressSource
from desktop.runs.importing.importer import import_file
from desktop.runtime.changes import Change, LogChanges
from tests.fake_clock import FakeClock
from tests.gym_support import plan_for_today
from tests.runs.fit_builder import T0, Leg, fit_bytes
from tests.runs.test_run_links import heavy_session


def run_fit(folder: Path, name: str, ends_at: datetime, km: float) -> Path:
    """A run at 5 m/s of `km` that ended at `ends_at`, as a watch writes it (UTC+01:00)."""
    seconds = round(km * 200)
    start = ends_at - timedelta(seconds=seconds)
    leg = Leg("running", seconds, speed=5.0, offset_s=int((start - T0).total_seconds()))
    path = folder / name
    path.write_bytes(fit_bytes([leg], utc_offset_min=60))
    return path


@pytest.fixture
def two_runs(store: Store, clock: FakeClock, tmp_path: Path) -> tuple[int, int, list[int]]:
    """Sunday's planned long-run day with Saturday's 30.2 km and, 25 min before the heavy
    session, Sunday's 12.0 km; (athlete, day id, run ids in start order)."""
    athlete, day = plan_for_today(store, clock)
    now = clock.wall()
    for name, end, km in (("sat.fit", now - timedelta(days=1), 30.2), ("sun.fit", now, 12.0)):
        assert (
            "imported"
            in import_file(
                store, athlete, run_fit(tmp_path, name, end - timedelta(minutes=25), km), now
            ).line
        )
    choice = day_choice(store, athlete, day)
    assert choice is not None
    return athlete, day, [c.run_id for c in choice.candidates]


def test_picking_the_shorter_run_moves_the_plan_the_day_and_the_session_s_words(
    store: Store, clock: FakeClock, two_runs: tuple[int, int, list[int]]
) -> None:
    athlete, day, (saturday, sunday) = two_runs
    today = clock.wall().date()
    days = [(day, today, "long_run")]
    assert day_words(store, athlete, days) == {day: "Long run: 30.2 km on Sat 28 Feb"}
    session = heavy_session(store, clock)  # 25 min after Sunday's 12 km: not the longest
    assert link_words(session_links(store, athlete)[session.session_id]).endswith(
        "12.0 km long run"
    )
    heard: list[Change] = []
    changes = LogChanges()
    changes.subscribe(heard.append)

    chosen = choose_run(store, changes, athlete, day, sunday)

    assert (chosen.picked, chosen.current) == (sunday, sunday)
    assert picks_for(store, athlete) == {day: sunday}
    assert [change.what for change in heard] == ["runs"]
    assert run_days(store, athlete, days) == {day: today}
    assert day_words(store, athlete, days) == {
        day: "Heavy session started 25 min after a 12.0 km long run"
    }
    back = choose_run(store, changes, athlete, day, None)
    assert (back.picked, back.current) == (None, saturday)
    assert day_words(store, athlete, days) == {day: "Long run: 30.2 km on Sat 28 Feb"}
    assert run_days(store, athlete, days) == {day: today - timedelta(days=1)}


def test_a_session_right_after_a_picked_run_is_linked_to_it_not_to_a_longer_one(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    # A 30.2 km run ending 50 min before the session, then a 5 km run ending 25 min before
    # it: automatically the session follows the 30.2 km; with the 5 km picked, the 5 km.
    athlete, day = plan_for_today(store, clock)
    now = clock.wall()
    import_file(store, athlete, run_fit(tmp_path, "a.fit", now - timedelta(minutes=50), 30.2), now)
    import_file(store, athlete, run_fit(tmp_path, "b.fit", now - timedelta(minutes=25), 5.0), now)
    choice = day_choice(store, athlete, day)
    assert choice is not None
    long, short = (c.run_id for c in choice.candidates)
    session = heavy_session(store, clock)
    assert session_links(store, athlete)[session.session_id].run_id == long
    choose_run(store, None, athlete, day, short)
    link = session_links(store, athlete)[session.session_id]
    assert (link.run_id, link_words(link)) == (short, "started 25 min after a 5.0 km long run")
    choose_run(store, None, athlete, day, None)
    assert session_links(store, athlete)[session.session_id].run_id == long


def test_a_run_out_of_reach_or_a_day_not_planned_is_refused_and_nothing_stored(
    store: Store, clock: FakeClock, tmp_path: Path, two_runs: tuple[int, int, list[int]]
) -> None:
    athlete, day, _runs = two_runs
    now = clock.wall()
    far = run_fit(tmp_path, "far.fit", now - timedelta(days=3), 20.0)
    import_file(store, athlete, far, now)
    (far_id,) = {run.id for run in runs_for(store, athlete)} - {
        c.run_id for c in _all(store, athlete, day)
    }
    with pytest.raises(PickRefused, match="not within a day"):
        choose_run(store, None, athlete, day, far_id)
    with pytest.raises(PickRefused, match="no planned"):
        choose_run(store, None, athlete, day + 999, None)
    assert picks_for(store, athlete) == {}
    assert day_on(store, athlete, now.date()) == day
    assert day_on(store, athlete, now.date() - timedelta(days=3)) is None


def _all(store: Store, athlete: int, day: int) -> list:
    choice = day_choice(store, athlete, day)
    assert choice is not None
    return list(choice.candidates)


def test_the_json_export_says_which_run_was_picked_for_which_day(
    store: Store, clock: FakeClock, tmp_path: Path, two_runs: tuple[int, int, list[int]]
) -> None:
    athlete, day, (_saturday, sunday) = two_runs
    choose_run(store, None, athlete, day, sunday)
    out = tmp_path / "log.json"
    export_log(store, athlete_id=athlete, athlete_name="Ana", fmt="json", out=out, now=clock.wall())
    runs = json.loads(out.read_text())["tables"]["runs"]
    assert [run["picked_for"] for run in runs] == [None, clock.wall().date().isoformat()]


def test_progress_charts_the_picked_run_not_the_one_it_passed_over(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    # Saturday's 30.2 km (a race, say) and Sunday's 21.1 km, both over an hour: both charted as
    # long runs until the runner says Sunday's was the long run.
    athlete, day = plan_for_today(store, clock)
    now = clock.wall()
    for name, end, km in (("sat.fit", now - timedelta(days=1), 30.2), ("sun.fit", now, 21.1)):
        import_file(store, athlete, run_fit(tmp_path, name, end - timedelta(hours=1), km), now)
    source = ProgressSource(store, now=clock.wall)
    assert [m.distance_km for m in source.load().late_runs.marks] == [30.2, 21.1]
    choice = day_choice(store, athlete, day)
    assert choice is not None
    choose_run(store, None, athlete, day, choice.candidates[1].run_id)
    assert [m.distance_km for m in source.load().late_runs.marks] == [21.1]
    choose_run(store, None, athlete, day, None)
    assert [m.distance_km for m in source.load().late_runs.marks] == [30.2, 21.1]


def test_a_speed_run_pick_leaves_the_long_run_next_to_it_on_progress(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    # Today is a planned speed-run day; the day after, an 80-minute long run: picking today's
    # 70-minute run as the speed run does not take the long run off the late-run panel.
    athlete, day = plan_for_today(store, clock, after="speed_run")
    now = clock.wall()
    for name, end, km in (("speed.fit", now, 21.0), ("long.fit", now + timedelta(days=1), 24.0)):
        import_file(store, athlete, run_fit(tmp_path, name, end - timedelta(hours=1), km), now)
    choice = day_choice(store, athlete, day)
    assert choice is not None and [c.distance_m for c in choice.candidates] == [21000, 24000]
    choose_run(store, None, athlete, day, choice.candidates[0].run_id)
    clock.advance(2 * 86_400)
    assert [
        m.distance_km for m in ProgressSource(store, now=clock.wall).load().late_runs.marks
    ] == [21.0, 24.0]
