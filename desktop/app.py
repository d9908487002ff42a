"""Composition root: arguments, paths, the instance lock, the store, QApplication, main window."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop import APP_ID, __version__
from desktop.cli.main import (
    WINDOW_COMMANDS,
    describe_os_error,
    parse,
    report_window_refused,
    run_command,
)
from desktop.runtime.hashlib_compat import hash_without_openssl
from desktop.runtime.logging_setup import configure_logging
from desktop.runtime.paths import AppPaths, ensure_private_dir, resolve_paths
from desktop.ui.common.pyside_compat import scan_imports_cheaply
from desktop.ui.common.qt_libraries import report_unloadable_qt, start_application

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from db.store import Store
    from desktop.runtime.startup import Choice, StoreProblem
    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.shell.single_instance import InstanceLock, RaiseServer

log = logging.getLogger(__name__)

APP_NAME = "Cramproof"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    paths = resolve_paths(args.data_dir, os.environ)
    if args.command not in WINDOW_COMMANDS:
        return run_command(args, paths)
    gym_kind = (args.kind or "today") if args.command == "gym" else None
    return run_window(paths, verbose=args.verbose, gym_kind=gym_kind)


def run_window(paths: AppPaths, *, verbose: bool = False, gym_kind: str | None = None) -> int:
    """Open the window for one data directory; return the process exit code."""
    started = start_window(paths, verbose=verbose, gym_kind=gym_kind)
    if isinstance(started, int):
        return started
    from PySide6.QtCore import QTimer

    _quit_on_termination_signals(started.app)
    # Python only runs signal handlers between bytecodes; a slow timer lets it in while Qt waits.
    heartbeat = QTimer(interval=500)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start()
    try:
        return started.app.exec()
    finally:
        heartbeat.stop()
        started.shut_down()


class StartedWindow:
    """The shown window and what it holds until the event loop ends: the opener and the lock."""

    def __init__(
        self, app: QApplication, window: MainWindow, opener: _LogOpener, lock: InstanceLock
    ) -> None:
        self.app, self.window, self.opener, self._lock = app, window, opener, lock

    @property
    def opened(self) -> bool:
        """True once the log has been opened and handed to the window (or refused)."""
        return self.opener.done

    def shut_down(self) -> None:
        self.window.close_store()
        self.opener.close()
        self._lock.unlock()
        log.info("Cramproof closed")


def start_window(
    paths: AppPaths, *, verbose: bool = False, gym_kind: str | None = None
) -> StartedWindow | int:
    """Show the window and schedule opening the log; an exit code when it cannot be shown.

    The real start-up path, shared by `run_window` and the tests that start Cramproof as a
    runner does.
    """
    try:
        note = ensure_private_dir(paths.data_dir)
    except OSError as error:
        return report_window_refused(paths, raised=False, problem=describe_os_error(error))
    except ValueError as error:  # a name with a NUL or that cannot be encoded
        return report_window_refused(paths, raised=False, problem=str(error))
    configure_logging(paths.log_file, verbose=verbose)
    if note:
        log.warning("%s", note)
    log.info("Cramproof %s starting with data in %s", __version__, paths.data_dir)
    hash_without_openssl()

    try:
        from PySide6.QtCore import QTimer

        scan_imports_cheaply()
        from PySide6.QtWidgets import QApplication
    except ImportError as error:  # Qt's system libraries are missing: say which packages
        return report_unloadable_qt(error)

    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.shell.single_instance import acquire_lock, ask_running_instance_to_raise

    app = QApplication.instance() or start_application(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setOrganizationDomain("cramproof.org")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)

    try:
        lock = acquire_lock(paths.lock_file)
    except OSError as error:  # e.g. a read-only data folder: say so instead of a traceback
        return report_window_refused(paths, raised=False, problem=str(error))
    if lock is None:
        from desktop.ui.shell.store_dialogs import show_already_open

        raised = ask_running_instance_to_raise(paths.data_dir, gym_kind=gym_kind)
        log.info("Another Cramproof has %s open (raised: %s)", paths.data_dir, raised)
        if not raised:
            show_already_open(paths)
        return report_window_refused(paths, raised=raised)

    window = MainWindow(paths=paths)
    opener = _LogOpener(app, window, paths, gym_kind=gym_kind)
    # The frame is painted first; the log is opened on the next turn of the event loop (or after
    # half a second if the window is not painted, e.g. started minimised).
    window.opening_page.painted.connect(lambda: QTimer.singleShot(0, opener.open_once))
    QTimer.singleShot(500, opener.open_once)
    window.show()
    return StartedWindow(app, window, opener, lock)


class _LogOpener:
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
        from PySide6.QtCore import QTimer

        from desktop.runtime.startup import open_or_recover
        from desktop.ui.shell.single_instance import RaiseServer

        # A second launch from now on raises this window instead of only being refused.
        self._server = RaiseServer(self._paths.data_dir)
        self._server.raise_requested.connect(self._window.bring_to_front)
        self._server.gym_requested.connect(self._on_server_gym_requested)

        store = open_or_recover(self._paths, now=lambda: datetime.now(UTC), ask=_ask_about)
        if store is None:
            self._window.close()
            self._app.exit(1)
            return
        self._window.attach_store(store)
        for notice in store.notices:
            log.warning("Store notice: %s", notice)
            self._window.statusBar().showMessage(notice)
        if store.read_only:  # stays in view whatever the status bar shows next
            from PySide6.QtWidgets import QLabel

            self._window.statusBar().addPermanentWidget(QLabel("Read-only: changes are not saved"))
        if self._gym_kind is not None:
            self._window.gym.open(None if self._gym_kind == "today" else self._gym_kind)
        else:
            self._offer_resume(store)
        log.info("Main window shown")
        # The taskbar icon is not part of the first screen: it is set on the next turn.
        QTimer.singleShot(0, self._set_window_icon)

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

        if resumable_session(store, now=datetime.now(UTC)) is not None:
            self._window.gym.open()


def _ask_about(problem: StoreProblem) -> Choice:
    """The store dialogs load only when the log has a problem to show."""
    from desktop.ui.shell.store_dialogs import ask_about_store_problem

    return ask_about_store_problem(problem)


def _quit_on_termination_signals(app: QApplication) -> None:
    """Ctrl+C or a logout's SIGTERM closes cleanly; every saved set is already committed anyway.

    Python runs a signal handler between any two bytecodes, so quitting right there would close
    the windows, and with them the log, in the middle of whatever query was running. The handler
    only asks the event loop to quit once it is back in control.
    """
    from PySide6.QtCore import QTimer

    def _quit(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, app.quit)

    signal.signal(signal.SIGINT, _quit)
    signal.signal(signal.SIGTERM, _quit)
