"""WorkoutSession over a real log in virtual time: the flow, what is stored, and when."""

from __future__ import annotations

from datetime import timedelta

import pytest

from db.athletes import list_athletes
from db.exercises import list_exercises
from db.sessions import get_session, sessions_for_athlete, sets_for_session
from db.store import Store
from desktop.domain.rest.rest_timer import HEAVY_WINDOW
from desktop.gym.opening.start import start_workout
from desktop.gym.underway.session import Outcome, Prompt, Stage
from tests.fake_clock import FakeClock
from tests.gym_support import end_rest, leave_start_loads, lift_set, plan_for_today


def keys(store: Store) -> dict[int, str]:
    return {row.id: row.key for row in list_exercises(store)}


def test_a_fresh_install_starts_at_once_with_a_default_athlete(
    store: Store, clock: FakeClock
) -> None:
    session = start_workout(store, clock=clock)
    assert [a.name for a in list_athletes(store)] == ["Runner"]
    assert session.plan.kind == "heavy"
    assert [(s.key, s.sets) for s in session.plan.slots] == [
        ("back_squat", 3),
        ("conventional_deadlift", 3),
        ("reverse_lunge", 3),
    ]
    assert session.plan.rest == HEAVY_WINDOW
    assert session.stage is Stage.READY
    assert get_session(store, session.session_id).planned_day_id is None


def test_todays_planned_day_is_linked_and_light_follows_a_finished_heavy(
    store: Store, clock: FakeClock
) -> None:
    athlete, day = plan_for_today(store, clock)
    heavy = leave_start_loads(start_workout(store, clock=clock))
    assert (heavy.plan.kind, heavy.plan.after) == ("heavy", "long_run")
    assert get_session(store, heavy.session_id).planned_day_id == day
    heavy.end_early()
    heavy.confirm()
    assert heavy.finish(notes="")
    light = start_workout(store, clock=clock)
    assert light.plan.kind == "light"
    assert [(s.key, s.sets) for s in light.plan.slots] == [
        ("back_squat", 3),
        ("conventional_deadlift", 3),
        ("reverse_lunge", 3),
    ]
    assert [s.kind for s in sessions_for_athlete(store, athlete)] == ["heavy", "light"]


def test_every_set_is_committed_with_its_times_targets_and_the_rest_before_it(
    store: Store, clock: FakeClock
) -> None:
    session = start_workout(store, clock=clock)
    start = clock.wall()
    lift_set(session, clock, seconds=25)
    assert session.stage is Stage.RESTING
    first = sets_for_session(store, session.session_id)
    assert len(first) == 1, "committed before the rest starts"
    stored = get_session(store, session.session_id)
    assert stored.rest_started_at == start + timedelta(seconds=25)
    end_rest(session, clock, seconds=200)
    clock.advance(30)
    session.primary()
    session.confirm()
    rows = sets_for_session(store, session.session_id)
    assert [(r.set_index, r.reps, r.load_kg, r.warmup, r.form_held) for r in rows] == [
        (0, 5, 20.0, False, True),
        (1, 5, 20.0, False, True),
    ]
    assert (rows[0].target_reps_min, rows[0].target_reps_max) == (4, 5)
    assert rows[0].rest_before_s is None
    assert rows[1].rest_before_s == 200.0
    assert (rows[1].rest_paused_s, rows[1].rest_extended_s, rows[1].over_rest_s) == (0, 0, 0)
    assert rows[0].started_at == start
    assert rows[0].ended_at == start + timedelta(seconds=25)
    assert rows[1].started_at == start + timedelta(seconds=225)
    assert keys(store)[rows[0].exercise_id] == "back_squat"


def test_ending_a_heavy_rest_before_ready_asks_once(store: Store, clock: FakeClock) -> None:
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    clock.advance(100)
    session.primary()
    assert session.prompt is Prompt.EARLY
    session.back()
    assert (session.prompt, session.stage) == (None, Stage.RESTING)
    assert session.rest is not None and session.rest.elapsed(clock.now()) == 100
    session.primary()
    session.primary()
    assert session.stage is Stage.LIFTING
    session.primary()
    session.confirm()
    assert sets_for_session(store, session.session_id)[-1].rest_before_s == 100.0


def test_after_ready_space_ends_the_rest_without_asking(store: Store, clock: FakeClock) -> None:
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    clock.advance(180)
    session.primary()
    assert (session.prompt, session.stage) == (None, Stage.LIFTING)


def test_pause_and_extend_are_stored_at_once_and_kept_with_the_next_set(
    store: Store, clock: FakeClock
) -> None:
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    clock.advance(60)
    session.toggle_pause()
    paused = get_session(store, session.session_id)
    assert paused.rest_paused_since == clock.wall()
    clock.advance(40)
    session.toggle_pause()
    session.extend_rest()
    resumed = get_session(store, session.session_id)
    assert (resumed.rest_paused_since, resumed.rest_paused_s, resumed.rest_extended_s) == (
        None,
        40.0,
        30.0,
    )
    clock.advance(300)
    session.primary()
    session.primary()
    session.confirm()
    last = sets_for_session(store, session.session_id)[-1]
    assert (last.rest_before_s, last.rest_paused_s, last.rest_extended_s) == (360.0, 40.0, 30.0)
    assert last.over_rest_s == 30.0


def test_bad_input_is_refused_inline_and_the_session_goes_on(
    store: Store, clock: FakeClock
) -> None:
    session = leave_start_loads(start_workout(store, clock=clock))
    session.primary()
    session.primary()
    session.edit(reps="55555")
    session.confirm()
    assert session.stage is Stage.LOGGING
    assert session.message is not None and "Reps must be" in session.message
    assert sets_for_session(store, session.session_id) == []
    session.edit(reps="4", load="1200")
    assert not session.save()
    assert "1000 kg" in (session.message or "")
    session.edit(load="62,5")
    session.toggle_form()
    assert session.save()
    assert session.message is None
    row = sets_for_session(store, session.session_id)[0]
    assert (row.reps, row.load_kg, row.form_held) == (4, 62.5, False)


def test_keys_adjust_the_draft(store: Store, clock: FakeClock) -> None:
    session = leave_start_loads(start_workout(store, clock=clock))
    session.primary()
    session.primary()
    assert session.draft is not None and (session.draft.reps, session.draft.load) == ("5", "20")
    session.adjust_reps(-1)
    session.adjust_load(+4)
    session.adjust_load(-1)
    assert (session.draft.reps, session.draft.load) == ("4", "27.5")
    session.edit(reps="x")
    session.adjust_reps(+1)
    assert session.message is not None and session.draft.reps == "x"


def test_escape_steps_back_and_never_loses_a_saved_set(store: Store, clock: FakeClock) -> None:
    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    session.back()
    assert session.prompt is Prompt.LEAVE
    session.back()
    assert session.prompt is None
    end_rest(session, clock, seconds=190)
    session.primary()
    session.back()
    assert session.stage is Stage.LIFTING
    session.back()
    assert session.stage is Stage.RESTING, "the set was not saved: the rest before it goes on"
    session.back()
    assert session.confirm() is Outcome.LEFT
    assert len(sets_for_session(store, session.session_id)) == 1
    assert get_session(store, session.session_id).state == "in_progress"


def test_extra_set_skip_and_swap_change_the_stored_layout(store: Store, clock: FakeClock) -> None:
    session = start_workout(store, clock=clock)
    for _ in range(3):
        lift_set(session, clock)
        if session.stage is Stage.RESTING and session.next and session.next.number > 1:
            end_rest(session, clock, seconds=180)
    session.add_extra_set()
    assert session.next is not None and (session.next.key, session.next.number) == (
        "back_squat",
        4,
    )
    assert get_session(store, session.session_id).layout["slots"][0]["sets"] == 4
    session.skip_exercise()
    assert session.next is not None and session.next.key == "conventional_deadlift"
    session.open_swap()
    assert session.prompt is Prompt.SWAP
    names = [choice.key for choice in session.book.swap_choices()]
    session.choose_swap(names.index("trap_bar_deadlift"))
    assert session.next is not None and session.next.key == "trap_bar_deadlift"
    slots = get_session(store, session.session_id).layout["slots"]
    assert (slots[0]["skipped"], slots[1]["key"]) == (True, "trap_bar_deadlift")
    end_rest(session, clock, seconds=180)
    session.primary()
    session.confirm()
    assert keys(store)[sets_for_session(store, session.session_id)[-1].exercise_id] == (
        "trap_bar_deadlift"
    )


def test_ending_early_skips_the_rest_and_finishing_stores_note_and_cramps(
    store: Store, clock: FakeClock
) -> None:
    from db.checkins import cramp_reports
    from desktop.gym.underway.session import CrampAnswer

    session = start_workout(store, clock=clock)
    lift_set(session, clock)
    session.end_early()
    session.back()
    assert session.stage is Stage.RESTING
    session.end_early()
    session.confirm()
    assert session.stage is Stage.SUMMARY and session.rest is None
    assert get_session(store, session.session_id).rest_started_at is None
    assert session.summary.work_sets == 1
    assert not session.finish(notes="x" * 2001)
    assert "2,000" in (session.message or "")
    assert get_session(store, session.session_id).state == "in_progress"
    bad = CrampAnswer(cramped=True, sites=("calf",), distance="far", severity=2)
    assert not session.finish(notes="ok", cramp=bad)
    assert cramp_reports(store, session.book.record.athlete_id) == []
    good = CrampAnswer(cramped=True, sites=("calf",), distance="35", severity=2)
    assert session.finish(notes="Felt strong.", cramp=good)
    closed = get_session(store, session.session_id)
    assert (closed.state, closed.notes) == ("finished", "Felt strong.")
    [report] = cramp_reports(store, closed.athlete_id)
    assert (report.cramped, report.sites, report.distance_km, report.severity) == (
        True,
        ("calf",),
        35.0,
        2,
    )
    assert report.session_id == closed.id
    assert not session.finish(notes="again")


def test_an_extra_set_from_the_summary_reopens_the_session(store: Store, clock: FakeClock) -> None:
    session = start_workout(store, clock=clock)
    session.skip_exercise()
    session.skip_exercise()
    lift_set(session, clock)
    while session.stage is not Stage.SUMMARY:
        end_rest(session, clock, seconds=181)
        session.primary()
        session.confirm()
    session.add_extra_set()
    assert session.stage is Stage.READY
    assert session.next is not None and (session.next.key, session.next.number) == (
        "reverse_lunge",
        4,
    )


def test_a_failed_commit_keeps_the_set_on_screen_to_retry(store: Store, clock: FakeClock) -> None:
    """A full disk (SQLite's max_page_count, filled by another session) refuses the set."""
    from db.errors import StoreUnwritable
    from db.sessions import log_set, start_session
    from tests.db.helpers import a_set

    session = leave_start_loads(start_workout(store, clock=clock))
    session.primary()
    session.primary()
    filler = start_session(
        store, athlete_id=1, kind="light", planned_day_id=None, started_at=clock.wall()
    )
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreUnwritable):
        for index in range(100_000):
            log_set(store, a_set(filler.id, 1, set_index=index))
    session.confirm()
    assert session.stage is Stage.LOGGING
    assert session.message is not None and "cannot save" in session.message
    assert sets_for_session(store, session.session_id) == []
    store.db.execute("PRAGMA max_page_count = 1073741823")
    assert session.save()
    assert session.stage is Stage.RESTING
    assert len(sets_for_session(store, session.session_id)) == 1
