"""Cramproof as a runner starts it: the installed program on a private X server, driven by real
key events (xdotool) and seen from outside the process (window titles, screenshots, OCR).

Nothing here reaches into the running program: what a test can check is what a runner could see
on the screen, plus the training log it leaves on disk.
"""

from __future__ import annotations

import os
import random
import re
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from configparser import ConfigParser
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from tests.conftest import REPO_ROOT
from tests.system_needs import lacking

# The command each check needs, and the Debian package that provides it.
TOOLS = {
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "import": "imagemagick",
    "tesseract": "tesseract-ocr",
}
SCREEN_SIZE = (1366, 768)  # the smallest common gym-laptop screen
TIMEOUT_S = 30.0
DESKTOP_FILE = REPO_ROOT / "packaging" / "org.cramproof.Cramproof.desktop"
T = TypeVar("T")


def require_tools(*commands: str) -> None:
    """Skip naming the Debian packages to install; in CI a missing tool fails instead."""
    missing = sorted({TOOLS[command] for command in commands if not shutil.which(command)})
    if missing:
        lacking(", ".join(missing), " ".join(missing))


def installed_command() -> Path:
    """The console script pip installed next to this interpreter: what `cramproof` runs."""
    script = Path(sys.executable).parent / "cramproof"
    assert script.is_file(), f"{script} is missing: install Cramproof (make test does)"
    return script


def desktop_exec(action: str | None = None) -> list[str]:
    """The menu entry's Exec line, or one of its actions', split as a launcher splits it."""
    entry = ConfigParser(interpolation=None, strict=False)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP_FILE, encoding="utf-8")
    section = "Desktop Entry" if action is None else f"Desktop Action {action}"
    return shlex.split(entry[section]["Exec"])


def poll(what: str, probe: Callable[[], T | None], *, timeout: float = TIMEOUT_S) -> T:
    """Ask `probe` until it answers (not None, not False); fail saying what never happened."""
    deadline = time.monotonic() + timeout
    while True:
        answer = probe()
        if answer is not None and answer is not False:
            return answer
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: nothing after {timeout:.0f} s")
        time.sleep(0.1)


class XServer:
    """A private Xvfb on a display number of its own.

    Other X servers may come and go on the low numbers (every `-displayfd` search starts at :0,
    and a server that loses that race can remove the winner's socket), so this one tries random
    high numbers; `-displayfd` still says when it accepts clients.
    """

    def __init__(self) -> None:
        choices = random.Random().sample(range(200, 30000), 20)
        for number in choices:
            if not Path(f"/tmp/.X{number}-lock").exists() and self._start(number):
                self.display = f":{number}"
                return
        raise AssertionError(f"Xvfb would not start on any of the displays {choices}")

    def _start(self, number: int) -> bool:
        read_end, write_end = os.pipe()
        screen = ("-screen", "0", "{}x{}x24".format(*SCREEN_SIZE))
        self._server = subprocess.Popen(
            ["Xvfb", f":{number}", "-displayfd", str(write_end), "-nolisten", "tcp", *screen],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        with os.fdopen(read_end) as announced:
            started = announced.readline().strip() == str(number)
        if not started:
            self._server.wait(timeout=TIMEOUT_S)
        return started

    def run(self, *command: str, data: bytes | None = None) -> bytes:
        """One X client (xdotool, import, tesseract) run to completion on this display."""
        done = subprocess.run(
            command,
            input=data,
            capture_output=True,
            env={**os.environ, "DISPLAY": self.display},
            timeout=TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"{command[0]} failed: {done.stderr.decode(errors='replace')}")
        return done.stdout

    def screenshot(self, rect: QRect | None = None) -> QImage:
        """The root window as the runner's eyes get it (or one part of it)."""
        crop = [] if rect is None else ["-crop", _geometry(rect)]
        image = QImage.fromData(self.run("import", "-window", "root", *crop, "png:-"))
        assert not image.isNull(), "the screenshot could not be read"
        return image

    def read_text(self, rect: QRect, *, line: bool = False) -> str:
        """OCR of one part of the screen; `line` for a single line such as the rest timer."""
        png = self.run("import", "-window", "root", "-crop", _geometry(rect), "png:-")
        mode = ["--psm", "7"] if line else []
        return self.run("tesseract", "stdin", "stdout", *mode, data=png).decode(errors="replace")

    def close(self) -> None:
        self._server.terminate()
        self._server.wait(timeout=TIMEOUT_S)


def _geometry(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"


@dataclass
class RunningApp:
    """One Cramproof process on the X server, and the data folder it was started with."""

    x: XServer
    process: subprocess.Popen[bytes]
    data_dir: Path
    stderr_file: Path

    def titles(self) -> dict[int, str]:
        """Its visible top-level windows, by X id, with the titles a window switcher shows."""
        try:
            found = self.x.run("xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid))
        except AssertionError:  # xdotool exits 1 when nothing matches yet
            return {}
        titles = {}
        for window in found.split():
            try:
                titles[int(window)] = (
                    self.x.run("xdotool", "getwindowname", window).decode().strip()
                )
            except AssertionError:  # closed between the search and the question
                continue
        return titles

    def window(self, title: str, *, timeout: float = TIMEOUT_S) -> int:
        """Wait for a window whose whole title matches the regular expression `title` (Qt adds
        " — Cramproof", the application's name, on X11 where the title does not already say it)."""
        pattern = re.compile(f"(?:{title})(?: — Cramproof)?")

        def matching() -> int | None:
            self.assert_running()
            titles = self.titles()
            doubled = [t for t in titles.values() if t.count("Cramproof") > 1]
            assert not doubled, f"the app's name twice in a title: {doubled}"
            return next((w for w, t in titles.items() if pattern.fullmatch(t)), None)

        try:
            return poll(f"a window titled {title!r}", matching, timeout=timeout)
        except AssertionError as error:
            raise AssertionError(f"{error}; windows now: {list(self.titles().values())}") from None

    def settled_title(self, window: int, *, quiet: float = 1.5) -> str:
        """The title once it has stopped changing for `quiet` seconds past the opening frame."""
        seen: list[tuple[float, str]] = []

        def steady() -> str | None:
            title = self.x.run("xdotool", "getwindowname", str(window)).decode().strip()
            if not seen or seen[-1][1] != title:
                seen.append((time.monotonic(), title))
            settled = time.monotonic() - seen[-1][0] >= quiet and title != "Cramproof"
            return title if settled else None

        return poll("a settled window title", steady)

    def geometry(self, window: int) -> QRect:
        shell = self.x.run("xdotool", "getwindowgeometry", "--shell", str(window)).decode()
        values = dict(line.split("=", 1) for line in shell.split())
        return QRect(
            int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])
        )

    def press(self, window: int, *keys: str) -> None:
        """Real key events to `window`, focused first as clicking it would (there is no window
        manager to give focus back when a dialog closes)."""
        self.assert_running()
        self.x.run("xdotool", "windowfocus", "--sync", str(window))
        self.x.run("xdotool", "key", "--delay", "60", *keys)

    def type(self, window: int, text: str) -> None:
        self.x.run("xdotool", "windowfocus", "--sync", str(window))
        self.x.run("xdotool", "type", "--delay", "40", text)

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Read the training log as it is on disk, the way `cramproof check` or a copy would."""
        uri = f"file:{self.data_dir / 'cramproof.db'}?mode=ro"
        with sqlite3.connect(uri, uri=True, timeout=5) as db:
            return db.execute(sql, params).fetchall()

    def assert_running(self) -> None:
        if self.process.poll() is not None:
            log = self.data_dir / "logs" / "cramproof.log"
            tail = log.read_text(errors="replace")[-1500:] if log.exists() else "(no log)"
            raise AssertionError(
                f"Cramproof exited ({self.process.returncode}): {self.stderr()}\nIts log: {tail}"
            )

    def stderr(self) -> str:
        return self.stderr_file.read_text(errors="replace")[-3000:]

    def kill(self) -> None:
        """What a dead battery or a crash does: no clean-up at all."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=TIMEOUT_S)

    def quit(self) -> int:
        """A logout's SIGTERM: the window closes cleanly; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.process.returncode


def launch(
    x: XServer, data_dir: Path, command: list[str], workdir: Path, **extra_env: str
) -> RunningApp:
    """Start `command` as a launcher does: the installed scripts on PATH, the data folder chosen
    by CRAMPROOF_DATA_DIR (a desktop entry's Exec line names none), the real X platform."""
    env = {
        **os.environ,
        **extra_env,
        "DISPLAY": x.display,
        "QT_QPA_PLATFORM": "xcb",
        "CRAMPROOF_DATA_DIR": str(data_dir),
        "PATH": f"{installed_command().parent}{os.pathsep}{os.environ['PATH']}",
    }
    workdir.mkdir(parents=True, exist_ok=True)
    stderr_file = workdir / f"stderr-{time.monotonic_ns()}.txt"
    with stderr_file.open("wb") as stderr:
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=stderr, cwd=workdir
        )
    return RunningApp(x, process, data_dir, stderr_file)
