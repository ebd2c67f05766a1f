"""One running FaxDesk per user and mode: a second launch hands its files to the first and exits.

The first instance listens on a local socket (QLocalServer) named after the app, the user, the
profile (``FAXDESK_HOME``) and the mode ("account" or "sandbox"), so test runs and separate
profiles never meet, and a sandbox launch never hands a document to a window on the account (or
the other way round): each mode has its own window. A second launch connects and sends its files
(`faxdesk.ui.handoff`, the launch's side); the first answers ``ok`` and emits
:attr:`SingleInstance.activationRequested` and, when there are files (or ``send``, from
``faxdesk --send``), :attr:`SingleInstance.filesReceived`. A socket file left behind by a
crashed instance is found (nobody answers it) and replaced.

`run_app` asks with `faxdesk.ui.handoff.hand_off` before its first frame and listens only after
it (this module loads QtNetwork); a FaxDesk that started listening in between is found then by
`acquire_single_instance`, which hands the files to it instead.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QObject, Qt, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from faxdesk.ui.handoff import ACK, answers, decode, hand_off, server_name

log = logging.getLogger(__name__)

_MAX_MESSAGE = 1 << 20  # a file list is small; anything bigger is not from us


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
        if answers(self.name):
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
        decoded = decode(data)
        if decoded is None:
            log.warning("Ignored a malformed message on the single-instance socket")
            socket.abort()
            return
        socket.write(QByteArray(ACK))
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
