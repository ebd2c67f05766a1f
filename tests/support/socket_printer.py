"""A network printer for tests: an AppSocket (JetDirect, port 9100 style) listener on loopback.

That protocol is a raw TCP stream, so this is what a real printer does on the wire, minus the
paper: every connection (one CUPS job) is written to its own file in `output`. Stopping it makes
the printer go offline for CUPS, exactly as unplugging a real one.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import threading
from pathlib import Path


class SocketPrinter:
    def __init__(self, output: Path, port: int = 0) -> None:
        self.output = output
        self.output.mkdir(parents=True, exist_ok=True)
        self._server = socket.create_server(("127.0.0.1", port))
        self.port = int(self._server.getsockname()[1])
        self._count = itertools.count(1)
        self._thread: threading.Thread | None = None
        self._stopped = threading.Event()

    def start(self) -> SocketPrinter:
        self._thread = threading.Thread(target=self._serve, name="socket-printer", daemon=True)
        self._thread.start()
        return self

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            with conn:
                number = next(self._count)
                partial = self.output / f".job-{number:03d}.part"
                with partial.open("wb") as out:
                    while chunk := conn.recv(1 << 16):
                        out.write(chunk)
                # Renamed when the job's stream ended: a test never reads half a job.
                partial.rename(self.output / f"job-{number:03d}.prn")

    def jobs(self) -> list[Path]:
        return sorted(self.output.glob("job-*.prn"))

    def stop(self) -> None:
        self._stopped.set()
        # shutdown() wakes the blocked accept(); close() alone would leave it listening.
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()
        if self._thread is not None:
            self._thread.join(10)

    def __enter__(self) -> SocketPrinter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
