"""The watched folder in the window: chosen from the File menu, read a moment after start and
whenever it changes, quietly (a status bar line; a box only for a file that cannot be read).

Off by default. The folder is the current athlete's (`desktop.runs.importing.watched`), so a switch
of athlete or a restored log looks again. It is first read `START_DELAY_MS` after the log is on
screen, not during start-up: the first screen paints and answers keys before anything of the
runs (their readers, their decoders) is loaded. A change is read once the folder has been quiet
for `SETTLE_MS`, and a file still being written is waited for (`desktop.runs.importing.settle`), so
a file still being copied is not read half-written; a file read damaged or not at all is watched
itself, so its whole copy, written later into the same file, is read. The folders inside it are
watched too (a sync folder nests by year and month), those made later from the next look.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.ui.runs.imports import RunImports

if TYPE_CHECKING:
    from db.store import Store
    from desktop.runs.importing.batch import BatchResult

log = logging.getLogger(__name__)

START_DELAY_MS = 1500
SETTLE_MS = 2000
MOST_FILES = 100  # files watched for a rewrite (each takes one of the user's inotify watches)


class WatchedFolder(QObject):
    """Watches the current athlete's folder and imports what arrives through `RunImports`."""

    def __init__(
        self, *, window: QWidget, store: Callable[[], Store | None], imports: RunImports
    ) -> None:
        super().__init__(window)
        self._window, self._store, self._imports = window, store, imports
        self.folder: Path | None = None
        self._athlete_id: int | None = None
        self._reading_since: datetime | None = None
        self.watch_action = QAction("&Watch a folder for new runs…", window)
        self.watch_action.triggered.connect(lambda _checked=False: self.choose())
        self.stop_action = QAction("Stop &watching the folder", window)
        self.stop_action.triggered.connect(lambda _checked=False: self.set_folder(None))
        self.stop_action.setVisible(False)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self._settle.start())
        self.watcher.fileChanged.connect(lambda _path: self._settle.start())
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.look)
        imports.batch_ended.connect(self._on_batch_ended)
        QTimer.singleShot(START_DELAY_MS, self, self.reload)  # not once the window has gone

    def actions(self) -> list[QAction]:
        return [self.watch_action, self.stop_action]

    def reload(self) -> None:
        """Read which folder the current athlete watches, watch it, and look in it."""
        from desktop.runs.importing.watched import watched_folder

        store, athlete_id = self._store(), self._imports.athlete_id()
        folder = None if store is None or athlete_id is None else watched_folder(store, athlete_id)
        self._athlete_id, self.folder = athlete_id, folder
        if watched := self.watcher.directories() + self.watcher.files():
            self.watcher.removePaths(watched)
        self.stop_action.setVisible(folder is not None)
        if folder is None:
            return
        self.stop_action.setText(f"Stop &watching {folder.name or folder}")
        if not folder.is_dir():
            self._imports.message_posted.emit(f"The watched folder {folder} is not there now.")
            return
        self.look()

    def choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # its enums are built when it is imported

        name = QFileDialog.getExistingDirectory(
            self._window, "Watch a folder for new runs (a sync folder)", str(Path.home())
        )
        if name:
            self.set_folder(Path(name))

    def set_folder(self, folder: Path | None) -> None:
        """Watch `folder` from now on (None: watch none); read whole the first time."""
        from desktop.runs.importing.watched import watch_folder

        store, athlete_id = self._store(), self._imports.athlete_id()
        if store is None or athlete_id is None:
            self._imports.message_posted.emit("Runs belong to a runner: set up your plan first.")
            return
        self._imports.message_posted.emit(watch_folder(store, athlete_id, folder))
        self.reload()

    def look(self) -> None:
        """Import what arrived in the folder since it was last read; later if busy."""
        from desktop.runs.importing.watched import checked_at

        store = self._store()
        if self.folder is None or store is None or self._athlete_id is None:
            return
        self._watch_tree(self.folder)  # a folder made since (next month's) is watched too
        if self._imports.busy():
            self._settle.start()  # after the import on show
            return
        since = checked_at(store, self._athlete_id)
        self._reading_since = datetime.now(UTC)  # file times are the machine's clock
        if not self._imports.import_paths([self.folder], quiet=True, changed_since=since):
            self._reading_since = None

    def _watch_tree(self, folder: Path) -> None:
        from desktop.runs.importing.watched import folders_to_watch

        watched = set(self.watcher.directories())
        new = [str(path) for path in folders_to_watch(folder) if str(path) not in watched]
        if new:
            self.watcher.addPaths(new)

    def _on_batch_ended(self, result: BatchResult) -> None:
        from desktop.runs.importing.watched import mark_checked

        began, self._reading_since = self._reading_since, None
        store = self._store()
        if began is None or store is None or self._athlete_id is None:
            return
        self._watch_unfinished(result)
        if result.growing:  # not marked read: looked at again until written whole
            self._settle.start()
        elif not result.cancelled and result.problem is None:
            mark_checked(store, self._athlete_id, began)

    def _watch_unfinished(self, result: BatchResult) -> None:
        """Watch the files read in part or not at all: a sync client that writes the rest into
        the same file later changes no folder, and the whole file must be read then."""
        unfinished = {str(o.path) for o in result.outcomes if o.unreadable or o.damaged}
        unfinished |= {str(path) for path in result.growing}
        finished = {str(o.path) for o in result.outcomes} - unfinished
        watched = set(self.watcher.files())
        if gone := sorted(watched & finished):
            self.watcher.removePaths(gone)
        if new := sorted(path for path in unfinished - watched if Path(path).is_file()):
            self.watcher.addPaths(new[: max(0, MOST_FILES - len(watched))])
