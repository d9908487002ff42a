"""The log as Progress and History read it: which sets the quality shares judge, over a real log."""

from __future__ import annotations

from pathlib import Path

from db.exercises import ensure_exercise
from db.plans import active_plan
from db.records import SetRecord
from db.sessions import finish_session, log_set, start_session
from desktop.domain.progress.chart_series import quality_by_week
from desktop.plan.reader import PlanReader
from desktop.progress.log import read_build_up
from tests.planning_support import FORM, WEEK1, at_noon, open_harness


def test_a_plank_hold_is_left_out_of_the_light_rep_range_share(data_dir: Path) -> None:
    """Two light squat sets (12 and 8 reps) and three plank holds: one of two sets in range."""
    with open_harness(data_dir, day=WEEK1) as harness:
        harness.planning.set_up(FORM)
        store, athlete_id = harness.store, harness.athlete_id()
        when = at_noon(WEEK1)
        session = start_session(
            store, athlete_id=athlete_id, kind="light", planned_day_id=None, started_at=when
        )
        squat, plank = (
            ensure_exercise(store, key=key, name=key, movement=key, barbell=False, bodyweight=True)
            for key in ("back_squat", "plank")
        )
        sets = [(squat, 12, 10, 20, None), (squat, 8, 10, 20, None)]
        sets += [(plank, 0, 0, 0, 45.0)] * 3
        for index, (exercise_id, reps, low, high, hold_s) in enumerate(sets):
            log_set(
                store,
                SetRecord(
                    session_id=session.id,
                    exercise_id=exercise_id,
                    set_index=index,
                    warmup=False,
                    target_reps_min=low,
                    target_reps_max=high,
                    reps=reps,
                    load_kg=0.0,
                    form_held=True,
                    started_at=when,
                    ended_at=when,
                    hold_s=hold_s,
                ),
            )
        finish_session(store, session.id, ended_at=when)
        log = read_build_up(
            store,
            PlanReader(store, now=harness.clock),
            athlete_id=athlete_id,
            plan=active_plan(store, athlete_id),
            today=WEEK1,
        )
    (logged,) = log.logged
    assert dict(logged.work_sets) == {"back_squat": 2, "plank": 3}, "holds still count as done"
    (quality,) = log.quality
    assert (quality.work_sets, quality.in_target) == (2, 1)
    week1 = quality_by_week(log.spans, log.quality)[0]
    assert week1.light_in_range == 0.5
