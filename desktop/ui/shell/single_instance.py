"""One Ebb per user: a QLockFile decides who runs; a QLocalServer lets a second launch
ask the first to show its window, then the second exits 0.

The request carries the launcher's Wayland activation token (``XDG_ACTIVATION_TOKEN``,
xdg-activation-v1), if it gave the second launch one: a compositor raises a window only
for a token from the user's own action, and marks it urgent otherwise. The message is
``show`` and, on a second line, the token (empty when there is none)."""

from __future__ import annotations

import errno
import os
import zlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SHOW = b"show\n"
MAX_TOKEN = 512  # tokens are short; anything longer is not one
CONNECT_TIMEOUT_MS = 2000


def server_name(lock_dir: Path) -> str:
    """Per user and per data folder: two people on one machine each get their own Ebb,
    and a second journal (``--data-dir``) runs as its own instance. (CRC-32 rather than
    hashlib: loading OpenSSL for a name cost 2 ms of every start.)"""
    digest = zlib.crc32(str(lock_dir.resolve()).encode())
    return f"ebb-{_account()}-{digest:08x}"


def _account() -> str:
    """The user's number where the system has one. It cannot be changed through the
    environment as $USER can, and reading it costs nothing, where getpass (for a session
    without $USER) asks the system's user database: about 2 ms of a start."""
    if hasattr(os, "getuid"):
        return str(os.getuid())
    for key in ("USERNAME", "USER", "LOGNAME"):  # Windows
        if os.environ.get(key):
            return os.environ[key]
    import getpass

    return getpass.getuser()


class SingleInstance(QObject):
    """``acquire()`` is True for the first instance; the first then gets
    ``show_requested`` whenever another launch asks."""

    show_requested = Signal(str)  # the activation token, or ""

    def __init__(self, lock_dir: Path, name: str | None = None) -> None:
        super().__init__()
        lock_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.name = name or server_name(lock_dir)
        self._lock = QLockFile(str(lock_dir / f"{self.name}.lock"))
        self._lock.setStaleLockTime(0)  # a lock left by a crashed Ebb is stale, not busy
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True: this is the first instance. False: another holds the lock. Raises
        OSError when the lock file cannot be made at all (a read-only or full data
        folder): that is not "already running"."""
        if not self._lock.tryLock(100):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            raise OSError(
                errno.EACCES if self._lock.error() == QLockFile.LockError.PermissionError else errno.EIO,
                "cannot create the single-instance lock file",
                self._lock.fileName(),
            )
        server = QLocalServer(self)
        # Only this user may connect to the socket.
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # a stale socket from a crash
            server.listen(self.name)
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def ask_first_to_show(self) -> bool:
        """From a second launch: ask the running Ebb to show itself."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        token = os.environ.get("XDG_ACTIVATION_TOKEN", "")
        socket.write(QByteArray(SHOW + token.encode("utf-8", "replace")[:MAX_TOKEN] + b"\n"))
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            # Deleted by Qt once pending events are done (Python deleting it at once
            # can crash inside a queued socket event).
            self._server.deleteLater()
            self._server = None
        self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)  # freed with us; never deleted under a running slot
            socket.readyRead.connect(lambda s=socket: self._read(s))
            if socket.bytesAvailable():  # the message may be here before we listen for it
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        message = bytes(socket.readAll().data())
        if message.startswith(SHOW.strip()):
            _, _, rest = message.partition(b"\n")
            token = rest.split(b"\n", 1)[0][:MAX_TOKEN].decode("utf-8", "replace").strip()
            self.show_requested.emit(token)
        socket.disconnectFromServer()
