"""Opening a damaged log at start: never overwritten, moved aside, newest good backup offered."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench.startup import READY_CPU
from db.backup import new_backup_path, write_backup
from db.migrations import MIGRATIONS
from desktop.plan.planning import Planning
from desktop.plan.setup_form import SetupForm
from desktop.runtime.paths import AppPaths
from desktop.runtime.startup import Choice, StoreProblem, open_or_recover
from tests.conftest import REPO_ROOT, child_env
from tests.system_needs import require_qt

T0 = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")


class Asked:
    """Records every problem shown and answers with a fixed choice."""

    def __init__(self, answer: Choice) -> None:
        self.answer = answer
        self.problems: list[StoreProblem] = []

    def __call__(self, problem: StoreProblem) -> Choice:
        self.problems.append(problem)
        return self.answer


def _log_with_athlete(paths: AppPaths, name: str) -> None:
    store = open_or_recover(paths, now=lambda: T0, ask=Asked(Choice.QUIT))
    assert store is not None
    store.db.execute(
        "INSERT INTO athletes (name, created_at) VALUES (?, ?)", [name, T0.isoformat()]
    )
    store.db.conn.commit()
    store.close()


def _athletes(paths: AppPaths) -> list[str]:
    with sqlite3.connect(paths.database) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM athletes ORDER BY id")]


def _quarantined(paths: AppPaths) -> list[Path]:
    """The moved-aside database files (their -wal/-shm companions travel with them)."""
    moved = paths.data_dir.glob("cramproof.db.corrupt-*")
    return sorted(p for p in moved if not p.name.endswith(("-wal", "-shm")))


def test_first_start_creates_a_private_empty_log(paths: AppPaths) -> None:
    asked = Asked(Choice.QUIT)
    store = open_or_recover(paths, now=lambda: T0, ask=asked)
    assert store is not None
    store.close()
    assert asked.problems == []
    assert paths.database.stat().st_mode & 0o077 == 0


def test_damaged_log_is_moved_aside_and_newest_backup_restored(paths: AppPaths) -> None:
    _log_with_athlete(paths, "Ana")
    write_backup(paths.database, new_backup_path(paths.backups, now=T0, reason="manual"))
    damaged = b"this is not what was written" * 100
    paths.database.write_bytes(damaged)

    asked = Asked(Choice.RESTORE)
    store = open_or_recover(paths, now=lambda: T0 + timedelta(hours=1), ask=asked)
    assert store is not None
    store.close()
    (problem,) = asked.problems
    assert problem.backup is not None and problem.choices[0] is Choice.RESTORE
    assert _athletes(paths) == ["Ana"]
    (moved,) = _quarantined(paths)
    assert moved == problem.moved_to
    assert hashlib.sha256(moved.read_bytes()).digest() == hashlib.sha256(damaged).digest()


def test_damaged_log_without_backup_can_start_fresh_and_keeps_the_old_file(paths: AppPaths) -> None:
    paths.data_dir.mkdir(parents=True)
    garbage = bytes(range(256)) * 40
    paths.database.write_bytes(garbage)
    asked = Asked(Choice.START_FRESH)
    store = open_or_recover(paths, now=lambda: T0, ask=asked)
    assert store is not None
    store.close()
    assert asked.problems[0].choices == (Choice.START_FRESH, Choice.QUIT)
    assert _athletes(paths) == []
    (moved,) = _quarantined(paths)
    assert moved.read_bytes() == garbage


def test_quitting_leaves_everything_on_disk(paths: AppPaths) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.database.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    assert open_or_recover(paths, now=lambda: T0, ask=Asked(Choice.QUIT)) is None
    assert not paths.database.exists()
    (moved,) = _quarantined(paths)
    assert moved.read_bytes() == b"SQLite format 3\x00" + b"\x00" * 50


def test_log_from_a_newer_cramproof_is_refused_untouched(paths: AppPaths) -> None:
    _log_with_athlete(paths, "Ana")
    with sqlite3.connect(paths.database) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATIONS.name, "9999_from_the_future", T0.isoformat()],
        )
    before = paths.database.read_bytes()
    asked = Asked(Choice.QUIT)
    assert open_or_recover(paths, now=lambda: T0, ask=asked) is None
    (problem,) = asked.problems
    assert problem.choices == (Choice.QUIT,)
    assert "newer" in problem.message.lower()
    assert paths.database.read_bytes() == before


def _log_with_a_plan(paths: AppPaths) -> None:
    """Ana's log with a build-up to a race a year away, made in this process: the window's
    process then starts as a runner's does, with nothing loaded."""
    store = open_or_recover(paths, now=lambda: datetime.now(UTC), ask=Asked(Choice.QUIT))
    assert store is not None
    race = datetime.now(UTC).date().replace(year=datetime.now(UTC).year + 1)
    Planning(store, now=lambda: datetime.now(UTC)).set_up(
        SetupForm(name="Ana", race_date=str(race))
    )
    store.close()


LOADED_AT_START = """
import sys
from pathlib import Path
from desktop.app import start_window
from desktop.runtime.paths import AppPaths
folder = Path(sys.argv[1])
paths = AppPaths(data_dir=folder, log_dir=folder / "logs")
import logging
from PySide6.QtCore import QDir
from desktop.ui.shell.single_instance import server_name
def raise_socket():  # where a second launch knocks (its name loads hashlib: asked after)
    return Path(QDir.tempPath(), server_name(folder))
listening_at_log_on_screen = []
class AtLogOnScreen(logging.Handler):
    def emit(self, record):
        if record.getMessage().startswith("Main window shown"):
            # Python's socket module comes with the raise server, the turn after, and hashlib
            # with its name.
            loaded = ("socket" in sys.modules, "hashlib" in sys.modules)
            listening_at_log_on_screen.append((raise_socket().exists(), *loaded))
logging.getLogger("desktop.log_opener").addHandler(AtLogOnScreen())
started = start_window(paths)
while not started.opened:
    started.app.processEvents()
for _ in range(5):  # start-up's queued steps: the check-in, the last screen, the window icon
    started.app.processEvents()
assert started.window.store is not None
watched = ("PySide6.QtNetwork", "PySide6.QtTextToSpeech", "desktop.ui.plan.setup_dialog",
           "desktop.ui.plan.checkin_dialog", "desktop.ui.plan.exercises_dialog",
           "desktop.ui.plan.second_day_dialog",
           "garmin_fit_sdk", "gpxpy", "tcxreader", "defusedxml", "desktop.runs", "PySide6.QtDBus",
           "desktop.ui.shell.welcome_view")  # a log with a plan opens on the plan
print(" ".join(name for name in watched if name in sys.modules) or "none")
import PySide6.QtWidgets as widgets  # a class's enums are built when it is first imported
dialogs = ("QFileDialog", "QMessageBox", "QInputDialog", "QDialogButtonBox", "QSlider")
print(" ".join(name for name in dialogs if name in vars(widgets)) or "none")
print(listening_at_log_on_screen, raise_socket().exists(), "_hashlib" in sys.modules)
compiled = sorted(  # @dataclass compiles each class's methods from source: 0.6 ms a class
    f"{module.__name__}.{value.__name__}"
    for module in list(sys.modules.values())
    if module.__name__.startswith(("desktop.", "db."))
    for value in vars(module).values()
    if isinstance(value, type) and "__dataclass_fields__" in vars(value)
    and value.__init__.__code__.co_filename == "<string>"
)
print(" ".join(compiled) or "none")
started.window.grab()  # the first screen painted, its selected day outlined
import PySide6.QtCore as core  # the `Qt` namespace builds its 100-odd enums when first touched
print("Qt" in vars(core), "QStyle" in vars(widgets))  # QStyle: 11 enums, about 10 ms
started.window.close()
started.shut_down()
"""


def test_the_log_on_screen_loads_no_qtnetwork_no_speech_no_runs_and_no_plan_dialog(
    data_dir: Path,
) -> None:
    """Start-up's cost is what it loads: the raise server runs on QtCore alone, the voice waits
    for the first rest, the Plan menu's dialogs until one is opened, and the run readers until a
    run is imported, the light session's D-Bus reminder until it is due, and the message boxes,
    file dialogs and sliders (whose enums PySide6 builds on import) until one is shown. The
    records behind the first screen are frozen dataclasses made without compiling code
    (db.lean_dataclass). The raise server listens from the turn after the log is on screen. The
    screen is drawn without PySide6's `Qt` namespace (pyside_compat), 30-40 ms of enums, and
    without `QStyle`'s, about 10 ms (the plan table's selected day). hashlib waits for the
    raise server's name, and never loads OpenSSL (hashlib_compat)."""
    require_qt()
    _log_with_a_plan(AppPaths(data_dir=data_dir, log_dir=data_dir / "logs"))
    result = subprocess.run(
        [sys.executable, "-c", LOADED_AT_START, str(data_dir)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=child_env(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "none",
        "none",
        "[(False, False, False)] True False",
        "none",
        "False False",
    ]


ON_SCREEN_WITHOUT = """
import sys
from pathlib import Path
from desktop.app import start_window
from desktop.runtime.paths import AppPaths
folder = Path(sys.argv[1])
started = start_window(AppPaths(data_dir=folder, log_dir=folder / "logs"))
while not started.opened:
    started.app.processEvents()
for _ in range(5):  # start-up's queued steps: the check-in, the last screen, the window icon
    started.app.processEvents()
assert started.window.store is not None
print(type(started.window.centralWidget().currentWidget()).__name__)
print(" ".join(name for name in sys.argv[2:] if name in sys.modules) or "none")
started.window.close()
started.shut_down()
"""


def test_the_log_on_screen_loads_no_sqlite_utils_no_cue_sounds_no_strptime(
    data_dir: Path,
) -> None:
    """An up-to-date log is read with plain sqlite3: sqlite-utils (with click and pluggy, about
    30 ms of start-up) is imported only for a write or a pending migration. The cue player (the
    rest timer's cues, the bundled sounds) is made when gym mode first needs it, and the
    backups' times are read from their names without strptime's first-call cost. The voice's
    speech process, and with it Python's subprocess module, waits for the first words."""
    require_qt()
    paths = AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")
    _log_with_a_plan(paths)
    yesterday = datetime.now(UTC) - timedelta(days=1)  # start-up reads the backups' names
    write_backup(paths.database, new_backup_path(paths.backups, now=yesterday, reason="manual"))
    watched = ["sqlite_utils", "sqlite_utils.db", "click", "pluggy", "desktop.ui.alerts.sound"]
    watched += ["desktop.domain.rest.rest_timer", "_strptime", "subprocess"]
    result = subprocess.run(
        [sys.executable, "-c", ON_SCREEN_WITHOUT, str(data_dir), *watched],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=child_env(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["PlanView", "none"]
    # `make bench` compares the CPU time to the log on screen, which the log line carries.
    log_text = paths.log_file.read_text(encoding="utf-8")
    assert READY_CPU.search(log_text) is not None
