"""The main window: a light frame painted at once, then the open log's screens attached to it.

Start-up paints the frame (menus, status bar, "Opening your training log…") before it imports
the store, the planning use case and the views, so a runner sees the window in about the time
a bare Qt window takes; `attach_store` then builds everything that needs the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolBar, QWidget

from desktop.runtime.paths import AppPaths
from desktop.ui.common.window_state import WindowState
from desktop.ui.shell.menus import WindowMenus
from desktop.ui.shell.opening_page import OpeningPage
from desktop.ui.shell.view_actions import ViewActions

if TYPE_CHECKING:
    from db.store import Store
    from desktop.domain.buildup.model import SessionKind
    from desktop.plan.planning import Planning
    from desktop.ui.plan.view import PlanView
    from desktop.ui.shell.welcome_view import WelcomeView

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Hosts Cramproof's screens for one open training log."""

    def __init__(
        self,
        *,
        paths: AppPaths,
        store: Store | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._paths = paths
        self._now = now
        self._planning: Planning | None = None
        self.plan_view: PlanView | None = None
        self._welcome: WelcomeView | None = None
        self.setWindowTitle("Cramproof")
        self.setMinimumSize(800, 560)
        self._window_state = WindowState(paths.window_settings)
        if not self._window_state.restore_geometry(self):
            self._window_state.place_first_start(self)
        self.view_actions = ViewActions(window=self, paths=paths, state=self._window_state)
        self._pages = QStackedWidget()
        self.opening_page = OpeningPage()
        self._pages.addWidget(self.opening_page)
        self.setCentralWidget(self._pages)
        self._menus = WindowMenus(self, self.view_actions, self._on_open_folder_triggered)
        self._show_status(f"Training log: {paths.database}")
        if store is not None:
            self.attach_store(store)

    @property
    def store(self) -> Store | None:
        return self._store

    def attach_store(self, store: Store) -> None:
        """Build the screens over the open log; called once, right after the first frame."""
        from desktop.plan.planning import Planning
        from desktop.runtime.changes import LogChanges
        from desktop.ui.common.log_changes import ChangeSignal
        from desktop.ui.gym.actions import GymActions
        from desktop.ui.plan.actions import PlanActions
        from desktop.ui.shell.athlete_switcher import AthleteSwitcher
        from desktop.ui.shell.backup_actions import BackupActions
        from desktop.ui.shell.screens import Screens

        self._store = store
        # One notification of every change to the log, handed to each use case that writes;
        # the screens redraw from it (the plan here, Progress and History in Screens).
        self.log_changes = ChangeSignal(LogChanges(), parent=self)
        self.log_changes.changed.connect(self._on_log_changed)
        self._planning = Planning(store, now=self._now, changes=self.log_changes.changes)
        self._backups = BackupActions(
            paths=self._paths, store_getter=lambda: self._store, parent=self
        )
        self._backups.store_replaced.connect(self._on_backups_store_replaced)
        self._backups.message_posted.connect(self._show_status)
        self.plan_actions = PlanActions(
            planning_getter=self._require_planning,
            parent=self,
            selected_day=lambda: self.plan_view.chosen_day() if self.plan_view else None,
        )
        self.plan_actions.plan_changed.connect(self._on_plan_actions_plan_changed)
        self.plan_actions.build_up_made.connect(self._on_plan_actions_build_up_made)
        self.plan_actions.message_posted.connect(self._show_status)
        self.athlete_switcher = AthleteSwitcher([], None, screen=self._pages.currentWidget)
        self.athlete_switcher.athlete_chosen.connect(self._on_athlete_switcher_athlete_chosen)
        self.athlete_switcher.athlete_add_requested.connect(self._on_athlete_add_requested)
        self._athlete_bar = QToolBar("Athlete")
        self._athlete_bar.setObjectName("athleteToolbar")
        self._athlete_bar.setMovable(False)
        self._athlete_bar.addWidget(self.athlete_switcher)
        self.addToolBar(self._athlete_bar)
        self.screens = Screens(
            window=self,
            pages=self._pages,
            store=lambda: self._store,
            now=self._now,
            changes=self.log_changes,
            show_plan=self._show_current,
            named_pages=lambda: {"Welcome": self._welcome, "Gym mode": self.gym.view},
        )
        self.screens.message_posted.connect(self._show_status)
        self.gym = GymActions(
            window=self,
            pages=self._pages,
            store=lambda: self._store,
            state=self._window_state,
            now=self._now,
            changes=self.log_changes.changes,
        )
        self.gym.message_posted.connect(self._show_status)
        self.gym.gym_closed.connect(self._show_current)
        # Gym mode holds the open log: it lets go before a restore closes it.
        self._backups.restore_starting.connect(self.gym.close)
        self._backups.restore_starting.connect(self.screens.run_imports.stop)
        self._athlete_bar.addSeparator()
        self._athlete_bar.addActions(self._screen_actions())
        self._menus.add_log_actions(
            file_actions=[
                *self.screens.file_actions(),
                self._backups.back_up_action,
                self._backups.restore_action,
            ],
            screen_actions=self._screen_actions(),
            gym_actions=self.gym.view_menu_actions(),
            plan_actions=self.plan_actions.menu_actions(),
            add_athlete=self._on_athlete_add_requested,
        )
        self._show_current()
        self._open_last_view()
        # Asked once the window is up, so the question appears over the plan it is about.
        QTimer.singleShot(0, self._on_window_opened)

    @property
    def welcome_view(self) -> WelcomeView:
        """The page for a log with no plan, made when first needed: most starts show a plan."""
        if self._welcome is None:
            from desktop.ui.shell.welcome_view import WelcomeView

            self._welcome = WelcomeView()
            self._pages.addWidget(self._welcome)
            self._welcome.setup_requested.connect(lambda: self.plan_actions.open_setup())
            self._welcome.session_requested.connect(lambda: self.gym.open())
        return self._welcome

    def _screen_actions(self) -> list[QAction]:
        screens = self.screens
        return [
            screens.plan_action,
            screens.progress_action,
            screens.history_action,
            self.gym.gym_action,
        ]

    def _require_planning(self) -> Planning:
        assert self._planning is not None, "the log is attached before any plan action runs"
        return self._planning

    def bring_to_front(self) -> None:
        """A second launch asked for this window: show it above everything else."""
        log.info("Raise requested by a second launch")
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def current_view(self) -> str:
        """The screen on show, by name, so the next start can open on it."""
        if self._store is not None and (name := self.screens.current_name()):
            return name
        current = self._pages.currentWidget()
        return "plan" if current is not None and current is self.plan_view else "welcome"

    def _open_last_view(self) -> None:
        last = self._window_state.last_view
        if last == "progress":
            self.screens.show_progress()
        elif last == "history":
            self.screens.show_history()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._store is not None:
            self.gym.close()
        self._window_state.save(self, view=self.current_view())
        self.close_store()
        super().closeEvent(event)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def _on_plan_actions_plan_changed(self) -> None:
        # A changed plan is redrawn, but a runner in Progress, History or gym mode stays there.
        self._show_current(switch=self.screens.current_name() is None and self.gym.view is None)

    def _on_plan_actions_build_up_made(self) -> None:
        # The new build-up is shown, even from Progress or History; gym mode stays on top.
        self.screens.reset()
        self._show_current(switch=self.gym.view is None)

    def _on_log_changed(self, _change: object) -> None:
        """A change to the log redraws the plan (its cells count the sets logged) while it is on
        show; every way back to it (F2, leaving gym mode) redraws it from the log anyway."""
        current = self._pages.currentWidget()
        on_show = current is not None and current in (self.plan_view, self._welcome)
        if on_show and self._store is not None:
            self._show_current(switch=False)

    def _show_current(self, *, switch: bool = True) -> None:
        """The current athlete's plan, or the welcome screen while there is none."""
        from desktop.ui.plan.view import PlanView

        planning = self._require_planning()
        athlete, athletes = planning.current_athlete(), planning.athletes()
        self.athlete_switcher.set_athletes(athletes, athlete.id if athlete else None)
        self._athlete_bar.setVisible(bool(athletes))
        self.plan_actions.update_enabled()
        overview = planning.overview()
        if overview is None:
            self.welcome_view.show_light(planning.light_at())  # after "Just start a session"
            if switch:
                self.screens.show(self.welcome_view)
            return self.screens.retitle(athlete="")
        if self.plan_view is None:
            self.plan_view = PlanView(overview)
            self.plan_view.session_start_requested.connect(
                self._on_plan_view_session_start_requested
            )
            self._pages.addWidget(self.plan_view)
        else:
            self.plan_view.set_overview(overview)
        if switch:
            self._pages.setCurrentWidget(self.plan_view)
        self.screens.retitle(athlete=overview.athlete)

    def _on_window_opened(self) -> None:
        if self._store is not None:  # a runner who came to lift is asked on leaving gym mode
            self.gym.after_leaving(self.plan_actions.open_checkin)

    def _on_athlete_add_requested(self) -> None:
        self.plan_actions.open_setup(name="")

    def _on_athlete_switcher_athlete_chosen(self, athlete_id: int) -> None:
        self._require_planning().switch_athlete(athlete_id)
        self.statusBar().clearMessage()  # the last runner's news is not this one's
        self.screens.reset()
        self._show_current()
        self.plan_actions.open_checkin()

    def _on_plan_view_session_start_requested(self, kind: SessionKind) -> None:
        self.gym.open(kind)

    def _on_backups_store_replaced(self, store: Store | None) -> None:
        from desktop.plan.planning import Planning

        self._store = store
        if store is None:  # the restore closed the log and it could not be reopened
            return
        self._planning = Planning(store, now=self._now, changes=self.log_changes.changes)
        self.screens.reset()
        self._show_current()
        self.log_changes.changes.report("restore")

    def _on_open_folder_triggered(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._paths.data_dir)))
