"""`cramproof plan` as a real process: the JSON contract, the table, and one-line usage errors."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from typing import Any

import pytest

from desktop.cli import main as cli
from desktop.cli import plan as cli_plan
from desktop.domain.buildup.model import PlanSettings
from desktop.domain.buildup.plan import build_plan
from desktop.plan.preview_format import plan_to_dict, plan_to_text
from tests.conftest import REPO_ROOT, child_env, cramproof_command

EXAMPLE = ["--race-date", "2027-04-18", "--today", "2026-12-01"]


def run_plan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cramproof_command("plan", *args),
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=child_env(),
        timeout=60,
    )


def shape_problems(plan: Any) -> list[str]:
    """Everything in `plan` that breaks the documented JSON shape of `plan --json`."""
    problems: list[str] = []

    def expect(where: str, value: Any, keys: dict[str, Any]) -> None:
        if not isinstance(value, dict) or set(value) != set(keys):
            problems.append(f"{where}: keys {sorted(value) if isinstance(value, dict) else value}")
            return
        for key, kind in keys.items():
            if isinstance(kind, tuple) and kind[0] == "pair":
                ok = isinstance(value[key], list) and len(value[key]) == 2
                ok = ok and all(type(v) is int for v in value[key])
            elif isinstance(kind, set):
                ok = value[key] in kind
            else:
                ok = type(value[key]) is kind
            if not ok:
                problems.append(f"{where}.{key}: {value[key]!r}")

    def iso(where: str, text: Any) -> date | None:
        try:
            return date.fromisoformat(text)
        except (TypeError, ValueError):
            problems.append(f"{where}: not an ISO date {text!r}")
            return None

    expect("plan", plan, {"race_date": str, "weeks_total": int, "weeks": list})
    if problems:
        return problems
    iso("race_date", plan["race_date"])
    week_keys = {
        "week": int,
        "weeks_out": int,
        "start": str,
        "end": str,
        "phase": {"phase1", "phase2", "taper"},
        "days": list,
    }
    day_keys = {
        "date": str,
        "after": {"long_run", "speed_run"},
        "conditional": bool,
        "sessions": list,
    }
    session_keys = {
        "kind": {"heavy", "light"},
        "sets": int,
        "reps": ("pair",),
        "rest_s": ("pair",),
        "exercises": list,
        "names": list,
    }
    for w, week in enumerate(plan["weeks"]):
        expect(f"weeks[{w}]", week, week_keys)
        if not isinstance(week, dict) or not isinstance(week.get("days"), list):
            continue
        start, end = iso(f"weeks[{w}].start", week["start"]), iso(f"weeks[{w}].end", week["end"])
        dates = []
        for d, day in enumerate(week["days"]):
            expect(f"weeks[{w}].days[{d}]", day, day_keys)
            when = iso(f"weeks[{w}].days[{d}].date", day.get("date"))
            dates.append(when)
            if when and start and end and not start <= when <= end:
                problems.append(f"weeks[{w}].days[{d}] outside its week")
            sessions = day.get("sessions", [])
            if [s.get("kind") for s in sessions if isinstance(s, dict)] != ["heavy", "light"]:
                problems.append(f"weeks[{w}].days[{d}].sessions: not heavy then light")
            for s, session in enumerate(sessions):
                expect(f"weeks[{w}].days[{d}].sessions[{s}]", session, session_keys)
                names = session.get("exercises") if isinstance(session, dict) else None
                if not names or not all(isinstance(n, str) for n in names):
                    problems.append(f"weeks[{w}].days[{d}].sessions[{s}].exercises: {names!r}")
        if None not in dates and dates != sorted(dates):
            problems.append(f"weeks[{w}].days not in date order")
    return problems


def test_shape_checker_spots_a_broken_plan() -> None:
    good = plan_to_dict(
        build_plan(PlanSettings(race_date=date(2027, 4, 18)), today=date(2027, 1, 1))
    )
    assert shape_problems(good) == []
    broken = json.loads(json.dumps(good))
    broken["weeks"][3]["days"][1]["conditional"] = "yes"
    broken["weeks"][0]["days"][0]["sessions"][0]["reps"] = [4]
    broken["weeks"][1]["end"] = "soon"
    broken["extra"] = 1
    assert len(shape_problems(broken)) == 1
    del broken["extra"]
    assert len(shape_problems(broken)) == 3


def test_json_preview_of_the_example_race() -> None:
    result = run_plan(*EXAMPLE, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    plan = json.loads(result.stdout)
    assert shape_problems(plan) == []
    assert (plan["race_date"], plan["weeks_total"], len(plan["weeks"])) == ("2027-04-18", 14, 14)
    week1 = plan["weeks"][0]
    assert (week1["week"], week1["weeks_out"], week1["start"], week1["end"]) == (
        1,
        14,
        "2027-01-10",
        "2027-01-16",
    )
    assert week1["phase"] == "phase1"
    assert [(d["date"], d["after"], d["conditional"]) for d in week1["days"]] == [
        ("2027-01-10", "long_run", False)
    ]
    heavy, light = week1["days"][0]["sessions"]
    assert (heavy["sets"], heavy["reps"], heavy["rest_s"]) == (3, [4, 5], [180, 300])
    assert (light["sets"], light["reps"], light["rest_s"]) == (2, [10, 20], [60, 90])
    week4 = plan["weeks"][3]
    assert [(d["after"], d["conditional"]) for d in week4["days"]] == [
        ("long_run", False),
        ("speed_run", True),
    ]
    assert [w["days"] for w in plan["weeks"][-3:]] == [[], [], []]


def test_json_preview_of_a_late_start_leaves_the_past_out() -> None:
    result = run_plan(
        "--race-date",
        "2027-04-18",
        "--today",
        "2027-02-02",
        "--weeks",
        "16",
        "--json",
        "--long-run-day",
        "Saturday",
        "--speed-day",
        "tue",
    )
    assert result.returncode == 0
    plan = json.loads(result.stdout)
    assert shape_problems(plan) == []
    assert plan["weeks"][0]["end"] >= "2027-02-02" and plan["weeks"][0]["week"] > 1
    dates = [d["date"] for w in plan["weeks"] for d in w["days"]]
    assert dates and min(dates) >= "2027-02-02"
    assert {date.fromisoformat(d).weekday() for d in dates} == {5, 1}
    assert "Late start" in result.stderr


def test_plain_preview_is_a_readable_table() -> None:
    result = run_plan(*EXAMPLE)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Cramproof build-up for the race on Sun 2027-04-18")
    assert any(line.startswith("   1   14  2027-01-10 .. 2027-01-16  phase 1") for line in lines)
    assert sum("no strength work (taper)" in line for line in lines) == 3
    assert sum("if the gate opens" in line for line in lines) == 8
    assert "tired legs: form first" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--race-date", "2027-04-18", "--long-run-day", "wed", "--speed-day", "Wednesday"],
        ["--race-date", "2027-04-18", "--today", "2027-04-19"],
        ["--race-date", "2020-01-01"],
        ["--race-date", "next spring"],
        ["--race-date", "2027-02-30"],
        ["--race-date", "2027-04-18", "--weeks", "13"],
        ["--race-date", "2027-04-18", "--weeks", "many"],
        ["--race-date", "2027-04-18", "--long-run-day", "someday"],
        ["--race-date", "2027-04-18", "--colour"],
        ["--weeks", "14"],
        ["--race-date"],
        ["--race-date", "0001-02-01", "--today", "0001-01-01"],
        ["--race-date", "9999-12-31", "--today", "2027-01-01"],
        ["--race-date", "2029-01-02", "--today", "2027-01-01"],
        ["--race-date", "2030-03-01", "--today", "2028-02-29"],
    ],
)
def test_bad_arguments_exit_2_with_one_line_and_no_output(args: list[str]) -> None:
    result = run_plan(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    # Options no command knows are reported by the top-level parser.
    assert result.stderr.startswith(
        ("cramproof plan: error: ", "cramproof: error: unrecognized arguments")
    )


@pytest.mark.parametrize(
    ("race", "today", "message"),
    [
        ("0001-02-01", "0001-01-01", "too early: its 14-week build-up would begin before"),
        ("9999-12-31", "2027-01-01", "more than 2 years away (latest 2029-01-01)"),
        ("2030-03-01", "2028-02-29", "more than 2 years away (latest 2030-02-28)"),
    ],
)
def test_race_dates_out_of_range_are_refused_in_words(
    race: str, today: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_plan.run(cli.parse(["plan", "--race-date", race, "--today", today])) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err


def test_a_race_two_years_ahead_is_still_planned(capsys: pytest.CaptureFixture[str]) -> None:
    args = cli.parse(["plan", "--race-date", "2029-01-01", "--today", "2027-01-01", "--json"])
    assert cli_plan.run(args) == 0
    assert json.loads(capsys.readouterr().out)["race_date"] == "2029-01-01"


def test_plan_runs_in_process_with_the_same_errors(capsys: pytest.CaptureFixture[str]) -> None:
    args = cli.parse(["plan", *EXAMPLE, "--json"])
    assert cli_plan.run(args) == 0
    assert json.loads(capsys.readouterr().out)["weeks"][0]["start"] == "2027-01-10"
    with pytest.raises(SystemExit) as exited:
        cli.parse(["plan", "--race-date", "soon"])
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("cramproof plan: error: ")
    assert len(captured.err.splitlines()) == 1


def test_text_marks_a_plan_with_nothing_left() -> None:
    plan = build_plan(PlanSettings(race_date=date(2027, 4, 18)), today=date(2027, 4, 1))
    text = plan_to_text(plan)
    assert "Warning: Late start" in text and "No strength plan" in text
    assert "Heavy, right after the run" not in text
