"""One MiniTicker per settings folder: a second start hands its request to the first.

Two clients on one settings folder would share one account of Binance rate limits and
overwrite each other's saves. So the first start takes a lock named from the settings
folder (``QLockFile`` in the runtime folder, see ``lock_path``: a lock whose process is
gone, after a crash or SIGKILL, counts as stale and is taken over) and listens on a
local socket of the same name. A later start finds the lock held, sends its
``--symbols`` and whether to show the window over that socket, waits for "ok" and
exits. A ``--config-dir`` elsewhere is another lock and another socket: a separate
instance.

The first instance answers from the event loop (signals only, nothing waits), so the UI
never blocks. The second waits synchronously, but it has no window and lives ~1 s.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QLockFile, QObject, QThread, QTimer
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

#: How long a second start tries to reach the first (which may still be starting up).
FORWARD_TIMEOUT_MS: Final = 1500
#: A request is one short JSON line; anything longer is not from MiniTicker.
MAX_REQUEST_BYTES: Final = 64 * 1024
#: A connection that sends no complete request in this time is dropped.
IDLE_MS: Final = 5000
_RETRY_MS: Final = 50


class AlreadyRunning(Exception):
    """Another MiniTicker holds this settings folder but did not answer; words for people."""


@dataclass(frozen=True, slots=True)
class Request:
    """What a second start asks of the running one."""

    symbols: tuple[str, ...] = ()
    show: bool = True

    def encode(self) -> bytes:
        return json.dumps({"symbols": list(self.symbols), "show": self.show}).encode() + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> Request:
        """Raises ``ValueError`` for anything that is not a request."""
        data = json.loads(line)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        symbols, show = data.get("symbols", []), data.get("show", True)
        if not isinstance(symbols, list) or not all(isinstance(s, str) for s in symbols):
            raise ValueError("symbols is not a list of strings")
        if not isinstance(show, bool):
            raise ValueError("show is not true or false")
        return cls(tuple(symbols), show)


def server_name(config_dir: Path) -> str:
    """The local socket's name for ``config_dir``: the same folder (by any path) and user
    gives the same name; another folder or user another one."""
    folder = os.path.normcase(os.path.realpath(config_dir))
    with contextlib.suppress(Exception):  # getuser raises when no name is known
        folder += "\0" + getpass.getuser()
    return "miniticker-" + hashlib.sha256(folder.encode("utf-8", "surrogatepass")).hexdigest()[:24]


class InstanceServer(QObject):
    """The running instance's end: holds the lock, answers later starts.

    It listens from the moment the lock is taken, so a second start never waits for the
    first one's window; requests that arrive before ``set_handler`` are kept for it.
    """

    def __init__(self, name: str, lock: QLockFile | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._lock = lock
        self._handler: Callable[[Request], None] | None = None
        self._pending: list[Request] = []
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start answering; False (and a log line) when the socket cannot be made."""
        if self._server.listen(self._name):
            log.info("answering later starts at %s", self._server.fullServerName())
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            # A socket file left by a run that crashed; we hold the lock, so it is not live.
            QLocalServer.removeServer(self._name)
            if self._server.listen(self._name):
                log.info("answering later starts at %s", self._server.fullServerName())
                return True
        log.warning("cannot answer other starts: %s", self._server.errorString())
        return False

    def set_handler(self, handler: Callable[[Request], None]) -> None:
        """Call ``handler`` for every request: those kept so far, then each new one."""
        self._handler = handler
        pending, self._pending = self._pending, []
        for request in pending:
            handler(request)

    def close(self) -> None:
        """Stop answering and give up the lock."""
        self._server.close()
        if self._lock is not None:
            self._lock.unlock()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.disconnected.connect(socket.deleteLater)
            QTimer.singleShot(IDLE_MS, socket, socket.abort)

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        line, newline, _ = buffer.partition(b"\n")
        if not newline:
            if len(buffer) > MAX_REQUEST_BYTES:
                log.warning("dropped an oversized request from another start")
                socket.abort()
            return
        try:
            request = Request.decode(bytes(line))
        except (ValueError, RecursionError) as exc:
            log.warning("ignored a request that is not MiniTicker's: %s", exc)
            socket.abort()
            return
        buffer.clear()
        log.info("another start asked for %s", request)
        if self._handler is None:
            self._pending.append(request)
        else:
            self._handler(request)
        socket.write(b"ok\n")
        socket.disconnectFromServer()  # after the reply is written


def claim(config_dir: Path, request: Request) -> InstanceServer | None:
    """Become the instance for ``config_dir``, or hand ``request`` to the one running.

    Returns the listening server when this process is the instance; None when the
    running one took the request (this process should exit 0). Raises
    ``AlreadyRunning`` when another live process holds the folder but does not answer.
    Needs a ``QCoreApplication``.
    """
    name = server_name(config_dir)
    lock = QLockFile(str(lock_path(config_dir)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    deadline = time.monotonic() + FORWARD_TIMEOUT_MS / 1000
    while not lock.tryLock(0):
        if lock.error() != QLockFile.LockError.LockFailedError:
            # No lock can be made here (permissions): the socket alone decides.
            log.warning("cannot lock %s (%s)", lock_path(config_dir), lock.error().name)
            if _forward(name, request, timeout_ms=_RETRY_MS * 4):
                return None
            return _serve(name, None)
        remaining = int((deadline - time.monotonic()) * 1000)
        if remaining <= 0:
            info = lock.getLockInfo()  # (pid, host, program), or not a tuple if unreadable
            holder = f" (process {info[0]})" if isinstance(info, tuple) and info[0] else ""
            raise AlreadyRunning(
                f"MiniTicker is already running with the settings in {config_dir}{holder} "
                "but did not answer. Close it, or start this one with another --config-dir."
            )
        # The holder may still be starting up (locked, not listening yet): try again;
        # if it has just quit, the next tryLock takes its place.
        if _forward(name, request, timeout_ms=remaining):
            return None
        QThread.msleep(_RETRY_MS)
    return _serve(name, lock)


def lock_path(config_dir: Path, env: Mapping[str, str] | None = None) -> Path:
    """The lock file for ``config_dir``: in the user's runtime folder (``$XDG_RUNTIME_DIR``)
    or else the system's temporary folder, named like the socket.

    Not in the settings folder: that may roam (Windows profiles) or be shared between
    computers (NFS homes), and a lock left there by a crash on another computer could
    never be judged stale. Rate limits are per computer anyway.
    """
    env = os.environ if env is None else env
    runtime = Path(env.get("XDG_RUNTIME_DIR", "") or ".")
    base = runtime if runtime.is_absolute() and runtime.is_dir() else Path(tempfile.gettempdir())
    return base / f"{server_name(config_dir)}.lock"


def _serve(name: str, lock: QLockFile | None) -> InstanceServer:
    server = InstanceServer(name, lock)
    server.listen()
    return server


def _forward(name: str, request: Request, *, timeout_ms: int) -> bool:
    """Send ``request`` to the instance listening on ``name``; True once it said ok."""
    socket = QLocalSocket()
    try:
        socket.connectToServer(name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(request.encode())
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        reply = bytearray()
        while b"\n" not in reply and socket.waitForReadyRead(timeout_ms):
            reply += bytes(socket.readAll().data())
        return reply.startswith(b"ok\n")
    finally:
        socket.abort()


def symbols_request(symbols: Sequence[str] | None, *, minimized: bool) -> Request:
    """The request a start with these options makes: a ``--minimized`` start (at login,
    say) adds its symbols but leaves the window where it is."""
    return Request(tuple(symbols or ()), show=not minimized)
