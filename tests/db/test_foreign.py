"""Real SQLite files of other programs, and logs of a newer Cramproof, where the log belongs.

None of them is ever migrated, backed up over, restored from or into; each is refused in one
line (commands) or in the window's problem dialog, and the file keeps every byte.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db.errors import ForeignDatabase, NewerDatabase, StoreError
from db.migrations import APPLICATION_ID, MIGRATIONS
from db.store import open_store
from desktop.runtime.paths import AppPaths
from desktop.runtime.startup import Choice, StoreProblem, open_or_recover
from tests.db.helpers import NOW
from tests.hostile_support import one_clean_line, run_cli


def _browser_history(path: Path) -> None:
    """Shaped like a browser's places.sqlite: no table name in common with Cramproof."""
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT);
            INSERT INTO moz_places (url, title) VALUES ('https://example.org', 'Example');
        """)


def _app_with_settings(path: Path) -> None:
    """Another app's settings store: a `settings` table whose columns clash with ours."""
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT);
            INSERT INTO settings VALUES ('theme', 'dark');
        """)


def _other_gym_app(path: Path) -> None:
    """Another training log: `sets` and `athletes` tables of its own, and PRAGMA user_version."""
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE athletes (id INTEGER PRIMARY KEY, nickname TEXT);
            CREATE TABLE sets (id INTEGER PRIMARY KEY, exercise TEXT, kg REAL, reps INTEGER);
            INSERT INTO sets (exercise, kg, reps) VALUES ('bench', 60, 5);
            PRAGMA user_version = 7;
        """)


def _sqlite_utils_app(path: Path) -> None:
    """Another sqlite-utils program, with migrations of its own in `_sqlite_migrations`."""
    theirs = Migrations("notes-app")

    @theirs(name="0001_notes")
    def _notes(db: Database) -> None:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")

    with Database(path) as db:
        theirs.apply(db)
        db["notes"].insert({"body": "hello"})


def _marked_app(path: Path) -> None:
    """A file marked with another program's application_id (an empty schema otherwise)."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA application_id = 1598903374")  # 'Fsl' + 'N', a Fossil-style mark
        conn.execute("CREATE TABLE config (k TEXT, v TEXT)")


FOREIGN: dict[str, Callable[[Path], None]] = {
    "browser-history": _browser_history,
    "settings-table": _app_with_settings,
    "sets-table": _other_gym_app,
    "sqlite-utils-app": _sqlite_utils_app,
    "other-application-id": _marked_app,
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _newer_log(path: Path, *, marked: bool) -> None:
    """A Cramproof log with a migration this version does not know (marked or from before the
    application_id)."""
    open_store(path, backups_dir=path.parent / "backups", now=NOW).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATIONS.name, "9999_from_the_future", NOW.isoformat()],
        )
        if not marked:
            conn.execute("PRAGMA application_id = 0")


@pytest.fixture
def app_paths(data_dir: Path) -> AppPaths:
    data_dir.mkdir(parents=True)
    return AppPaths(data_dir=data_dir, log_dir=data_dir / "logs")


@pytest.mark.parametrize("make", FOREIGN.values(), ids=FOREIGN.keys())
def test_another_programs_database_is_never_adopted(app_paths: AppPaths, make) -> None:
    make(app_paths.database)
    before = _digest(app_paths.database)
    for _start in range(3):
        with pytest.raises(ForeignDatabase) as raised:
            open_store(app_paths.database, backups_dir=app_paths.backups, now=NOW)
        assert "another program" in raised.value.message
    assert _digest(app_paths.database) == before
    assert not app_paths.backups.exists(), "no pre-migration backup, at no start"
    assert sorted(p.name for p in app_paths.data_dir.iterdir()) == ["cramproof.db"]


@pytest.mark.parametrize("make", FOREIGN.values(), ids=FOREIGN.keys())
def test_the_window_says_so_and_offers_only_to_quit(app_paths: AppPaths, make) -> None:
    make(app_paths.database)
    before = _digest(app_paths.database)
    asked: list[StoreProblem] = []

    def ask(problem: StoreProblem) -> Choice:
        asked.append(problem)
        return Choice.QUIT

    assert open_or_recover(app_paths, now=lambda: NOW, ask=ask) is None
    (problem,) = asked
    assert problem.choices == (Choice.QUIT,)
    assert "another program's database" in problem.message
    assert _digest(app_paths.database) == before


@pytest.mark.parametrize("make", FOREIGN.values(), ids=FOREIGN.keys())
def test_commands_refuse_it_in_one_line(app_paths: AppPaths, tmp_path: Path, make) -> None:
    make(app_paths.database)
    before = _digest(app_paths.database)
    data = app_paths.data_dir
    assert "another program" in one_clean_line(run_cli("--data-dir", data, "check"))
    line = one_clean_line(
        run_cli("--data-dir", data, "export", "--format", "json", "--out", tmp_path / "x.json")
    )
    assert "another program" in line
    assert _digest(app_paths.database) == before


@pytest.mark.parametrize("make", FOREIGN.values(), ids=FOREIGN.keys())
def test_restoring_another_programs_file_is_refused(
    app_paths: AppPaths, tmp_path: Path, make
) -> None:
    open_store(app_paths.database, backups_dir=app_paths.backups, now=NOW).close()
    log_before = _digest(app_paths.database)
    other = tmp_path / "other.sqlite"
    make(other)
    result = run_cli("--data-dir", app_paths.data_dir, "restore", other)
    assert "another program" in one_clean_line(result)
    assert "Restored" not in result.stdout
    assert _digest(app_paths.database) == log_before


def test_restore_never_replaces_another_programs_file_at_the_log_path(
    app_paths: AppPaths, tmp_path: Path
) -> None:
    good = tmp_path / "good.db"
    open_store(good, backups_dir=tmp_path / "b", now=NOW).close()
    _app_with_settings(app_paths.database)
    before = _digest(app_paths.database)
    assert "another program" in one_clean_line(
        run_cli("--data-dir", app_paths.data_dir, "restore", good)
    )
    assert _digest(app_paths.database) == before


@pytest.mark.parametrize("marked", [True, False], ids=["marked", "before-the-mark"])
def test_a_log_from_a_newer_cramproof_is_refused_everywhere(
    app_paths: AppPaths, tmp_path: Path, marked: bool
) -> None:
    _newer_log(app_paths.database, marked=marked)
    before = _digest(app_paths.database)
    with pytest.raises(NewerDatabase):
        open_store(app_paths.database, backups_dir=app_paths.backups, now=NOW)
    data = app_paths.data_dir
    assert "newer version" in one_clean_line(run_cli("--data-dir", data, "check"))
    assert _digest(app_paths.database) == before
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _newer_log(elsewhere / "cramproof.db", marked=marked)
    newer_backup = tmp_path / "newer.db"
    assert run_cli("--data-dir", elsewhere, "backup", "--out", newer_backup).returncode == 0
    app_paths.database.unlink()
    for companion in app_paths.data_dir.glob("cramproof.db-*"):
        companion.unlink()
    open_store(app_paths.database, backups_dir=app_paths.backups, now=NOW).close()
    ours = _digest(app_paths.database)
    assert "newer version" in one_clean_line(run_cli("--data-dir", data, "restore", newer_backup))
    assert _digest(app_paths.database) == ours


def test_new_logs_carry_the_mark_and_old_ones_get_it(app_paths: AppPaths) -> None:
    """A log made before the application_id is recognised by its migrations and marked once."""
    open_store(app_paths.database, backups_dir=app_paths.backups, now=NOW).close()
    with sqlite3.connect(app_paths.database) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        conn.execute("PRAGMA application_id = 0")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_application_id'")
        conn.execute("INSERT INTO athletes (name, created_at) VALUES ('Ana', '2025-01-01')")
    with open_store(app_paths.database, backups_dir=app_paths.backups, now=datetime.now(UTC)) as s:
        assert s.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert s.db.execute("SELECT name FROM athletes").fetchall() == [("Ana",)]


def test_an_empty_sqlite_file_is_taken_as_a_new_log(app_paths: AppPaths) -> None:
    sqlite3.connect(app_paths.database).close()
    with sqlite3.connect(app_paths.database) as conn:
        conn.execute("PRAGMA user_version = 0")
    try:
        open_store(app_paths.database, backups_dir=app_paths.backups, now=NOW).close()
    except StoreError as error:  # pragma: no cover - the assertion below explains
        pytest.fail(f"an empty file must be usable: {error.message}")


def test_the_window_shows_it_in_the_problem_dialog(app_paths: AppPaths, qtbot, tmp_path) -> None:
    """What the runner sees: the window's own problem dialog, with only Quit to press."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.shell.store_dialogs import build_problem_box

    _app_with_settings(app_paths.database)
    asked: list[StoreProblem] = []
    open_or_recover(app_paths, now=lambda: NOW, ask=lambda p: asked.append(p) or Choice.QUIT)
    box, buttons = build_problem_box(asked[0])
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert "another program's database" in box.text() and str(app_paths.database) in box.text()
    assert list(buttons.values()) == [Choice.QUIT]
    assert box.icon() == QMessageBox.Icon.Warning
    box.grab().save(str(tmp_path / "foreign-dialog.png"))
