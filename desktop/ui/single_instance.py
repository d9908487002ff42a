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


def ask_running_instance_to_raise(data_dir: Path, *, timeout_ms: int = 1000) -> bool:
    """Ask the open Cramproof to come to the front; True if it answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE_MESSAGE)
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return sent


class RaiseServer(QObject):
    """Listens for a second launch and reports it so the window can raise itself."""

    raise_requested = Signal()

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
        if bytes(socket.readAll().data()).startswith(RAISE_MESSAGE.strip()):
            self.raise_requested.emit()

    def close(self) -> None:
        self._server.close()
