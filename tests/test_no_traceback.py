"""No command prints a traceback, whatever the path or the file's content.

Every display-free command (check, backup, export in each format, restore, runs list, runs
pick) runs through the real entry point against a table of hostile data folders and hostile
output paths, and against any file name hypothesis draws. Each run must end with exit 0, 1 or 2,
never an exception, and a failure must be exactly one line on stderr. In-process for speed; the
real-process runs are in tests/test_hostile_cli.py (another program's log: in
tests/test_foreign_log_cli.py, which also checks its folder is left as it was).
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.store import open_store
from desktop.app import main
from tests.db.helpers import NOW


def _healthy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with open_store(folder / "cramproof.db", backups_dir=folder / "backups", now=NOW) as store:
        store.db.execute("INSERT INTO athletes (name, created_at) VALUES ('Ana', '2025-01-01')")
        store.db.conn.commit()
    return folder


def _with_log(content: Callable[[Path], None]) -> Callable[[Path], Path]:
    def make(base: Path) -> Path:
        folder = base / "data"
        folder.mkdir()
        content(folder / "cramproof.db")
        return folder

    return make


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE sets (id INTEGER PRIMARY KEY, kg REAL)")


def _foreign_wal(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=wal")
    _foreign(path)
    conn.close()


def _newer(path: Path) -> None:
    _healthy(path.parent)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('cramproof', '9999_future', '2030-01-01')"
        )


def _loop(base: Path) -> Path:
    (base / "a").symlink_to(base / "b")
    (base / "b").symlink_to(base / "a")
    return base / "a"


def _device_log(path: Path) -> None:
    if os.geteuid() == 0:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    else:
        path.symlink_to("/dev/null")


DATA_DIRS: dict[str, Callable[[Path], Path]] = {
    "healthy": lambda base: _healthy(base / "data"),
    "missing": lambda base: base / "not-yet",
    "name-over-255-bytes": lambda base: base / ("é" * 200),
    "symlink-loop": _loop,
    "a-file": lambda base: (base / "file").write_text("x") and base / "file",
    "fifo-log": _with_log(os.mkfifo),
    "device-log": _with_log(_device_log),
    "folder-log": _with_log(lambda p: p.mkdir()),
    "empty-log": _with_log(lambda p: p.write_bytes(b"")),
    "png-log": _with_log(lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))),
    "cut-log": _with_log(lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(20))),
    "foreign-log": _with_log(_foreign),
    "foreign-wal-log": _with_log(_foreign_wal),
    "newer-log": _with_log(_newer),
    "newline-name": lambda base: _healthy(base / "new\nline"),
    "undecodable-name": lambda base: _healthy(base / "bad\udcffname"),
}

OUTS: dict[str, Callable[[Path, Path], str]] = {
    "fresh-file": lambda base, data: str(base / "out" / "copy.x"),
    "empty": lambda base, data: "",
    "dot": lambda base, data: ".",
    "trailing-slash": lambda base, data: str(base / "newdir") + "/",
    "existing-folder": lambda base, data: str(base),
    "fifo": lambda base, data: (os.mkfifo(base / "pipe"), str(base / "pipe"))[1],
    "the-wal": lambda base, data: str(data / "cramproof.db-wal"),
    "the-log": lambda base, data: str(data / "." / "cramproof.db"),
    "name-too-long": lambda base, data: str(base / ("x" * 300)),
    "inside-a-loop": lambda base, data: str(_loop(base) / "copy.x"),
    "newline": lambda base, data: str(base / "new\nline.x"),
    "undecodable-bytes": lambda base, data: str(base / "copy-\udc80.x"),
    "in-a-file": lambda base, data: ((base / "f").write_text("x"), str(base / "f" / "copy.x"))[1],
}

COMMANDS: dict[str, list[str]] = {
    "check": ["check"],
    "backup": ["backup", "--out", "{out}"],
    "export-json": ["export", "--format", "json", "--out", "{out}"],
    "export-csv": ["export", "--format", "csv", "--out", "{out}"],
    "export-strong": ["export", "--format", "strong", "--out", "{out}"],
    "restore-list": ["restore"],
    "restore-latest": ["restore", "latest"],
    "restore-file": ["restore", "{out}"],
    "runs-list": ["runs", "list"],
    "runs-pick": ["runs", "pick", "2027-01-10", "1"],
    "runs-pick-auto": ["runs", "pick", "2027-01-10", "auto"],
}


class Hung(BaseException):
    """Not an OSError (a TimeoutError would be caught as a file-system error and pass)."""


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """A command that waits on a FIFO would hang the suite: fail it instead."""

    def expire(_signum: int, _frame: object) -> None:
        raise Hung(f"the command was still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_main(argv: list[str]) -> tuple[int, str, str]:
    """The real entry point; what a person sees: the exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with _deadline(20), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as done:  # argparse: a bad argument
            code = int(done.code or 0)
    return code, out.getvalue(), err.getvalue()


def assert_clean(argv: list[str]) -> None:
    code, _out, err = run_main(argv)
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err
    if code:
        assert len(err.splitlines()) == 1 and err.endswith("\n"), (argv, err)
    else:
        assert err == "", (argv, err)


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("make_data", DATA_DIRS.values(), ids=DATA_DIRS.keys())
def test_hostile_data_folders(base: Path, make_data, command: list[str]) -> None:
    data = make_data(base)
    out = str(base / "out" / "copy.x")
    assert_clean(["--data-dir", str(data), *(a.format(out=out) for a in command)])


@pytest.mark.parametrize("command", [c for c in COMMANDS.values() if "{out}" in c], ids=str)
@pytest.mark.parametrize("make_out", OUTS.values(), ids=OUTS.keys())
def test_hostile_outputs(base: Path, make_out, command: list[str]) -> None:
    data = _healthy(base / "data")
    out = make_out(base, data)
    before = (data / "cramproof.db").read_bytes()
    assert_clean(["--data-dir", str(data), *(a.format(out=out) for a in command)])
    assert (data / "cramproof.db").read_bytes() == before or command[0] == "restore"


NAMES = st.text(
    st.characters(blacklist_characters="\x00/", blacklist_categories=()),
    min_size=0,
    max_size=300,
).filter(lambda name: name.strip(".") != "" or name == "")  # "." and ".." leave the sandbox


def test_a_backup_to_a_name_that_is_not_utf8_is_written(base: Path) -> None:
    data = _healthy(base / "data")
    out = base / "copy-\udc80.db"
    code, _out, err = run_main(["--data-dir", str(data), "backup", "--out", str(out)])
    assert code == 0, err
    with sqlite3.connect(f"{out.absolute().as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT name FROM athletes").fetchall() == [("Ana",)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data_name=NAMES, out_name=NAMES, command=st.sampled_from(list(COMMANDS.values())))
def test_any_file_name(data_name: str, out_name: str, command: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        data = _healthy(base / "data") if data_name == "" else base / data_name
        out = str(base / out_name) if out_name else ""
        assert_clean(["--data-dir", str(data), *(a.format(out=out) for a in command)])
