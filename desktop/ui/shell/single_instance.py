"""One Cramproof per data folder: a kernel lock on a file beside the database, a socket to raise it.

The lock is an `flock` on `cramproof.lock` (POSIX) so the kernel drops it the moment its holder
dies, whatever happens to its PID afterwards: a QLockFile judged a killed window's lock by the
PID and program name written in it, and a later Python process given that PID kept the log
"already open" for good. Windows keeps QLockFile, whose owner check uses a process handle.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from desktop.runtime.instance_name import server_name

if TYPE_CHECKING:
    import socket

    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)

RAISE_MESSAGE = b"raise\n"
GYM_KINDS = ("today", "heavy", "light")
_LOCKS_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
_FOLDER_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


class InstanceLock(Protocol):
    """What the window and `restore` hold while they own the data folder."""

    def unlock(self) -> None: ...


class KernelLock:
    """An exclusive `flock` on the lock file, released by the kernel when the process ends."""

    def __init__(self, fd: int | None) -> None:  # None: nothing to lock in a read-only folder
        self._fd = fd

    def unlock(self) -> None:
        """Release the lock; the file stays (removing it would race with a new holder)."""
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor drops the flock
            self._fd = None


def acquire_lock(lock_file: Path) -> InstanceLock | None:
    """Take the data directory's lock, or return None if a live process holds it."""
    if sys.platform == "win32":
        return _acquire_qt_lock(lock_file)
    import fcntl

    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(lock_file, flags, 0o600)  # private like every file in the data folder
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except OSError as error:
        empty = os.fstat(fd).st_size == 0
        os.close(fd)
        if error.errno not in _LOCKS_UNSUPPORTED:
            raise
        if empty:  # QLockFile would take an empty file for a lock it cannot read
            lock_file.unlink(missing_ok=True)
        # Some network and FUSE folders have no flock: the old PID-based lock still works there.
        log.warning("No kernel lock on %s (%s); using a PID lock file", lock_file, error.strerror)
        return _acquire_qt_lock(lock_file)
    try:
        if os.fstat(fd).st_mode & 0o077:  # a lock left by an older Cramproof was 0644
            os.fchmod(fd, 0o600)
        # Only for a person looking at the folder: the kernel, not this text, decides who holds it.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\ncramproof\n".encode())
    except OSError as error:
        log.warning("Could not note the PID in %s: %s", lock_file, error)
    return KernelLock(fd)


def acquire_lock_to_read(lock_file: Path, refused: OSError) -> InstanceLock | None:
    """The lock for a window that only reads a folder nobody may write (a read-only mount,
    another user's 0555 folder), after `acquire_lock` raised `refused`; else `refused` again.

    `flock` needs no write access, so a lock file already there is still locked; without one
    (or without flock) a window listening for this folder is the holder, and none means ours.
    """
    if refused.errno not in _FOLDER_READ_ONLY or os.access(lock_file.parent, os.W_OK):
        raise refused
    import fcntl

    try:
        fd = os.open(lock_file, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise
    except BlockingIOError:
        return None
    except OSError:  # no lock file, or no flock there: ask instead
        return None if _window_listening(lock_file.parent) else KernelLock(None)
    return KernelLock(fd)


def _window_listening(data_dir: Path) -> bool:
    """True if an open Cramproof listens on `data_dir`'s socket (connected to, not raised)."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    listening = socket.waitForConnected(300)
    socket.abort()
    return listening


def _acquire_qt_lock(lock_file: Path) -> InstanceLock | None:
    """Windows: QLockFile, with its age-based staleness off so a window open all day keeps it."""
    from PySide6.QtCore import QLockFile

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
    """Listens for a second launch and reports it so the window can raise itself.

    On POSIX a plain Unix socket watched by a `QSocketNotifier`, at the path QLocalServer would
    use (so every Cramproof's QLocalSocket finds it): QtNetwork costs about 6 ms and 2.3 MiB on
    the way to the log on screen. Windows keeps QLocalServer, whose names are named pipes.
    """

    raise_requested = Signal()
    gym_requested = Signal(str)  # "today", "heavy" or "light"

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener: _UnixListener | _QtListener
        if sys.platform == "win32":
            self._listener = _QtListener(server_name(data_dir), self._on_message, self)
        else:
            self._listener = _UnixListener(server_name(data_dir), self._on_message, self)

    def _on_message(self, message: bytes) -> None:
        if not message.startswith(RAISE_MESSAGE.strip()):
            return
        self.raise_requested.emit()
        words = message.decode("ascii", "replace").split()
        if len(words) == 3 and words[1] == "gym" and words[2] in GYM_KINDS:
            self.gym_requested.emit(words[2])

    def close(self) -> None:
        self._listener.close()


class _UnixListener(QObject):
    """A listening Unix socket: each connection's first line goes to `on_message`."""

    def __init__(self, name: str, on_message: Callable[[bytes], None], parent: QObject) -> None:
        from PySide6.QtCore import QDir  # its enums are built the turn after the log is shown

        super().__init__(parent)
        self._on_message = on_message
        self._path = Path(QDir.tempPath(), name)
        self._clients: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}
        self._server: socket.socket | None = None
        try:
            self._server = _listen_privately(self._path)
        except OSError as error:
            log.warning("Second launches cannot raise this window: %s", error)
            return
        self._notifier = QSocketNotifier(self._server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def _accept(self) -> None:
        while self._server is not None:
            try:
                client, _ = self._server.accept()
            except OSError:  # BlockingIOError: no one else waiting
                return
            client.setblocking(False)
            notifier = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Read, self)
            fd = client.fileno()
            self._clients[fd] = (client, notifier, bytearray())
            notifier.activated.connect(lambda *_, fd=fd: self._read(fd))

    def _read(self, fd: int) -> None:
        client, _, received = self._clients[fd]
        try:
            chunk = client.recv(256)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        received += chunk
        if chunk and b"\n" not in received and len(received) < 256:
            return  # the rest of the line is on its way
        self._drop(fd)
        if received:
            self._on_message(bytes(received))

    def _drop(self, fd: int) -> None:
        client, notifier, _ = self._clients.pop(fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        client.close()

    def close(self) -> None:
        for fd in list(self._clients):
            self._drop(fd)
        if self._server is not None:
            self._notifier.setEnabled(False)
            self._server.close()
            self._server = None
            self._path.unlink(missing_ok=True)


def _listen_privately(path: Path) -> socket.socket:
    """Bind in a private folder and move the socket into place, so no other user can connect
    in between (as QLocalServer's UserAccessOption); a crashed instance's socket is replaced,
    which is safe: we hold the lock, so it is ours."""
    import socket  # with the server, the turn after the log is on screen: 2-5 ms of start-up

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        with tempfile.TemporaryDirectory(prefix="cramproof-", dir=path.parent) as private:
            staged = Path(private, "raise")
            server.bind(str(staged))
            staged.chmod(0o600)
            path.unlink(missing_ok=True)
            staged.rename(path)
        server.listen(4)
        server.setblocking(False)
    except OSError:
        server.close()
        raise
    return server


class _QtListener(QObject):
    """Windows: QLocalServer on a named pipe (QtNetwork loads here, after the first frame)."""

    def __init__(self, name: str, on_message: Callable[[bytes], None], parent: QObject) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._on_message = on_message
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("Second launches cannot raise this window: %s", self._server.errorString())
        self._server.newConnection.connect(self._on_server_new_connection)

    def _on_server_new_connection(self) -> None:
        while (client := self._server.nextPendingConnection()) is not None:
            client.readyRead.connect(lambda c=client: self._on_socket_ready_read(c))
            client.disconnected.connect(client.deleteLater)

    def _on_socket_ready_read(self, client: QLocalSocket) -> None:
        self._on_message(bytes(client.readAll().data()))

    def close(self) -> None:
        self._server.close()
