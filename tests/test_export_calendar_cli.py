"""`cramproof export --format ics`: the plan's calendar with an alarm for each light session."""

from __future__ import annotations

import argparse
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from db.athletes import create_athlete
from db.light_reminders import LightReminder, save_light_reminder
from desktop.cli import export as cli_export
from desktop.cli import main as cli
from desktop.plan.planning import Planning
from desktop.runtime.paths import AppPaths
from tests.conftest import child_env, cramproof_command
from tests.local_zone import local_time
from tests.planning_support import BEFORE_START, FORM, WEEK1, SettableClock, open_test_store


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    """Ana's build-up, her first double day's light session set for 17:30; Bo has no plan."""
    store = open_test_store(data_dir)
    try:
        planning = Planning(store, now=SettableClock(BEFORE_START))
        planning.set_up(FORM)
        athlete = planning.current_athlete()
        assert athlete is not None
        ended, at = local_time(WEEK1, 11, 30), local_time(WEEK1, 17, 30)
        save_light_reminder(store, LightReminder(athlete.id, WEEK1, ended, at))
        create_athlete(store, "Bo", created_at=ended)
    finally:
        store.close()
    return AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")


def command(*args: str) -> argparse.Namespace:
    return cli.parse(["export", "--format", "ics", *args])


def alarms(data: bytes) -> dict:
    """Each event's start day and its alarms' (trigger, description)."""
    found = {}
    for event in Calendar.from_ical(data).walk("VEVENT"):
        found[event.decoded("dtstart")] = [
            (alarm.decoded("trigger"), str(alarm["description"])) for alarm in event.walk("VALARM")
        ]
    return found


def test_the_calendar_carries_an_alarm_for_each_light_session(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.ics"
    assert cli_export.run(command("--out", str(out), "--athlete", "Ana"), paths) == 0
    assert capsys.readouterr().out.startswith("Exported the calendar of Ana, 19 double days")
    found = alarms(out.read_bytes())
    assert len(found) == 19
    half_past_five = (timedelta(hours=17, minutes=30), "Light session at 17:30")
    assert found[WEEK1] == [half_past_five]
    # Days not lifted yet ring at the runner's latest light-session time of day.
    assert all(found[day] == [half_past_five] for day in found)


def test_an_athlete_without_a_plan_is_one_line_and_exit_1(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bo.ics"
    assert cli_export.run(command("--out", str(out), "--athlete", "Bo"), paths) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "Bo has no build-up yet" in captured.err
    assert not out.exists()


def test_a_folder_as_the_file_is_one_line_and_exit_1(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_export.run(command("--out", str(tmp_path)), paths) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_the_installed_command_line_writes_the_calendar(paths: AppPaths, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    result = subprocess.run(
        cramproof_command(
            "--data-dir", str(paths.data_dir), "export", "--format", "ics", "--out", str(out)
        ),
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert len(alarms(out.read_bytes())) == 19
