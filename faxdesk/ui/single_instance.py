"""One running FaxDesk per user and mode: a second launch hands its files to the first and exits.

The first instance listens on a local socket (QLocalServer) named after the app, the user, the
profile (``FAXDESK_HOME``) and the mode ("account" or "sandbox"), so test runs and separate
profiles never meet, and a sandbox launch never hands a document to a window on the account (or
the other way round): each mode has its own window. A second launch connects, sends
``{"files": [absolute paths], "send": bool}`` as one JSON line, waits for ``ok`` and exits 0;
the first emits :attr:`SingleInstance.activationRequested` and, when there are files (or
``send``, from ``faxdesk --send``), :attr:`SingleInstance.filesReceived`. A socket file left
behind by a crashed instance is found (nobody answers it) and replaced.

Integration in the app start-up (after QApplication exists, before the window is shown)::

    guard = acquire_single_instance(args.files, send=getattr(args, "send", False), mode=mode)
    if guard is None:
        return 0  # the running instance has the files
    ...
    app = create_app(args, guard=guard)  # faxdesk.ui.app: the window takes handed-over files
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import zlib
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Qt, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

APP_ID = "faxdesk"
#: The modes that each have their own window.
MODES = ("account", "sandbox")
_MAX_MESSAGE = 1 << 20  # a file list is small; anything bigger is not from us
_ACK = b"ok\n"


def server_name(app_id: str = APP_ID, environ: dict[str, str] | None = None,
                mode: str = "account") -> str:
    """The socket name for this user, profile and mode (short: some systems limit socket
    paths)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    env = dict(os.environ) if environ is None else environ
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers): the uid still separates users
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    profile = env.get("FAXDESK_HOME", "").strip()
    if profile:
        profile = str(Path(profile).expanduser().absolute())
    # Only tells profiles apart (it is no secret), with what the start has loaded already.
    key = f"{user}\0{profile}".encode()
    digest = f"{zlib.crc32(key):08x}"
    return f"{app_id}-{digest}" if mode == "account" else f"{app_id}-{mode}-{digest}"


def _encode(files: Sequence[str | os.PathLike[str]], send: bool = False) -> bytes:
    paths = [str(Path(f).expanduser().absolute()) for f in files]
    return json.dumps({"files": paths, "send": send}).encode() + b"\n"


def _decode(data: bytes) -> tuple[list[str], bool] | None:
    try:
        message = json.loads(data.decode())
    except (UnicodeDecodeError, ValueError):
        return None
    files = message.get("files") if isinstance(message, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return files, message.get("send") is True


def hand_off(
    files: Sequence[str | os.PathLike[str]], *, name: str | None = None, timeout_ms: int = 3000,
    send: bool = False,
) -> bool:
    """Give ``files`` to a running instance; True when it confirmed, False when none answers.
    ``send``: open the send dialog even without files (``faxdesk --send``).

    Blocking and needs no event loop, so it can run before the QApplication exists; call it
    on the main thread (it is what a starting process does first).
    """
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(QByteArray(_encode(files, send)))
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        reply = b""
        while not reply.endswith(b"\n"):
            # The answer may already be buffered (read while waiting for the write).
            if not socket.bytesAvailable() and not socket.waitForReadyRead(timeout_ms):
                return False
            reply += bytes(socket.readAll().data())
        return reply == _ACK
    finally:
        socket.disconnectFromServer()


def _answers(name: str, timeout_ms: int = 500) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(name)
    alive = probe.waitForConnected(timeout_ms)
    probe.abort()
    return alive


class SingleInstance(QObject):
    """The listening side, owned by the running instance."""

    activationRequested = Signal()
    # Open the send dialog with these absolute paths (an empty list: `faxdesk --send`).
    filesReceived = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None, *,
                 mode: str = "account") -> None:
        super().__init__(parent)
        self.mode = mode
        self.name = name or server_name(mode=mode)
        self._server = QLocalServer(self)
        # Only this user may connect (the socket file is created 0700-like).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; a stale socket left by a crashed instance is removed first."""
        # A live instance answers on the name: leave it alone (with UserAccessOption Qt would
        # otherwise replace its socket file). A file nobody answers was left by a crash.
        if _answers(self.name):
            log.info("Another FaxDesk is already listening on %s", self.name)
            return False
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("Single instance disabled: %s", self._server.errorString())
        return False

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def switch_mode(self, mode: str) -> bool:
        """Listen for `mode`'s launches instead (the first-run choice picked the sandbox, say).
        False when another FaxDesk of that mode already listens (this one then takes none)."""
        if mode == self.mode:
            return self.is_listening()
        self._server.close()
        self.mode = mode
        self.name = server_name(mode=mode)
        return self.listen()

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            # Slots that ask which socket spoke: no closure keeps this guard alive from Qt.
            socket.readyRead.connect(self._socket_ready)
            socket.disconnected.connect(self._socket_gone)
            if socket.bytesAvailable():
                self._on_ready_read(socket)

    @Slot()
    def _socket_ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._on_ready_read(socket)

    @Slot()
    def _socket_gone(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._forget(socket)

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if len(data) > _MAX_MESSAGE:
            socket.abort()
            self._forget(socket)
            return
        if not data.endswith(b"\n"):
            self._buffers[socket] = data
            return
        del self._buffers[socket]
        decoded = _decode(data)
        if decoded is None:
            log.warning("Ignored a malformed message on the single-instance socket")
            socket.abort()
            return
        socket.write(QByteArray(_ACK))
        socket.flush()
        socket.disconnectFromServer()
        files, send = decoded
        self.activationRequested.emit()
        if files or send:
            self.filesReceived.emit(files)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def acquire_single_instance(
    files: Sequence[str | os.PathLike[str]] = (), *, name: str | None = None,
    send: bool = False, mode: str = "account",
) -> SingleInstance | None:
    """None when a running instance of the same mode took ``files`` (exit 0); else the
    listening guard.

    If listening fails for another reason the app still runs, just without the hand-off.
    """
    name = name or server_name(mode=mode)
    if hand_off(files, name=name, send=send):
        return None
    guard = SingleInstance(name, mode=mode)
    guard.listen()
    return guard


def bring_to_front(window: QWidget) -> None:
    """Show, un-minimise and raise ``window`` (what a second launch without files asks for)."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
