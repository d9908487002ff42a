"""One Cramproof per data folder: a QLockFile beside the database, a local socket to raise it."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)

RAISE_MESSAGE = b"raise\n"
GYM_KINDS = ("today", "heavy", "light")


def server_name(data_dir: Path) -> str:
    """A socket name unique to the data directory, short enough for every platform."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"cramproof-{digest}"


def acquire_lock(lock_file: Path) -> QLockFile | None:
    """Take the data directory's lock, or return None if a live process holds it.

    QLockFile removes a lock whose process is gone (a crash, a power cut). Its age-based
    staleness is turned off: a window left open all day must keep its lock.
    """
    lock = QLockFile(str(lock_file))
    lock.setStaleLockTime(0)
    if lock.tryLock(200):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    raise OSError(f"cannot create the lock file {lock_file} ({lock.error().name})")


def ask_running_instance_to_raise(
    data_dir: Path, *, gym_kind: str | None = None, timeout_ms: int = 1000
) -> bool:
    """Ask the open Cramproof to come to the front (in gym mode for `cramproof gym`, the desktop
    entry's "Start today's session"); True if it answered. An older window reads only "raise"."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE_MESSAGE if gym_kind is None else f"raise gym {gym_kind}\n".encode())
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return sent


class RaiseServer(QObject):
    """Listens for a second launch and reports it so the window can raise itself."""

    raise_requested = Signal()
    gym_requested = Signal(str)  # "today", "heavy" or "light"

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        # QtNetwork loads here, after the first frame: the lock alone keeps the log single.
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(data_dir)
        # A crashed instance can leave its socket file behind; we hold the lock, so it is ours.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("Second launches cannot raise this window: %s", self._server.errorString())
        self._server.newConnection.connect(self._on_server_new_connection)

    def _on_server_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        message = bytes(socket.readAll().data())
        if not message.startswith(RAISE_MESSAGE.strip()):
            return
        self.raise_requested.emit()
        words = message.decode("ascii", "replace").split()
        if len(words) == 3 and words[1] == "gym" and words[2] in GYM_KINDS:
            self.gym_requested.emit(words[2])

    def close(self) -> None:
        self._server.close()
