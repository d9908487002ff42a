"""Export: CSV and JSON read back equal to the store (formula-looking text included), Strong CSV."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.athletes import create_athlete
from db.checkins import record_cramp_report
from db.exercises import ensure_exercise
from db.history_queries import EXPORT_TABLES, export_rows, table_columns
from db.plans import save_plan
from db.records import PlanRecord, SetRecord
from db.runs import RunRecord, add_run
from db.sessions import finish_session, log_set, start_session
from db.store import Store, open_store
from desktop.export.exporter import (
    FORMULA_START,
    csv_paths,
    export_log,
    guard_cell,
    read_csv_table,
    unguard_cell,
)
from desktop.export.strong_csv import STRONG_HEADER

NOW = datetime(2027, 2, 1, 20, tzinfo=UTC)
# A long run from the watch (its figures and splits; a run stores no positions to export).
LONG_RUN = RunRecord(
    athlete_id=0,
    started_at=datetime(2027, 1, 9, 8, 5, tzinfo=timezone(timedelta(hours=1))),
    ended_at=datetime(2027, 1, 9, 10, 35, tzinfo=timezone(timedelta(hours=1))),
    sport="running",
    distance_m=3000.5,
    moving_s=1000.0,
    source="=HYPERLINK(run).fit",
    splits_s=(333.25, 333.5, 333.25),
    pace_fade_pct=11.5,
    cadence_drop_spm=None,
    decoupling_pct=4.25,
    ascent_m=45.5,
)
DAY = datetime(2027, 1, 10, 11, tzinfo=UTC)
NOTES = [
    "=SUM(A1:A9)",
    "+1 felt strong",
    "-tired legs",
    "@coach look",
    "'quoted",
    "plain, with comma",
]


@pytest.fixture
def store(data_dir: Path) -> Store:
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    yield opened
    opened.close()


def log_history(store: Store, *, units: str = "kg") -> int:
    """Three sessions with warm-ups, a held plank, rests, formula-looking notes, cramp reports."""
    athlete = create_athlete(store, "Ana", created_at=NOW)
    plan = PlanRecord(
        athlete_id=athlete.id,
        race_date=date(2027, 4, 18),
        weeks=14,
        long_run_day=6,
        speed_day=2,
        cramp_sites=("calf",),
        units=units,
        created_at=NOW,
    )
    save_plan(store, plan, [])
    squat = ensure_exercise(
        store, key="back_squat", name="Back squat", movement="squat", barbell=True, bodyweight=False
    )
    plank = ensure_exercise(
        store, key="plank", name="Plank", movement="finisher", barbell=False, bodyweight=True
    )
    for number, notes in enumerate(NOTES[:3]):
        start = DAY + timedelta(days=7 * number)
        kind = "light" if number == 2 else "heavy"
        session = start_session(
            store, athlete_id=athlete.id, kind=kind, planned_day_id=None, started_at=start
        )
        for index, (warmup, load, rest) in enumerate(
            [(True, 50.0, None), (False, 100.0 + number, 201.5), (False, 100.0 + number, 240.25)]
        ):
            log_set(
                store,
                SetRecord(
                    session_id=session.id,
                    exercise_id=squat,
                    set_index=index,
                    warmup=warmup,
                    target_reps_min=4,
                    target_reps_max=5,
                    reps=5 - index % 2,
                    load_kg=load,
                    form_held=index != 2,
                    started_at=start + timedelta(minutes=4 * index),
                    ended_at=start + timedelta(minutes=4 * index, seconds=40),
                    rest_before_s=rest,
                ),
            )
        log_set(
            store,
            SetRecord(
                session_id=session.id,
                exercise_id=plank,
                set_index=3,
                warmup=False,
                target_reps_min=0,
                target_reps_max=0,
                reps=0,
                load_kg=0.0,
                form_held=True,
                started_at=start + timedelta(minutes=20),
                ended_at=start + timedelta(minutes=21),
                hold_s=45.5,
            ),
        )
        finish_session(store, session.id, ended_at=start + timedelta(minutes=65), notes=notes)
    for number, notes in enumerate(NOTES[3:]):
        record_cramp_report(
            store,
            athlete_id=athlete.id,
            date=date(2027, 1, 10) + timedelta(days=7 * number),
            cramped=number == 0,
            sites=["calf", notes] if number == 0 else [],
            severity=2 if number == 0 else 0,
            distance_km=31.25 if number else None,
            created_at=NOW,
        )
    add_run(store, replace(LONG_RUN, athlete_id=athlete.id), imported_at=NOW)
    return athlete.id


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def stored(store: Store, table: str, athlete_id: int) -> list[dict]:
    return list(export_rows(store, table, athlete_id))


def test_csv_tables_read_back_equal_to_the_store(store: Store, tmp_path: Path) -> None:
    athlete = log_history(store)
    result = export_log(
        store, athlete_id=athlete, athlete_name="Ana", fmt="csv", out=tmp_path / "out", now=NOW
    )
    assert [p.name for p in result.files] == [
        "sessions.csv",
        "sets.csv",
        "cramp_reports.csv",
        "runs.csv",
        "run_splits.csv",
    ]
    assert (result.sessions, result.sets) == (3, 12)
    for table, path in csv_paths(tmp_path / "out").items():
        back = read_csv_table(path, table_columns(store, table))
        assert back == stored(store, table, athlete), table
    assert not list(tmp_path.glob("out/.*.part"))


def test_csv_never_starts_a_cell_with_a_formula_character(store: Store, tmp_path: Path) -> None:
    athlete = log_history(store)
    export_log(store, athlete_id=athlete, athlete_name="Ana", fmt="csv", out=tmp_path, now=NOW)
    cells = [cell for path in tmp_path.glob("*.csv") for row in read_rows(path) for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert "'=SUM(A1:A9)" in cells and "'+1 felt strong" in cells and "'-tired legs" in cells
    assert "''quoted" not in cells  # sites are JSON lists: '["calf", ...]' starts with a bracket


def test_json_reads_back_equal_to_the_store(store: Store, tmp_path: Path) -> None:
    athlete = log_history(store, units="lb")
    out = tmp_path / "log.json"
    export_log(store, athlete_id=athlete, athlete_name="Ana", fmt="json", out=out, now=NOW)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert (document["format"], document["version"], document["units"]) == (
        "cramproof-log",
        1,
        "lb",
    )
    assert document["athlete"] == "Ana"
    for table in EXPORT_TABLES:
        columns = [c.name for c in table_columns(store, table)]
        back = [{name: row[name] for name in columns} for row in document["tables"][table]]
        assert back == stored(store, table, athlete), table
    first_work_set = document["tables"]["sets"][1]
    assert (first_work_set["exercise_key"], first_work_set["unit"]) == ("back_squat", "lb")
    assert first_work_set["load"] == pytest.approx(220.46, abs=0.01)
    assert [s["notes"] for s in document["tables"]["sessions"]] == NOTES[:3]


def test_strong_csv_has_strongs_columns_first_and_warmups_as_w(
    store: Store, tmp_path: Path
) -> None:
    athlete = log_history(store, units="lb")
    out = tmp_path / "strong.csv"
    result = export_log(
        store, athlete_id=athlete, athlete_name="Ana", fmt="strong", out=out, now=NOW
    )
    assert (result.sessions, result.sets) == (3, 12)
    rows = read_rows(out)
    assert rows[0][:14] == [
        "Date",
        "Workout Name",
        "Duration",
        "Exercise Name",
        "Set Order",
        "Weight",
        "Weight Unit",
        "Reps",
        "Distance",
        "Distance Unit",
        "Seconds",
        "Notes",
        "Workout Notes",
        "RPE",
    ]
    assert tuple(rows[0]) == STRONG_HEADER
    first = [dict(zip(rows[0], row, strict=True)) for row in rows[1:5]]
    assert [r["Set Order"] for r in first] == ["W", "1", "2", "1"]
    assert [r["Exercise Name"] for r in first] == ["Back squat"] * 3 + ["Plank"]
    assert first[1]["Weight"] == "220.46" and first[1]["Weight Unit"] == "lbs"
    assert first[2]["Notes"] == "form broke" and first[3]["Seconds"] == "45.5"
    assert first[0]["Date"] == DAY.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert first[0]["Duration"] == "1h 5m" and first[0]["Workout Notes"] == "'=SUM(A1:A9)"
    assert (first[1]["Session Part"], first[1]["Rest Target (s)"]) == ("heavy", "180-300")
    assert (first[1]["Rest Actual (s)"], first[2]["Rest Actual (s)"]) == ("201.5", "240.2")
    assert first[0]["Build-up Week"] == "1"  # 2027-01-10 opens the 14-week build-up
    light = [dict(zip(rows[0], row, strict=True)) for row in rows[9:13]]
    assert {r["Session Part"] for r in light} == {"light"}
    assert light[0]["Rest Target (s)"] == "60-90"


def test_csv_paths_beside_a_csv_name(tmp_path: Path) -> None:
    paths = csv_paths(tmp_path / "my-log.csv")
    assert [p.name for p in paths.values()] == [
        "my-log-sessions.csv",
        "my-log-sets.csv",
        "my-log-cramp_reports.csv",
        "my-log-runs.csv",
        "my-log-run_splits.csv",
    ]


@given(st.text())
def test_guarding_is_exactly_undone(text: str) -> None:
    guarded = guard_cell(text)
    assert not guarded.startswith(FORMULA_START)
    assert unguard_cell(guarded) == text


def test_numbers_are_never_guarded() -> None:
    assert guard_cell(-5) == -5 and guard_cell(2.5) == 2.5 and guard_cell(None) is None


def test_runs_carry_their_climb_and_hilly_mark_in_csv_and_json(
    store: Store, tmp_path: Path
) -> None:
    # 45.5 m over 3000.5 m is 15.16 m a km: past the hilly line of 10.
    athlete = log_history(store)
    export_log(store, athlete_id=athlete, athlete_name="Ana", fmt="csv", out=tmp_path, now=NOW)
    header, row = read_rows(tmp_path / "runs.csv")
    cells = dict(zip(header, row, strict=True))
    assert (cells["ascent_m"], cells["climb_m_per_km"], cells["hilly"]) == ("45.5", "15.16", "True")
    out = tmp_path / "log.json"
    export_log(store, athlete_id=athlete, athlete_name="Ana", fmt="json", out=out, now=NOW)
    (run,) = json.loads(out.read_text(encoding="utf-8"))["tables"]["runs"]
    assert (run["ascent_m"], run["climb_m_per_km"], run["hilly"]) == (45.5, 15.16, True)
