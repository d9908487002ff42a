"""A watch's folder imported through File → Import runs from a folder…, by keyboard only, in the
real program: the progress dialog's summary, the cramp report offered for the long run, the
status bar, and the runs stored on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect

from tests.journeys.real_app import RunningApp, poll
from tests.planning_support import FORM, open_harness
from tests.runs.fit_builder import Leg, fit_bytes

Start = Callable[..., RunningApp]
SHOTS = Path("/tmp")


def _watch(folder: Path) -> Path:
    """GARMIN/Activity: a 65-minute long run, an easy run the day before, an empty file."""
    folder.mkdir(parents=True)
    (folder / "long.fit").write_bytes(fit_bytes([Leg("running", 3900)]))
    (folder / "easy.fit").write_bytes(fit_bytes([Leg("running", 1200, offset_s=-86_400)]))
    (folder / "x.fit").write_bytes(b"")
    return folder


def _read(app: RunningApp, window: int, *, name: str) -> str:
    """What a window says (OCR), its screenshot kept for a person to look at."""
    area = app.geometry(window)
    app.x.screenshot(area).save(str(SHOTS / f"cramproof-journey-{name}.png"))
    return " ".join(app.x.read_text(area).split())


def test_a_watch_folder_imported_from_the_menu_by_keyboard(
    start: Start, data_dir: Path, tmp_path: Path
) -> None:
    with open_harness(data_dir) as harness:
        harness.planning.set_up(FORM)
    folder = _watch(tmp_path / "WATCH" / "GARMIN" / "Activity")
    app = start()
    main = app.window("Ana — Cramproof")
    app.press(main, "alt+f", "o")  # File → Import runs from a f&older…
    picker = app.window(r"Import runs: a folder \(a watch's GARMIN/Activity\)")
    app.press(picker, "ctrl+a")
    app.type(picker, str(folder))
    app.press(picker, "Return")
    progress = app.window("Import runs")
    summary = poll(
        "the import's summary",
        lambda: "runs imported" in (text := _read(app, progress, name="summary")) and text,
    )
    assert "2 runs imported" in summary, summary
    assert "1 unreadable: x.fit" in summary and "empty file" in summary, summary
    assert app.rows("SELECT source, round(distance_m) FROM runs ORDER BY started_at") == [
        ("easy.fit", 3600.0),
        ("long.fit", 11700.0),
    ]
    app.press(progress, "Return")  # Close, focused
    offer = app.window("Cramp report")
    asked = _read(app, offer, name="cramp-offer")
    assert "11.7 km run of Sunday 14 March 2027" in asked, asked
    app.press(offer, "Escape")  # not now
    poll("the cramp report gone", lambda: "Cramp report" not in app.titles().values())
    area = app.geometry(main)
    status = QRect(area.x(), area.bottom() - 120, area.width() // 2, 120)
    said = poll(
        "the status bar's summary",
        lambda: "imported" in (text := app.x.read_text(status)) and text,
    )
    app.x.screenshot(area).save(str(SHOTS / "cramproof-journey-window.png"))
    assert "2 runs imported" in said, said
    assert app.rows("SELECT count(*) FROM cramp_reports") == [(0,)]
