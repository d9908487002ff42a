"""The commands against hostile paths: the live log as output, a FIFO as the log, names too
long, link loops, folders that cannot be entered, empty and folder-shaped arguments, newlines.

Each gets one line on stderr that names the path escaped, exit 1 (2 for a bad argument), and
leaves every file of the log as it was. Real processes, as root and as an ordinary user.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from db.backup import list_backups
from db.store import open_store
from tests.db.helpers import NOW
from tests.hostile_support import make_log_as, one_clean_line, run_cli, user_folder

__all__ = ["user_folder"]  # the fixture, used by name below


def _log(data: Path) -> Path:
    data.mkdir(parents=True, exist_ok=True)
    with open_store(data / "cramproof.db", backups_dir=data / "backups", now=NOW) as store:
        store.db.execute("INSERT INTO athletes (name, created_at) VALUES ('Ana', '2025-01-01')")
        store.db.conn.commit()
    return data / "cramproof.db"


def _state(data: Path) -> dict[str, str]:
    """Every file of the data folder by content (the lock file included)."""
    return {
        str(path.relative_to(data)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(data.rglob("*"))
        if path.is_file()
    }


def _log_outputs(data: Path, tmp_path: Path) -> dict[str, Path]:
    """The log and its companions, spelt every way that names the same file."""
    alias = tmp_path / "alias"
    alias.symlink_to(data)
    hard = tmp_path / "hard-link.db"
    os.link(data / "cramproof.db", hard)
    (data / "cramproof.lock").write_text("")
    (automatic,) = list_backups(data / "backups") or [None]
    outputs = {
        "wal": data / "cramproof.db-wal",
        "shm-dot": data / "." / "cramproof.db-shm",
        "journal-via-link": alias / "cramproof.db-journal",
        "log-dotdot": data / ".." / data.name / "cramproof.db",
        "hard-link": hard,
        "lock": data / "cramproof.lock",
    }
    if automatic is not None:
        outputs["kept-backup"] = automatic.path
    return outputs


@pytest.mark.parametrize("command", [["backup"], ["export", "--format", "json"]], ids=str)
def test_the_live_log_and_its_companions_are_never_an_output(
    tmp_path: Path, command: list[str]
) -> None:
    data = tmp_path / "data"
    _log(data)
    open_store(data / "cramproof.db", backups_dir=data / "backups", now=NOW).close()
    for name, out in _log_outputs(data, tmp_path).items():
        before = _state(data)
        line = one_clean_line(run_cli("--data-dir", data, *command, "--out", out))
        assert "live training log" in line, (name, line)
        assert _state(data) == before, name


def test_a_backup_named_by_the_runner_in_the_backups_folder_is_fine(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _log(data)
    result = run_cli("--data-dir", data, "backup", "--out", data / "backups" / "mine.db")
    assert result.returncode == 0, result.stderr


def _fifo_log(data: Path) -> None:
    data.mkdir(parents=True)
    os.mkfifo(data / "cramproof.db")


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["backup", "--out", "{tmp}/copy.db"],
        ["export", "--format", "json", "--out", "{tmp}/x.json"],
        ["restore", "{tmp}/good.db"],
    ],
    ids=lambda c: c[0],
)
def test_a_fifo_at_the_logs_path_is_refused_not_waited_on(
    tmp_path: Path, command: list[str]
) -> None:
    data = tmp_path / "data"
    _fifo_log(data)
    good = tmp_path / "good"
    _log(good)
    (good / "cramproof.db").rename(tmp_path / "good.db")
    args = [part.format(tmp=tmp_path) for part in command]
    line = one_clean_line(run_cli("--data-dir", data, *args, timeout=60))
    assert "FIFO" in line
    assert stat.S_ISFIFO(os.lstat(data / "cramproof.db").st_mode), "the FIFO is left where it was"
    assert not (tmp_path / "copy.db").exists() and not (tmp_path / "x.json").exists()


def _loop(tmp_path: Path) -> Path:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    return tmp_path / "a"


COMMANDS = {
    "check": ["check"],
    "backup": ["backup", "--out", "{tmp}/copy.db"],
    "export": ["export", "--format", "json", "--out", "{tmp}/x.json"],
    "restore-latest": ["restore", "latest"],
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize(
    "data_dir",
    [
        pytest.param(lambda tmp: tmp / ("x" * 300), id="name-over-255-bytes"),
        pytest.param(_loop, id="symlink-loop"),
        pytest.param(lambda tmp: tmp / "not-a-folder.txt", id="a-file-as-the-folder"),
    ],
)
def test_unusable_data_folders_fail_in_one_line(tmp_path: Path, data_dir, command) -> None:
    folder = data_dir(tmp_path)
    if folder.name == "not-a-folder.txt":
        folder.write_text("mine")
    args = [part.format(tmp=tmp_path) for part in command]
    result = run_cli("--data-dir", folder, *args)
    if command == ["check"] and result.returncode == 0:
        assert len(result.stdout.splitlines()) == 1 and result.stderr == ""
        return
    one_clean_line(result)


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_folder_that_cannot_be_entered_fails_in_one_line(
    user_folder: Path, command: list[str]
) -> None:
    """As an ordinary user (root enters every folder)."""
    data = user_folder / "data"
    data.mkdir()
    if os.geteuid() == 0:
        os.chown(data, 65534, 65534)
    make_log_as(data, as_nobody=True)
    data.chmod(0)
    args = [part.format(tmp=user_folder) for part in command]
    line = one_clean_line(run_cli("--data-dir", data, *args, as_nobody=True))
    assert "ermission denied" in line or "cannot read" in line or "not writable" in line, line


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param(["--data-dir", "", "check"], 2, id="data-dir-empty"),
        pytest.param(["backup", "--out", ""], 2, id="out-empty"),
        pytest.param(["backup", "--out", "."], 1, id="out-dot"),
        pytest.param(["backup", "--out", "{tmp}/newdir/"], 1, id="out-trailing-slash"),
        pytest.param(["backup", "--out", "{tmp}"], 1, id="out-existing-folder"),
        pytest.param(["export", "--format", "json", "--out", ""], 2, id="export-out-empty"),
        pytest.param(["export", "--format", "json", "--out", "{tmp}/d/"], 1, id="export-slash"),
    ],
)
def test_empty_and_folder_shaped_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int
) -> None:
    data = tmp_path / "data"
    _log(data)
    monkeypatch.chdir(tmp_path)
    if args[0] != "--data-dir":
        args = ["--data-dir", str(data), *args]
    before = sorted(tmp_path.rglob("*"))
    one_clean_line(run_cli(*[a.format(tmp=tmp_path) for a in args]), code=code)
    assert sorted(tmp_path.rglob("*")) == before, "nothing was created or changed"


@pytest.mark.parametrize("name", ["new\nline", "bad-\udcff-bytes", "tab\tand\rreturn"])
def test_paths_that_are_not_one_line_of_text_are_shown_escaped(tmp_path: Path, name: str) -> None:
    data = tmp_path / name
    ok = run_cli("--data-dir", data, "check")
    assert ok.returncode == 0 and ok.stderr == ""
    assert len(ok.stdout.splitlines()) == 1
    line = one_clean_line(run_cli("--data-dir", data, "backup", "--out", tmp_path / name / "x"))
    assert "\\n" in line or "\\udcff" in line or "\\t" in line
    _log(data)
    line = one_clean_line(run_cli("--data-dir", data, "backup", "--out", data / "cramproof.db-wal"))
    assert "live training log" in line


def test_an_existing_shared_folder_is_used_as_it_is(tmp_path: Path) -> None:
    """--data-dir naming a shared 1777 folder: the log is made there, the folder keeps its mode
    (only folders Cramproof creates are made 0700)."""
    from desktop.runtime.paths import AppPaths
    from desktop.runtime.startup import open_or_recover

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    paths = AppPaths(data_dir=shared, log_dir=shared / "logs")
    store = open_or_recover(
        paths, now=lambda: NOW, ask=lambda problem: pytest.fail(problem.message)
    )
    assert store is not None
    store.close()
    good = tmp_path / "good.db"
    assert run_cli("--data-dir", shared, "backup", "--out", good).returncode == 0
    restored = run_cli("--data-dir", shared, "restore", good)
    assert restored.returncode == 0, restored.stderr
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / "backups").stat().st_mode) == 0o700
