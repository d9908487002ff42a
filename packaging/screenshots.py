"""Regenerates the README's and the metainfo's screenshots from the real program.

    make screenshots            (or: .venv/bin/python packaging/screenshots.py [OUT_DIR])

The installed `cramproof` runs on a private 1366×768 Xvfb (the smallest common gym-laptop
screen) and is driven by real key events, as the journeys in tests/journeys/ drive it: the
welcome page and the set-up form on a fresh folder, then the Plan and Progress screens over a
synthetic log eight weeks into a build-up (bench/synthetic.py), then gym mode just past 3:00 of
a heavy rest. That last one is a session left open as a crash leaves it, resumed at start the
way a runner resumes it: waiting three real minutes would show the same screen.
Needs Xvfb, xdotool and imagemagick (Debian: xvfb xdotool imagemagick).
"""

from __future__ import annotations

import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from PySide6.QtGui import QImage  # noqa: E402

from bench.synthetic import populate  # noqa: E402
from db.store import open_store  # noqa: E402
from desktop.gym.opening.start import start_workout  # noqa: E402
from tests.audio_server import missing_tools, pulse_server  # noqa: E402
from tests.fake_clock import FakeClock  # noqa: E402
from tests.journeys.real_app import (  # noqa: E402
    SCREEN_SIZE,
    RunningApp,
    XServer,
    installed_command,
    launch,
    poll,
)

REST_SO_FAR_S = 185  # just past 3:00: the whole timer has turned green
FLASHES_S = 3.0  # long enough for a silent ready cue's flashes to end


def steady(x: XServer) -> QImage:
    """The screen once two looks a moment apart agree (charts drawn, focus frames settled)."""
    last: list[QImage] = [x.screenshot()]

    def same_again() -> QImage | None:
        time.sleep(0.4)
        last.append(x.screenshot())
        return last[-1] if last[-1] == last[-2] else None

    return poll("a steady screen", same_again, timeout=15)


def fill_screen(app: RunningApp, window: int) -> None:
    """As a maximised window on a laptop without a title bar: the whole 1366×768."""
    app.x.run("xdotool", "windowmove", "--sync", str(window), "0", "0")
    app.x.run("xdotool", "windowsize", "--sync", str(window), *map(str, SCREEN_SIZE))


def save(image: QImage, out: Path) -> None:
    assert (image.width(), image.height()) == SCREEN_SIZE, image.size()
    assert image.save(str(out)), out
    sys.stdout.write(f"wrote {out}\n")


def fresh_folder(x: XServer, scratch: Path, out: Path) -> None:
    """The first start: the welcome page, then the set-up form filled in by keyboard."""
    app = launch(x, scratch / "fresh", [str(installed_command())], scratch)
    try:
        main = app.window("Welcome — Cramproof")
        fill_screen(app, main)
        save(steady(x), out / "welcome.png")
        app.press(main, "Return")
        form = app.window("Set up your build-up")
        app.type(form, "Sam")
        app.press(form, "Tab")
        app.type(form, (date.today() + timedelta(weeks=15)).isoformat())
        save(steady(x), out / "setup.png")
    finally:
        app.quit()


def eight_weeks_in(x: XServer, scratch: Path, out: Path) -> Path:
    """The Plan (F2) and Progress (F3) screens eight weeks into a build-up."""
    folder = scratch / "eight-weeks"
    populate(folder)
    app = launch(x, folder, [str(installed_command())], scratch)
    try:
        main = app.window("Sam — Cramproof")
        fill_screen(app, main)
        save(steady(x), out / "plan.png")
        app.press(main, "F3")
        app.window("Sam – Progress — Cramproof")
        save(steady(x), out / "progress.png")
    finally:
        app.quit()
    return folder


def resting_past_ready(x: XServer, folder: Path, scratch: Path, out: Path) -> None:
    """Today's heavy session, its first work set saved 3:05 ago, offered back at start."""
    wall = datetime.now(UTC) - timedelta(seconds=REST_SO_FAR_S + 25)
    clock = FakeClock(start=1000.0, wall=wall)
    with open_store(folder / "cramproof.db", backups_dir=folder / "backups", now=wall) as store:
        session = start_workout(store, clock=clock, kind="heavy")
        session.skip_warmups()
        session.primary()
        clock.advance(25)
        session.primary()
        assert session.save(), session.message
    # With a sound output the ready cue is heard; without one the timer flashes instead.
    with ExitStack() as stack:
        sound = {}
        if not missing_tools():
            server = stack.enter_context(pulse_server(scratch / "pulse"))
            sound = {"PULSE_SERVER": server.address}
        app = launch(x, folder, [str(installed_command())], scratch, **sound)
        try:
            app.press(app.window("Resume the open session\\?"), "Return")
            main = app.window("Sam – Gym mode — Cramproof")
            fill_screen(app, main)
            time.sleep(FLASHES_S)  # the rest bar moves on every tick: the screen is never still
            save(x.screenshot(), out / "gym-ready.png")
        finally:
            app.quit()


def main(out: Path) -> None:
    x = XServer()
    try:
        with tempfile.TemporaryDirectory(prefix="cramproof-screenshots-") as name:
            scratch = Path(name)
            fresh_folder(x, scratch, out)
            folder = eight_weeks_in(x, scratch, out)
            resting_past_ready(x, folder, scratch, out)
    finally:
        x.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else REPO_ROOT / "packaging" / "screenshots"))
