"""Import a batch of files for the window: cancellable between files, with a summary to read.

The window imports off its own thread, so this opens its own connection to the log (a SQLite
connection belongs to the thread that made it) and asks `cancelled()` before each file: Cancel
stops between files, and each run is stored in its own transaction, so what was stored stays and
no run is ever half there. It relies on `import_runs` only for one Outcome a file, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from db.connection import connect
from db.errors import StoreError
from db.runs import RunRecord, runs_for
from desktop.runs.importing.importer import Outcome, import_runs, run_files
from desktop.runs.importing.settle import settled

SHOWN_UNREADABLE = 5


@dataclass(frozen=True)
class Step:
    """Where a batch is: `done` of `total` files, and the file being read or the last one's line."""

    done: int
    total: int
    text: str


@dataclass
class BatchResult:
    """What a batch did: every file's outcome, the runs it added, and whether it was cut short."""

    total: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    new_runs: list[RunRecord] = field(default_factory=list)
    cancelled: bool = False
    problem: str | None = None  # the log refused a write: the batch stopped there
    growing: list[Path] = field(default_factory=list)  # still being written: left for later

    def summary(self) -> str:
        """One paragraph the runner reads: "3 runs imported, 1 already there, 1 unreadable:
        x.fit — empty file"."""
        if self.total == 0 and not self.outcomes:
            return "No FIT, GPX or TCX files there: nothing imported."
        new = len(self.new_runs)
        parts = [f"{new} run{'' if new == 1 else 's'} imported"]
        already = sum(_parts(outcome, "already there") for outcome in self.outcomes)
        if already:
            parts.append(f"{already} already there")
        skipped = sum(1 for o in self.outcomes if not o.unreadable and o.line.startswith("skipped"))
        if skipped:
            parts.append(f"{skipped} file{'' if skipped == 1 else 's'} skipped (not runs)")
        text = ", ".join(parts)
        bad = [o for o in self.outcomes if o.unreadable]
        if bad:
            named = [f"{o.path.name} — {o.line.removeprefix('unreadable: ')}" for o in bad]
            more = len(named) - SHOWN_UNREADABLE
            shown = "; ".join(named[:SHOWN_UNREADABLE]) + (f"; and {more} more" if more > 0 else "")
            text += f", {len(bad)} unreadable: {shown}"
        if self.cancelled:
            text = f"Cancelled after {len(self.outcomes)} of {self.total} files: {text}"
        if self.problem:
            text += f". Stopped: {self.problem}"
        return text + "."


def _changed(path: Path, since: datetime) -> bool:
    """Arrived or changed since `since`: the inode's change time too, because a sync tool that
    copies a run recorded last week keeps last week's modification time."""
    try:
        info = path.lstat()  # a link's own times: the link is what arrived
    except OSError:
        return True  # let the import say why it cannot be read
    return max(info.st_mtime, info.st_ctime) >= since.timestamp()


def _path(item: Path | Outcome) -> Path:
    return item.path if isinstance(item, Outcome) else item


def _parts(outcome: Outcome, start: str) -> int:
    return sum(1 for part in outcome.line.split("; ") if part.startswith(start))


def import_batch(
    database: Path,
    *,
    athlete_id: int,
    paths: Iterable[Path],
    now: datetime,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[Step], None] = lambda _step: None,
    changed_since: datetime | None = None,
    settle: Callable[[float], None] | None = None,
) -> BatchResult:
    """Import every file under `paths` into the log at `database`, stopping between files once
    `cancelled()` says so; `progress` hears before each file and after it. With
    `changed_since`, only files that arrived or changed since then (a watched folder). With
    `settle` (how to wait), a file still being written is waited for, or left in `growing`."""
    result = BatchResult()
    files: list[Path] = []
    early: list[Outcome] = []
    for item in run_files(paths):  # a big folder takes a while to walk: Cancel works here too
        if cancelled():
            result.cancelled = True
            return result
        if changed_since is not None and not _changed(_path(item), changed_since):
            continue  # a link or a closed folder is told of once, when it appears
        if isinstance(item, Outcome):
            early.append(item)
        else:
            files.append(item)
    if settle is not None:
        files, result.growing = settled(files, sleep=settle, cancelled=cancelled)
    result.total = len(files) + len(early)
    result.outcomes.extend(early)
    if not files:
        return result
    try:
        db = connect(database)
    except StoreError as error:
        result.problem = error.message
        return result
    try:
        before = {run.id for run in runs_for(db, athlete_id)}
        outcomes = import_runs(db, athlete_id=athlete_id, paths=files, now=now)
        try:
            for path in files:
                if cancelled():
                    result.cancelled = True
                    break
                progress(Step(len(result.outcomes), result.total, f"Reading {path.name}…"))
                outcome = next(outcomes)
                result.outcomes.append(outcome)
                progress(Step(len(result.outcomes), result.total, f"{path.name}: {outcome.line}"))
        except StoreError as error:
            result.problem = error.message
        finally:
            outcomes.close()
        result.new_runs = [run for run in runs_for(db, athlete_id) if run.id not in before]
    finally:
        db.close()
    return result
