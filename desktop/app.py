"""Composition root: arguments, paths, the instance lock, the store, QApplication, main window."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop import APP_ID, __version__
from desktop.cli.guard import fail, one_line
from desktop.cli.main import (
    WINDOW_COMMANDS,
    describe_os_error,
    parse,
    report_window_refused,
    run_command,
)
from desktop.log_opener import LogOpener, ask_about
from desktop.runtime import start_up_gc
from desktop.runtime.log_owner import not_ours
from desktop.runtime.logging_setup import configure_logging
from desktop.runtime.paths import AppPaths, ensure_private_dir, resolve_paths
from desktop.ui.common.pyside_compat import scan_imports_cheaply
from desktop.ui.common.qt_libraries import report_unloadable_qt, start_application

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.shell.single_instance import InstanceLock

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
        self, app: QApplication, window: MainWindow, opener: LogOpener, lock: InstanceLock
    ) -> None:
        self.app, self.window, self.opener, self._lock = app, window, opener, lock

    @property
    def opened(self) -> bool:
        """True once the log has been opened and handed to the window (or refused)."""
        return self.opener.done

    def shut_down(self) -> None:
        start_up_gc.resume()  # closed before the log was opened
        self.window.close_store()
        self.opener.close()
        self._lock.unlock()
        log.info("Cramproof closed")


def start_window(
    paths: AppPaths, *, verbose: bool = False, gym_kind: str | None = None
) -> StartedWindow | int:
    """Show the window and schedule opening the log; an exit code when it cannot be shown.

    The real start-up path, shared by `run_window` and the tests that start Cramproof as a
    runner does. The cycle collector waits from here to the log on screen (`start_up_gc`).
    """
    started = _show_window(paths, verbose=verbose, gym_kind=gym_kind)
    if isinstance(started, int):
        start_up_gc.resume()
    return started


def _show_window(paths: AppPaths, *, verbose: bool, gym_kind: str | None) -> StartedWindow | int:
    refusal = not_ours(paths)
    if refusal is not None:  # before the lock, logs/ or window.ini exist: not our folder
        return _refuse_not_ours(refusal)
    try:
        note = ensure_private_dir(paths.data_dir)
    except OSError as error:
        return report_window_refused(paths, raised=False, problem=describe_os_error(error))
    except ValueError as error:  # a name with a NUL or that cannot be encoded
        return report_window_refused(paths, raised=False, problem=str(error))
    configure_logging(paths.log_file, verbose=verbose)
    start_up_gc.pause()  # until the log is on screen (`LogOpener.open_once`)
    if note:
        log.warning("%s", note)
    log.info("Cramproof %s starting with data in %s", __version__, paths.data_dir)

    try:
        from PySide6.QtCore import QTimer

        scan_imports_cheaply()
        import PySide6.QtWidgets  # noqa: F401  (fails here when Qt's libraries are missing)
    except ImportError as error:  # Qt's system libraries are missing: say which packages
        return report_unloadable_qt(error)

    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.shell.single_instance import (
        acquire_lock,
        acquire_lock_to_read,
        ask_running_instance_to_raise,
    )

    app = _application()

    try:
        try:
            lock = acquire_lock(paths.lock_file)
        except OSError as refused:  # a read-only folder's log opens read-only
            lock = acquire_lock_to_read(paths.lock_file, refused)
    except OSError as error:  # e.g. a lock file that is a folder: say so, not a traceback
        return report_window_refused(paths, raised=False, problem=str(error))
    if lock is None:
        from desktop.ui.shell.store_dialogs import show_already_open

        raised = ask_running_instance_to_raise(paths.data_dir, gym_kind=gym_kind)
        log.info("Another Cramproof has %s open (raised: %s)", paths.data_dir, raised)
        if not raised:
            show_already_open(paths)
        return report_window_refused(paths, raised=raised)

    window = MainWindow(paths=paths)
    opener = LogOpener(app, window, paths, gym_kind=gym_kind)
    # The frame is painted first; the log is opened on the next turn of the event loop (or after
    # half a second if the window is not painted, e.g. started minimised).
    window.opening_page.painted.connect(lambda: QTimer.singleShot(0, opener.open_once))
    QTimer.singleShot(500, opener.open_once)
    window.show()
    return StartedWindow(app, window, opener, lock)


def _application(*, failure_line: str | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or start_application(sys.argv[:1], failure_line=failure_line)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setOrganizationDomain("cramproof.org")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app


def _refuse_not_ours(message: str) -> int:
    """Another program's file where the log should be: one line on stderr and the window's
    problem box, exit 1, and nothing created (no lock, no logs/, no window.ini, no raise server).
    Without a display the line is all there is: Qt's own reasons stay off stderr."""
    line = f"cramproof: error: {one_line(message)}"
    logging.getLogger().addHandler(logging.NullHandler())  # no log file beside their file
    try:
        scan_imports_cheaply()
        _application(failure_line=line)
    except ImportError:  # no display libraries: the line on stderr is all there can be
        return fail(message)
    fail(message)
    from desktop.runtime.startup import StoreProblem

    ask_about(StoreProblem(message))
    return 1


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
