"""Moving between the main screens with one key each (F2 plan, F3 progress, F4 history).

Progress and History are built the first time they are shown (Progress loads pyqtgraph then, not
at start-up). Both listen to the log's change notification and redraw themselves (a hidden one
when it is next shown), so sets logged meanwhile appear without anyone telling them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop.ui.common.keyed_action import keyed_action
from desktop.ui.runs.cramp_offer import CrampOffer
from desktop.ui.runs.imports import RunImports
from desktop.ui.runs.watched_folder import WatchedFolder

if TYPE_CHECKING:
    from db.store import Store
    from desktop.ui.common.log_changes import ChangeSignal
    from desktop.ui.history.view import HistoryView
    from desktop.ui.progress.view import ProgressView


class Screens(QObject):
    """Owns the navigation actions and the Progress and History views of one window."""

    message_posted = Signal(str)

    def __init__(
        self,
        *,
        window: QWidget,
        pages: QStackedWidget,
        store: Callable[[], Store | None],
        now: Callable[[], datetime],
        changes: ChangeSignal,
        show_plan: Callable[[], None],
        named_pages: Callable[[], dict[str, QWidget | None]] = dict,
    ) -> None:
        super().__init__(window)
        self._window, self._pages, self._store, self._now = window, pages, store, now
        self._named_pages, self._athlete, self._changes = named_pages, "", changes
        self.progress_view: ProgressView | None = None
        self.history_view: HistoryView | None = None
        self.plan_action = keyed_action(self._window, "&Plan", "F2", show_plan)
        self.progress_action = keyed_action(self._window, "Pro&gress", "F3", self.show_progress)
        self.history_action = keyed_action(self._window, "&History", "F4", self.show_history)
        self.export_action = keyed_action(
            self._window, "E&xport training log…", "Ctrl+Shift+E", self.export
        )
        self.run_imports = RunImports(window=window, store=store, now=now, changes=changes.changes)
        self.run_imports.message_posted.connect(self.message_posted)
        self.watched_folder = WatchedFolder(window=window, store=store, imports=self.run_imports)
        self.cramp_offer = CrampOffer(
            window=window, store=store, now=now, imports=self.run_imports, changes=changes.changes
        )
        pages.currentChanged.connect(lambda _index: self.retitle(athlete=self._athlete))
        pages.currentChanged.connect(lambda _index: self._focus_current())

    def file_actions(self) -> list[QAction]:
        """The File menu's entries over the log: importing runs, the watched folder, exporting."""
        return [*self.run_imports.actions(), *self.watched_folder.actions(), self.export_action]

    def show_progress(self) -> None:
        from desktop.progress.series import ProgressSource
        from desktop.ui.progress.view import ProgressView

        store = self._store()
        if store is None:
            return
        if self.progress_view is None:
            self.progress_view = ProgressView(ProgressSource(store, now=self._now))
            self._changes.changed.connect(self.progress_view.on_log_changed)
            self._pages.addWidget(self.progress_view)
        self._pages.setCurrentWidget(self.progress_view)

    def show_history(self) -> None:
        from desktop.history.history import HistoryLog
        from desktop.ui.history.view import HistoryView

        store = self._store()
        if store is None:
            return
        if self.history_view is None:
            log = HistoryLog(store, now=self._now, changes=self._changes.changes)
            self.history_view = HistoryView(log)
            self._changes.changed.connect(self.history_view.on_log_changed)
            self.history_view.export_requested.connect(self.export)
            self._pages.addWidget(self.history_view)
        self._pages.setCurrentWidget(self.history_view)

    def export(self) -> None:
        from desktop.ui.shell.export_dialog import export_with_dialog

        store = self._store()
        if store is not None and (
            message := export_with_dialog(self._window, store, now=self._now)
        ):
            if self.history_view is not None and message.startswith("Exported "):
                self.history_view.clear_problem()  # an old "Not saved…" is no longer news
            self.message_posted.emit(message)

    def show(self, page: QWidget) -> None:
        """Put `page` on screen with the keyboard on its first control, even if it already was
        the current page (the welcome page is, before the log has opened)."""
        self._pages.setCurrentWidget(page)
        self._focus_current()

    def _focus_current(self) -> None:
        """A page names where the keys go with its focus proxy (Welcome: set up; History: the
        sessions): without it a screen reached by F-key has no focused widget and Enter, Tab and
        the arrows do nothing."""
        page = self._pages.currentWidget()
        if page is not None and page.focusProxy() is not None:
            page.setFocus()  # Qt.FocusReason.OtherFocusReason, by default

    def current_name(self) -> str | None:
        current = self._pages.currentWidget()
        if current is not None and current is self.progress_view:
            return "progress"
        if current is not None and current is self.history_view:
            return "history"
        return None

    def retitle(self, *, athlete: str) -> None:
        """Name the runner whose plan is open and the screen on show (the plan is home), so the
        taskbar and the window switcher say where Cramproof is without raising it."""
        self._athlete, current = athlete, self._pages.currentWidget()
        named = (name for name, page in self._named_pages().items() if page is current)
        screen = next(named, None) or (self.current_name() or "").title()
        # "Ana – Gym mode — Cramproof": the app's name last, as Qt itself adds it on X11 and
        # Windows to a title that does not end with it (which doubled "Cramproof – Ana").
        shown = " – ".join(part for part in (athlete, screen) if part)
        self._window.setWindowTitle(f"{shown} — Cramproof" if shown else "Cramproof")

    def reset(self) -> None:
        """Forget both views (another athlete, a restored log); they are rebuilt when next shown."""
        for view in (self.progress_view, self.history_view):
            if view is not None:
                self._pages.removeWidget(view)
                view.deleteLater()
        self.progress_view = self.history_view = None
        self.watched_folder.reload()  # the folder is the athlete's
