"""The History use case: what each session counted for, corrections, and one-step undo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bench.synthetic import populate
from db.errors import StoreUnwritable
from db.sessions import log_set, start_session
from db.settings import set_setting
from db.store import Store, open_store
from desktop.domain.gym.plates import lb_to_kg
from desktop.gym.opening.equipment import BAR_SETTING
from desktop.history.history import HistoryLog
from desktop.progress.series import ProgressSource
from tests.db.helpers import a_set

TODAY = date(2027, 3, 3)
NOW = datetime.combine(TODAY, time(19)).astimezone(UTC)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    data_dir.mkdir(parents=True, exist_ok=True)
    populate(data_dir, today=TODAY)
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    yield opened
    opened.close()


@pytest.fixture
def log(store: Store) -> HistoryLog:
    return HistoryLog(store, now=lambda: NOW)


def everything(store: Store) -> list[tuple]:
    return [
        *store.db.execute("SELECT * FROM sets ORDER BY id").fetchall(),
        *store.db.execute("SELECT * FROM sessions ORDER BY id").fetchall(),
    ]


def first_heavy(log: HistoryLog):
    return next(line for line in reversed(log.sessions()) if line.kind == "heavy")


def test_sessions_newest_first_with_what_they_counted_for(log: HistoryLog, store: Store) -> None:
    lines = log.sessions()
    assert lines == sorted(lines, key=lambda line: (line.started, line.id), reverse=True)
    oldest = lines[-1]
    assert (
        oldest.counts_for
        == f"½ double day ({oldest.started:%a} {oldest.started.day} {oldest.started:%b})"
    )
    assert oldest.planned_date == oldest.started.date()
    # An unplanned session on a Friday of the build-up is extra.
    friday = datetime.combine(TODAY - timedelta(days=5), time(9)).astimezone(UTC)
    session = start_session(
        store, athlete_id=1, kind="heavy", planned_day_id=None, started_at=friday
    )
    log_set(store, a_set(session.id, 1, started_at=friday, ended_at=friday))
    extra = next(line for line in log.sessions() if line.id == session.id)
    assert (extra.counts_for, extra.sets, extra.work_sets) == ("extra: not planned", 1, 1)


def test_sets_number_work_sets_per_exercise_and_mark_warmups(log: HistoryLog) -> None:
    sets = log.sets(first_heavy(log).id)
    squat = [s for s in sets if s.exercise == "Back squat"]
    assert [s.number for s in squat] == ["W", "W", "1", "2", "3"]
    assert squat[2].target == "4–5" and squat[2].units == "kg"
    assert squat[0].rest == "" and squat[2].rest.count(":") == 1


def test_a_correction_is_committed_and_undone_exactly(log: HistoryLog, store: Store) -> None:
    before = everything(store)
    line = log.sets(first_heavy(log).id)[2]
    message = log.edit_set(line.id, reps=3, load=line.load + 2.5, form_held=False)
    assert (
        message
        == f"Corrected Back squat {line.load:g} kg × {line.reps} → {line.load + 2.5:g} kg × 3."
    )
    row = store.db.execute("SELECT reps, load_kg, form_held FROM sets WHERE id = ?", [line.id])
    assert row.fetchone() == (3, line.load + 2.5, 0)
    assert log.undo_label == f"correction of Back squat {line.load:g} kg × {line.reps}"
    assert log.undo() == f"Undid the correction of Back squat {line.load:g} kg × {line.reps}."
    assert everything(store) == before
    assert log.undo() is None and log.undo_label is None


def test_an_unchanged_edit_records_nothing(log: HistoryLog) -> None:
    line = log.sets(first_heavy(log).id)[3]
    assert log.edit_set(line.id, reps=line.reps, load=line.load, form_held=line.form_held) is None
    assert log.undo_label is None


@pytest.mark.parametrize(
    ("reps", "load", "message"),
    [(101, 60.0, "Reps"), (5, -2.5, "from 0 to 1000 kg"), (5, float("inf"), "number of kg")],
)
def test_impossible_values_are_refused_and_nothing_changes(
    log: HistoryLog, store: Store, reps: int, load: float, message: str
) -> None:
    before = everything(store)
    line = log.sets(first_heavy(log).id)[2]
    with pytest.raises(ValueError, match=message):
        log.edit_set(line.id, reps=reps, load=load, form_held=True)
    assert everything(store) == before and log.undo_label is None


def test_loads_are_edited_in_pounds_for_a_pound_plan(log: HistoryLog, store: Store) -> None:
    store.db.execute("UPDATE plans SET units = 'lb'")
    line = log.sets(first_heavy(log).id)[2]
    assert line.units == "lb" and line.load == pytest.approx(132.28, abs=0.01)
    log.edit_set(line.id, reps=line.reps, load=135.0, form_held=line.form_held)
    stored = store.db.execute("SELECT load_kg FROM sets WHERE id = ?", [line.id]).fetchone()[0]
    assert stored == pytest.approx(lb_to_kg(135.0))
    with pytest.raises(ValueError, match=r"from 0 to 2204\.62 lb"):
        log.edit_set(line.id, reps=5, load=2300.0, form_held=True)


def test_delete_and_undo_leave_the_store_as_it_was(log: HistoryLog, store: Store) -> None:
    before = everything(store)
    line = log.sets(first_heavy(log).id)[3]
    assert log.delete_set(line.id) == f"Deleted Back squat {line.load:g} kg × {line.reps}."
    assert len(everything(store)) == len(before) - 1
    log.undo()
    assert everything(store) == before


def test_a_failed_undo_keeps_the_deleted_set_to_try_again(log: HistoryLog, store: Store) -> None:
    """The store refusing the restore (read-only here, a full disk in the gym) loses nothing."""
    before = everything(store)
    line = log.sets(first_heavy(log).id)[3]
    log.delete_set(line.id)
    store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreUnwritable):
        log.undo()
    assert log.undo_label == f"deletion of Back squat {line.load:g} kg × {line.reps}"
    store.db.execute("PRAGMA query_only = OFF")
    assert log.undo() == f"Undid the deletion of Back squat {line.load:g} kg × {line.reps}."
    assert everything(store) == before and log.undo_label is None


def test_a_set_deleted_meanwhile_is_a_lookup_error(log: HistoryLog, store: Store) -> None:
    first, second = log.sets(first_heavy(log).id)[2:4]
    log.edit_set(first.id, reps=1, load=first.load, form_held=True)
    log.delete_set(second.id)
    with pytest.raises(LookupError):
        log.delete_set(second.id)
    with pytest.raises(LookupError):
        log.edit_set(second.id, reps=2, load=second.load, form_held=True)
    assert log.undo() is not None, "the deletion is still the one to undo"


def test_undo_takes_back_change_after_change_and_redo_replays_them(
    log: HistoryLog, store: Store
) -> None:
    before = everything(store)
    session = first_heavy(log).id
    first, second = log.sets(session)[2:4]
    log.edit_set(first.id, reps=1, load=first.load, form_held=True)
    log.delete_set(second.id)
    log.edit_set(first.id, reps=2, load=first.load, form_held=True)
    after = everything(store)
    assert log.undo() is not None and log.undo() is not None and log.undo() is not None
    assert everything(store) == before
    assert log.undo() is None and log.undo_label is None
    assert log.redo_label == f"correction of Back squat {first.load:g} kg × {first.reps}"
    assert log.redo() is not None and log.redo() is not None and log.redo() is not None
    assert everything(store) == after
    assert log.redo() is None
    log.undo()
    log.delete_set(first.id)  # a new change forgets what could be redone
    assert log.redo_label is None


def test_a_whole_session_is_deleted_and_undone_exactly(log: HistoryLog, store: Store) -> None:
    before = everything(store)
    heavy = first_heavy(log)
    message = log.delete_session(heavy.id)
    assert message.startswith(f"Deleted the heavy session of {heavy.started:%a} ")
    assert message.endswith(f"({heavy.sets} sets).")
    assert heavy.id not in [line.id for line in log.sessions()]
    assert not store.db.execute("SELECT 1 FROM sets WHERE session_id = ?", [heavy.id]).fetchone()
    assert log.undo() == f"Undid the deletion of {message[len('Deleted ') : -1]}."
    assert everything(store) == before
    log.redo()
    assert heavy.id not in [line.id for line in log.sessions()]
    log.undo()
    assert everything(store) == before


def test_deleting_a_session_keeps_its_cramp_report(log: HistoryLog, store: Store) -> None:
    session = start_session(store, athlete_id=1, kind="heavy", planned_day_id=None, started_at=NOW)
    store.db.execute(
        "INSERT INTO cramp_reports (athlete_id, session_id, date, cramped, severity, created_at)"
        " VALUES (1, ?, ?, 1, 2, ?)",
        [session.id, TODAY.isoformat(), NOW.isoformat()],
    )
    assert log.delete_session(session.id).endswith("(no sets).")
    mine = "SELECT session_id FROM cramp_reports WHERE date = ? AND severity = 2 AND cramped = 1"
    assert store.db.execute(mine, [TODAY.isoformat()]).fetchall() == [(None,)]
    log.undo()
    assert store.db.execute(mine, [TODAY.isoformat()]).fetchall() == [(session.id,)]


def test_deleting_a_set_changes_adherence_and_undo_restores_it(
    log: HistoryLog, store: Store
) -> None:
    source = ProgressSource(store, now=lambda: NOW)
    heavy = first_heavy(log)  # phase 1: 3 work sets of each lift, just enough to count
    week_done = source.load().weeks[0].done
    squat = [s for s in log.sets(heavy.id) if s.exercise == "Back squat" and not s.warmup]
    log.delete_set(squat[0].id)
    assert source.load().weeks[0].done == week_done - 0.5
    changed = next(line for line in log.sessions() if line.id == heavy.id)
    assert changed.counts_for.startswith("partly (") and "too few sets" in changed.counts_for
    log.undo()
    assert source.load().weeks[0].done == week_done
    restored = next(line for line in log.sessions() if line.id == heavy.id)
    assert restored.counts_for.startswith("½ double day (")


def test_one_session_is_exported_as_one_session(data_dir: Path, tmp_path: Path) -> None:
    """'Exported 1 session and 1 set', not '1 sessions': the menu's line and the command's."""
    from db.athletes import create_athlete
    from db.exercises import ensure_exercise
    from desktop.export.exporter import export_current

    with open_store(data_dir / "one.db", backups_dir=data_dir / "backups", now=NOW) as store:
        athlete = create_athlete(store, "Ana")
        session = start_session(
            store, athlete_id=athlete.id, kind="heavy", planned_day_id=None, started_at=NOW
        )
        squat = ensure_exercise(
            store,
            key="back_squat",
            name="Back squat",
            movement="squat",
            barbell=True,
            bodyweight=False,
        )
        log_set(store, a_set(session.id, squat, started_at=NOW, ended_at=NOW))
        message = export_current(store, fmt="json", out=tmp_path / "one.json", now=NOW)
    assert message.startswith("Exported 1 session and 1 set of Ana to ")


def test_a_light_sessions_sets_carry_the_names_it_showed(log: HistoryLog) -> None:
    """History names a light session's squats 'Bodyweight squat', as the session did."""
    light = next(line for line in log.sessions() if line.kind == "light")
    names = {s.exercise for s in log.sets(light.id)}
    assert "Bodyweight squat" in names and "Back squat" not in names
    heavy = {s.exercise for s in log.sets(first_heavy(log).id)}
    assert "Back squat" in heavy
    assert log.sets(10**9) == []


def test_a_load_below_the_bar_is_refused_against_the_athletes_own_bar(
    log: HistoryLog, store: Store
) -> None:
    """The rule reads the bar the runner set for the gym; a load stored below it before the
    rule (or through another door) still lets the set's reps be corrected."""
    session = first_heavy(log)
    squat = next(s for s in log.sets(session.id) if s.exercise == "Back squat" and not s.warmup)
    before = everything(store)
    with pytest.raises(ValueError, match=r"^Below the empty bar \(20 kg\)\.$"):
        log.edit_set(squat.id, reps=squat.reps, load=12.5, form_held=squat.form_held)
    assert everything(store) == before
    set_setting(store, BAR_SETTING, "10", athlete_id=athlete_id_of(store, session.id))
    assert log.edit_set(squat.id, reps=squat.reps, load=12.5, form_held=squat.form_held)
    set_setting(store, BAR_SETTING, "20", athlete_id=athlete_id_of(store, session.id))
    assert log.edit_set(squat.id, reps=squat.reps - 1, load=12.5, form_held=squat.form_held)
    assert store.db.execute("SELECT reps FROM sets WHERE id = ?", [squat.id]).fetchone()[0] == (
        squat.reps - 1
    )


def athlete_id_of(store: Store, session_id: int) -> int:
    row = store.db.execute("SELECT athlete_id FROM sessions WHERE id = ?", [session_id])
    return int(row.fetchone()[0])
