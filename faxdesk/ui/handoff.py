"""A launch hands its files to the FaxDesk already running: the socket's name, the message, and
the launch's side of the conversation.

The running FaxDesk listens on a local socket (`faxdesk.ui.single_instance`). A launch asks it
first, before it shows anything. A QLocalServer on a POSIX system is a Unix socket file in Qt's
temporary folder, which the standard library reaches directly: the launch then need not import
QtNetwork (about 10 ms, with the enums it creates) before its first frame, nor even `socket`
when no socket file is there (nobody listens: the common start). Elsewhere (Windows' named
pipes) the launch talks through QLocalSocket.

The message is one JSON line, ``{"files": [absolute paths], "send": bool}``; the running FaxDesk
answers ``ok``.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir

if TYPE_CHECKING:
    import socket

APP_ID = "faxdesk"
#: The modes that each have their own window.
MODES = ("account", "sandbox")
ACK = b"ok\n"
# A QLocalServer there is a Unix socket file.
_UNIX_SOCKETS = os.name == "posix"


def server_name(app_id: str = APP_ID, environ: dict[str, str] | None = None,
                mode: str = "account") -> str:
    """The socket name for this user, profile and mode (short: some systems limit socket
    paths)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    env = dict(os.environ) if environ is None else environ
    user = _user()
    profile = env.get("FAXDESK_HOME", "").strip()
    if profile:
        profile = str(Path(profile).expanduser().absolute())
    # Only tells profiles apart (it is no secret), with what the start has loaded already.
    key = f"{user}\0{profile}".encode()
    digest = f"{zlib.crc32(key):08x}"
    return f"{app_id}-{digest}" if mode == "account" else f"{app_id}-{mode}-{digest}"


def _user() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())  # POSIX: the uid tells users apart, with no lookup at all
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "user"


def socket_path(name: str) -> str:
    """Where a QLocalServer listening on `name` has its socket file (Qt's rule for a name that
    is not a path)."""
    return name if name.startswith("/") else f"{QDir.cleanPath(QDir.tempPath())}/{name}"


def encode(files: Sequence[str | os.PathLike[str]], send: bool = False) -> bytes:
    paths = [str(Path(f).expanduser().absolute()) for f in files]
    return json.dumps({"files": paths, "send": send}).encode() + b"\n"


def decode(data: bytes) -> tuple[list[str], bool] | None:
    """The files and the send flag of a message; None when it is not one of ours."""
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
    name = name or server_name()
    message = encode(files, send)
    if not _UNIX_SOCKETS:
        return _hand_off_through_qt(message, name, timeout_ms)
    if not Path(socket_path(name)).exists():
        return False
    try:
        with _connected(name, timeout_ms) as conn:
            conn.sendall(message)
            reply = b""
            while not reply.endswith(b"\n"):
                chunk = conn.recv(64)
                if not chunk:
                    return False
                reply += chunk
            return reply == ACK
    except OSError:  # no socket, one left by a crash that nobody answers, or no answer in time
        return False


def answers(name: str, timeout_ms: int = 500) -> bool:
    """Whether a running instance listens on `name`."""
    if not _UNIX_SOCKETS:
        from PySide6.QtNetwork import QLocalSocket

        probe = QLocalSocket()
        probe.connectToServer(name)
        alive = probe.waitForConnected(timeout_ms)
        probe.abort()
        return alive
    try:
        with _connected(name, timeout_ms):
            return True
    except OSError:
        return False


def _connected(name: str, timeout_ms: int) -> socket.socket:
    import socket

    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.settimeout(timeout_ms / 1000)
    try:
        conn.connect(socket_path(name))
    except OSError:
        conn.close()
        raise
    return conn


def _hand_off_through_qt(message: bytes, name: str, timeout_ms: int) -> bool:
    from PySide6.QtCore import QByteArray
    from PySide6.QtNetwork import QLocalSocket

    conn = QLocalSocket()
    conn.connectToServer(name)
    if not conn.waitForConnected(timeout_ms):
        return False
    try:
        conn.write(QByteArray(message))
        if not conn.waitForBytesWritten(timeout_ms):
            return False
        reply = b""
        while not reply.endswith(b"\n"):
            # The answer may already be buffered (read while waiting for the write).
            if not conn.bytesAvailable() and not conn.waitForReadyRead(timeout_ms):
                return False
            reply += bytes(conn.readAll().data())
        return reply == ACK
    finally:
        conn.disconnectFromServer()
