"""Opening the training log once the window's first frame is painted, and handing it over.

The log is opened (or recovered) on the turn after the frame, so a runner sees the window at
once; the screen over the log is then painted before `Main window shown` is logged, with the
CPU time it took, which `make bench` reads. The day's first start backs the log up right after,
before the event loop runs again: the backup still holds the log as it was opened, before any
key can change it, and the runner does not wait for it to see their plan.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop.runtime import start_up_gc
from desktop.runtime.paths import AppPaths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from db.store import Store
    from desktop.runtime.startup import Choice, StoreProblem
    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.shell.single_instance import RaiseServer

log = logging.getLogger(__name__)


class LogOpener:
    """Opens (or recovers) the training log once and hands it to the window."""

    def __init__(
        self, app: QApplication, window: MainWindow, paths: AppPaths, *, gym_kind: str | None
    ) -> None:
        self._app, self._window, self._paths = app, window, paths
        self._gym_kind = gym_kind
        self._done = False
        self._server: RaiseServer | None = None

    @property
    def done(self) -> bool:
        return self._done

    def open_once(self) -> None:
        if self._done:
            return
        self._done = True
        try:
            self._open()
        finally:
            start_up_gc.resume()

    def _open(self) -> None:
        from PySide6.QtCore import QTimer

        from desktop.runtime.startup import open_or_recover

        # `cramproof gym` starts a session below: the backup comes first, as the log was opened.
        backup_first = self._gym_kind is not None
        store = open_or_recover(
            self._paths, now=lambda: datetime.now(UTC), ask=ask_about, daily_backup=backup_first
        )
        if store is None:
            self._window.close()
            self._app.exit(1)
            return
        self._window.attach_store(store)
        self._show_notices(store.notices)
        if store.read_only:  # stays in view whatever the status bar shows next
            from PySide6.QtWidgets import QLabel

            self._window.statusBar().addPermanentWidget(QLabel("Read-only: changes are not saved"))
        if self._gym_kind is not None:
            self._window.gym.open(None if self._gym_kind == "today" else self._gym_kind)
        else:
            self._offer_resume(store)
        # Painted now (a shown widget lays itself out first), not on the next turn: the line
        # below is written with the log on screen, with the CPU time it took (all threads, from
        # the process's start), which a busy machine stretches less than the wall clock: `make
        # bench` reads it. Posted events wait: the check-in is asked over the painted plan.
        self._window.repaint()
        log.info("Main window shown after %.0f ms of CPU time", time.process_time() * 1000)
        if not backup_first:
            from db.store import take_daily_backup

            self._show_notices(take_daily_backup(store, now=datetime.now(UTC)))
        # The taskbar icon and the raise server are not part of the first screen: they are set
        # up on the next turn. Until then a second launch is refused with a message, as it is
        # while the log opens.
        QTimer.singleShot(0, self._set_window_icon)
        QTimer.singleShot(0, self._listen_for_second_launches)

    def _show_notices(self, notices: tuple[str, ...]) -> None:
        for notice in notices:
            log.warning("Store notice: %s", notice)
            self._window.statusBar().showMessage(notice)

    def _listen_for_second_launches(self) -> None:
        """A second launch from now on raises this window instead of only being refused."""
        from desktop.ui.shell.single_instance import RaiseServer

        if self._window.store is None:  # closed before the event loop came back
            return
        self._server = RaiseServer(self._paths.data_dir)
        self._server.raise_requested.connect(self._window.bring_to_front)
        self._server.gym_requested.connect(self._on_server_gym_requested)

    def _on_server_gym_requested(self, kind: str) -> None:
        """`cramproof gym` while this window is open: show gym mode here."""
        if self._window.store is not None:
            self._window.gym.open(None if kind == "today" else kind)  # type: ignore[arg-type]

    def close(self) -> None:
        if self._server is not None:
            self._server.close()

    def _set_window_icon(self) -> None:
        from desktop.ui.common.app_icon import app_icon

        self._app.setWindowIcon(app_icon())

    def _offer_resume(self, store: Store) -> None:
        """A session left open by a crash or a dead battery is offered straight away.

        Most starts find none: one query says so, and the session machinery (10 ms, 0.7 MiB)
        loads only when a session is still in progress.
        """
        from db.athletes import list_athletes
        from db.sessions import open_sessions

        if not any(open_sessions(store, athlete.id) for athlete in list_athletes(store)):
            return
        from desktop.gym.opening.start import resumable_session
        from desktop.gym.opening.today import current_athlete

        now = datetime.now(UTC)  # the runner at the laptop: another's session waits for them
        if resumable_session(store, now=now, athlete_id=current_athlete(store, now=now)):
            self._window.gym.open()


def ask_about(problem: StoreProblem) -> Choice:
    """The store dialogs load only when the log has a problem to show."""
    from desktop.ui.shell.store_dialogs import ask_about_store_problem

    return ask_about_store_problem(problem)
