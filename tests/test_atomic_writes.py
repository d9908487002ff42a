"""Every file written for the runner (export, backup, calendar) goes through db.atomic: planted
links are never followed, devices, FIFOs, links and other users' files are never replaced, and
a CSV set that fails half-way (a full disk) leaves nothing new behind."""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from db.atomic import UnsafeTarget, replacing
from db.backup import write_backup
from db.store import Store, open_store
from desktop.domain.buildup.model import PlanSettings
from desktop.domain.buildup.plan import build_plan
from desktop.export.exporter import csv_paths, export_log
from desktop.plan.ical import write_calendar
from tests.hostile_support import unmount
from tests.planning_support import BEFORE_START, RACE
from tests.test_export import NOW, log_history

ROOT = Path(__file__).resolve().parents[1]
Writer = Callable[[Store, Path], object]


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW) as s:
        log_history(s)
        yield s


def _export(fmt: str) -> Writer:
    def write(store: Store, out: Path) -> object:
        return export_log(store, athlete_id=1, athlete_name="Ana", fmt=fmt, out=out, now=NOW)  # type: ignore[arg-type]

    return write


def _calendar(store: Store, out: Path) -> object:
    plan = build_plan(PlanSettings(race_date=RACE), today=BEFORE_START)
    return write_calendar(out, plan, athlete="Ana", athlete_id=1, now=NOW)


def _backup(store: Store, out: Path) -> object:
    return write_backup(store.path, out)


WRITERS = {
    "json": _export("json"),
    "strong": _export("strong"),
    "ical": _calendar,
    "backup": _backup,
}


@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
@pytest.mark.parametrize("temporary", [".{}.part", ".{}.partial"])
def test_a_link_planted_at_the_old_temporary_name_is_never_followed(
    store: Store, tmp_path: Path, writer: Writer, temporary: str
) -> None:
    """Another user who can write to the export folder plants `.NAME.part` -> the runner's
    file: the export must write its own file and leave the victim alone."""
    folder = tmp_path / "shared"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = folder / "ana.out"
    (folder / temporary.format(out.name)).symlink_to(victim)
    writer(store, out)
    assert victim.read_text() == "precious"
    assert out.is_file() and not out.is_symlink() and out.stat().st_size > 0


def test_temporary_names_are_created_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a link planted at the exact unique name the helper picks is refused, not followed."""
    monkeypatch.setattr(os, "urandom", lambda n: b"\xab" * n)  # the name's random part
    victim = tmp_path / "victim"
    victim.mkdir()
    (tmp_path / ".cramproof.abababababab.part").symlink_to(victim)
    with pytest.raises(FileExistsError), replacing([tmp_path / "out.txt"]) as (made,):
        made.write_text("never")
    assert list(victim.iterdir()) == []
    assert not (tmp_path / "out.txt").exists()


def test_every_writer_uses_the_one_helper() -> None:
    """One atomic writer: no exporter or backup renames files of its own."""
    for module in ("db/backup.py", "desktop/export/exporter.py", "desktop/plan/ical.py"):
        source = (ROOT / module).read_text()
        assert "from db.atomic import" in source, module
        assert not re.search(r"os\.(replace|rename)\(|\.part\b|\.partial\b", source), module


def _device(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root (CI runs as root)")
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return node


def _fifo(tmp_path: Path) -> Path:
    node = tmp_path / "pipe"
    os.mkfifo(node)
    return node


def _link(tmp_path: Path) -> Path:
    (tmp_path / "elsewhere.txt").write_text("kept")
    link = tmp_path / "link.out"
    link.symlink_to(tmp_path / "elsewhere.txt")
    return link


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "folder").mkdir()
    return tmp_path / "folder"


def _someone_elses(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root (CI runs as root)")
    theirs = tmp_path / "theirs.out"
    theirs.write_text("theirs")
    os.chown(theirs, 65534, 65534)
    return theirs


TARGETS = {
    "device": _device,
    "fifo": _fifo,
    "symlink": _link,
    "folder": _folder,
    "another-users-file": _someone_elses,
}


@pytest.mark.parametrize("make_target", TARGETS.values(), ids=TARGETS.keys())
@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
def test_only_a_regular_file_of_ours_is_ever_replaced(
    store: Store, tmp_path: Path, writer: Writer, make_target: Callable[[Path], Path]
) -> None:
    target = make_target(tmp_path)
    before = os.lstat(target)
    with pytest.raises(UnsafeTarget) as raised:
        writer(store, target)
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode, after.st_uid) == (
        before.st_ino,
        before.st_mode,
        before.st_uid,
    )
    assert "\n" not in str(raised.value) and str(target) in str(raised.value)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_device_is_refused_by_the_command_in_one_line(store: Store, tmp_path: Path) -> None:
    from tests.hostile_support import one_clean_line, run_cli

    node = _device(tmp_path)
    data = store.path.parent
    for args in (("export", "--format", "json"), ("backup",)):
        line = one_clean_line(run_cli("--data-dir", data, *args, "--out", node))
        assert "device" in line
        assert stat.S_ISCHR(os.lstat(node).st_mode)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs filled up to its last free page."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    mount = tmp_path / "small"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        unmount(mount)


def _leave_one_page(mount: Path) -> None:
    filler = mount / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    os.truncate(filler, filler.stat().st_size - 4096)


def test_a_csv_set_that_fails_on_a_full_disk_leaves_nothing_new(
    store: Store, full_disk: Path
) -> None:
    """sessions.csv fits in the last free page, sets.csv does not: no table may appear alone,
    and the tables of an earlier export stay as they were."""
    earlier = full_disk / "earlier"
    earlier.mkdir()
    (earlier / "sessions.csv").write_text("old sessions\n")
    _leave_one_page(full_disk)
    for out in (full_disk / "fresh", earlier):
        before = {p.name: p.read_bytes() for p in full_disk.rglob("*") if p.is_file()}
        with pytest.raises(OSError) as raised:
            export_log(store, athlete_id=1, athlete_name="Ana", fmt="csv", out=out, now=NOW)
        assert raised.value.errno == errno.ENOSPC
        after = {p.name: p.read_bytes() for p in full_disk.rglob("*") if p.is_file()}
        assert after == before
        assert sorted(p.name for p in full_disk.iterdir()) == ["earlier", "filler"]
    assert not any(p.exists() for p in csv_paths(full_disk / "fresh").values())
