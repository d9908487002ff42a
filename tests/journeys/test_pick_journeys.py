"""Two runs near the double day the plan shows, imported by `cramproof runs import`; in the real
program, by keyboard only, the runner makes the shorter one that day's run: Plan → Choose the
long run… (Ctrl+L), ↑, Enter. The pick is on disk and the plan says it (OCR of the screen)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QRect

from desktop.plan.overview import DayEntry
from desktop.plan.planning import Planning
from desktop.plan.run_links import RUN_WORDS
from tests.journeys.real_app import RunningApp, installed_command, poll
from tests.planning_support import FORM, open_harness
from tests.runs.fit_builder import T0, Leg, fit_bytes

Start = Callable[..., RunningApp]
SHOTS = Path("/tmp")
DAY_S = 86_400


def _runs(folder: Path, day: date) -> Path:
    """The day before `day`, 30.2 km; on `day`, 12.0 km; both at 5 m/s from 07:00 UTC."""
    folder.mkdir(parents=True)
    on_day = (day - T0.date()).days * DAY_S
    for name, seconds, offset in (
        ("day-before.fit", 6040, on_day - DAY_S),
        ("on-the-day.fit", 2400, on_day),
    ):
        leg = Leg("running", seconds, speed=5.0, offset_s=offset)
        (folder / name).write_bytes(fit_bytes([leg]))
    return folder


def _shown_day(data_dir: Path) -> DayEntry:
    """Ana's plan, and the double day the Plan screen selects at start today (the real today:
    the installed program runs on the real clock)."""
    with open_harness(data_dir) as harness:
        harness.planning.set_up(FORM)
        overview = Planning(harness.store, now=lambda: datetime.now(UTC)).overview()
    assert overview is not None
    shown = overview.due() or overview.next_day()
    assert shown is not None, "the build-up is over: move FORM's race date on"
    return shown


def _read_enlarged(app: RunningApp, rect: QRect) -> str:
    """OCR of a dialog's small print, enlarged three times first (tesseract misreads 9-pt text)."""
    crop = f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"
    png = app.x.run("import", "-window", "root", "-crop", crop, "-resize", "300%", "png:-")
    return " ".join(app.x.run("tesseract", "stdin", "stdout", data=png).decode().split())


def test_the_shorter_run_picked_as_the_long_run_by_keyboard(
    start: Start, data_dir: Path, tmp_path: Path
) -> None:
    shown = _shown_day(data_dir)
    day, run = shown.day.date, RUN_WORDS[shown.day.after]
    when = f"{day:%a} {day.day} {day:%b}"
    imported = subprocess.run(
        [
            str(installed_command()),
            "--data-dir",
            str(data_dir),
            "runs",
            "import",
            str(_runs(tmp_path / "runs", day)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert imported.returncode == 0 and imported.stdout.count(": imported") == 2, imported
    app = start()
    main = app.window("Ana — Cramproof")  # the plan, that double day selected
    area = app.geometry(main)
    before = poll(
        "the plan naming the longer run", lambda: "30.2 km" in (t := app.x.read_text(area)) and t
    )
    assert "Ctrl+L" in before, before
    app.press(main, "ctrl+l")
    dialog = app.window(f"Choose the {run} of {when}")
    listed = _read_enlarged(app, app.geometry(dialog))
    app.x.screenshot(app.geometry(dialog)).save(str(SHOTS / "cramproof-journey-pick.png"))
    assert "12.0 km" in listed and "Automatic (longest)" in listed, listed
    app.press(dialog, "Up", "Return")  # from "Automatic (longest)" up to the day's 12.0 km
    poll("the pick on disk", lambda: app.rows("SELECT run_id FROM run_picks") or None)
    assert app.rows(
        "SELECT r.source, d.date FROM run_picks p JOIN runs r ON r.id = p.run_id "
        "JOIN planned_days d ON d.id = p.planned_day_id"
    ) == [("on-the-day.fit", day.isoformat())]
    after = poll(
        "the plan naming the day's own run",
        lambda: f"12.0 km on {when}" in (t := " ".join(app.x.read_text(area).split())) and t,
    )
    app.x.screenshot(area).save(str(SHOTS / "cramproof-journey-picked.png"))
    assert "30.2 km" not in after, after
