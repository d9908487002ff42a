"""Getting runs into the window: File → Import runs… (files, or a whole folder such as a watch's
GARMIN/Activity), and files or folders dropped on the window.

Every way in ends in `import_paths`: one batch at a time, on its own thread, with the progress
dialog; when it ends the window's `LogChanges` hears "runs" so the screens redraw, and the
summary goes to the status bar too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from desktop.ui.common.keyed_action import keyed_action

# QFileDialog and QMessageBox are imported when one is shown: PySide6 builds a class's enums when
# it is first imported, and neither is part of the first screen.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from db.store import Store
    from desktop.runs.importing.batch import BatchResult
    from desktop.runtime.changes import LogChanges
    from desktop.ui.runs.import_dialog import ImportDialog, ImportThread

log = logging.getLogger(__name__)

FILE_FILTER = "Run files (*.fit *.FIT *.gpx *.GPX *.tcx *.TCX);;All files (*)"


class RunImports(QObject):
    """The window's ways of importing runs; `message_posted` carries lines for the status bar."""

    message_posted = Signal(str)
    batch_ended = Signal(object)  # BatchResult, once its summary is on show

    def __init__(
        self,
        *,
        window: QWidget,
        store: Callable[[], Store | None],
        now: Callable[[], datetime],
        changes: LogChanges,
    ) -> None:
        super().__init__(window)
        self._window, self._store, self._now, self._changes = window, store, now, changes
        self.thread: ImportThread | None = None
        self.dialog: ImportDialog | None = None
        self.unreadable_box: QMessageBox | None = None
        self._quiet = False
        self.files_action = keyed_action(self._window, "&Import runs…", "Ctrl+I", self.choose_files)
        self.folder_action = keyed_action(
            self._window, "Import runs from a f&older…", "Ctrl+Shift+I", self.choose_folder
        )
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def actions(self) -> list[QAction]:
        return [self.files_action, self.folder_action]

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _filter = QFileDialog.getOpenFileNames(
            self._window, "Import runs: FIT, GPX or TCX files", str(Path.home()), FILE_FILTER
        )
        if names:
            self.import_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(
            self._window, "Import runs: a folder (a watch's GARMIN/Activity)", str(Path.home())
        )
        if name:
            self.import_paths([Path(name)])

    def busy(self) -> bool:
        return self.thread is not None

    @property
    def quiet(self) -> bool:
        """The last import was the watched folder's (no dialog, no questions)."""
        return self._quiet

    def athlete_id(self) -> int | None:
        """Whose runs an import adds: the runner whose plan is open."""
        from desktop.plan.reader import PlanReader

        store = self._store()
        athlete = None if store is None else PlanReader(store, now=self._now).current_athlete()
        return None if athlete is None else athlete.id

    def import_paths(
        self, paths: list[Path], *, quiet: bool = False, changed_since: datetime | None = None
    ) -> bool:
        """Import `paths` with the progress dialog (`quiet`: a status line only, and a box only
        when a file could not be read); False, with a line saying why, when it cannot start: no
        log, no athlete yet, or an import already running."""
        from PySide6.QtCore import Qt  # built when first needed: see pyside_compat

        from desktop.ui.runs.import_dialog import ImportThread, run_with_dialog

        store, athlete_id = self._store(), self.athlete_id()
        if store is None:
            return False
        if store.read_only:
            self.message_posted.emit("The training log is open read-only: no runs can be added.")
            return False
        if self.busy():
            if not quiet:
                self.message_posted.emit("An import is already running: wait for it to end.")
            return False
        if athlete_id is None:
            self.message_posted.emit("Runs belong to a runner: set up your plan first.")
            return False
        log.info("Importing runs from %d path(s)%s", len(paths), " quietly" if quiet else "")
        self._quiet = quiet
        self.thread = ImportThread(
            database=store.path,
            athlete_id=athlete_id,
            paths=paths,
            now=self._now(),
            changed_since=changed_since,
            settle=quiet,  # a sync folder: a file still being written is waited for
            parent=self._window,
        )
        if quiet:
            self.thread.ended.connect(self._on_imported, Qt.ConnectionType.QueuedConnection)
            self.thread.start()
            return True
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = run_with_dialog(self.thread, self._window, self._on_imported)
        self.dialog.finished.connect(lambda _result: self._window.activateWindow())
        return True

    def _on_imported(self, result: BatchResult) -> None:
        from PySide6.QtCore import Qt  # built when first needed: see pyside_compat

        thread, self.thread = self.thread, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if result.new_runs:
            self._changes.report("runs")
        if not self._quiet:
            self.message_posted.emit(result.summary())
        elif result.outcomes or result.problem:
            self.message_posted.emit(f"Watched folder: {result.summary()}")
            if any(outcome.unreadable for outcome in result.outcomes):
                from PySide6.QtWidgets import QMessageBox

                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    "Watched folder",
                    result.summary(),
                    QMessageBox.StandardButton.Close,
                    self._window,
                )
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()
                self.unreadable_box = box
        self.batch_ended.emit(result)

    def stop(self) -> None:
        """The window is closing: stop after the current file and wait for it (a run being
        stored is committed or not at all)."""
        if self.thread is not None:
            self.thread.cancel()
            self.thread.wait()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Files and folders dropped anywhere on the window import as from the menu."""
        if watched is self._window:
            kind = event.type()
            if kind == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
                if _local_paths(event):
                    event.acceptProposedAction()
                    return True
            elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
                if paths := _local_paths(event):
                    event.acceptProposedAction()
                    self.import_paths(paths)
                    return True
            elif kind == QEvent.Type.Close:
                self.stop()
        return super().eventFilter(watched, event)


def _local_paths(event: QDropEvent) -> list[Path]:
    """The local files and folders a drag carries (web links and the like are not ours)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
