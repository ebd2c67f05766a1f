"""A tiny loopback HTTP server that answers with scripted responses and records every request.

Real HTTP over a real socket (werkzeug's server in a thread), for testing the client's handling of
statuses, headers, slow answers and dropped connections before or without the sandbox.
"""

from __future__ import annotations

import json
import socket
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response


@dataclass
class Reply:
    status: int = 200
    json: Any = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (ended early by stop())
    drop: bool = False  # read the request, then close the connection without answering
    date: str | None = None  # the Date header's text instead of the real time ("" for empty)


@dataclass
class Received:
    method: str
    path: str  # decoded
    raw_uri: str  # as sent: path and query, still percent-encoded
    query: list[tuple[str, str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes
    form: dict[str, str]
    files: dict[str, tuple[str, str, bytes]]  # name → (filename, content type, content)


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass

    def log(self, type: str, message: str, *args: Any) -> None:
        pass

    def date_time_string(self, timestamp: float | None = None) -> str:
        # http.server writes Date itself; a scripted reply may replace its text.
        date = getattr(self, "environ", {}).get("scripted.date")
        return date if date is not None else super().date_time_string(timestamp)


class ScriptedServer:
    def __init__(self, *, tls: bool = False) -> None:
        self.tls = tls  # HTTPS with a throwaway self-signed certificate
        self.script: deque[Reply] = deque()
        self.default = Reply(200, json={"data": {}})
        self.handler: Callable[[Received], Reply | None] | None = None
        self.requests: list[Received] = []
        self.arrived = threading.Event()  # set when any request arrives
        self._stop = threading.Event()
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    def push(self, *replies: Reply) -> None:
        self.script.extend(replies)

    @property
    def root_url(self) -> str:
        assert self._server is not None
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self._server.server_port}"

    @property
    def base_url(self) -> str:
        return self.root_url + "/v2"

    def start(self) -> ScriptedServer:
        self._server = make_server(
            "127.0.0.1",
            0,
            self._app,
            threaded=True,
            request_handler=_QuietHandler,
            ssl_context="adhoc" if self.tls else None,
        )
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def _app(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        body = request.get_data(cache=True)
        files = {
            name: (f.filename or "", f.content_type or "", f.read())
            for name, f in request.files.items()
        }
        received = Received(
            method=request.method,
            path=request.path,
            raw_uri=environ.get("RAW_URI") or environ.get("REQUEST_URI") or "",
            query=list(request.args.items(multi=True)),
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
            form=dict(request.form.items()),
            files=files,
        )
        self.requests.append(received)
        self.arrived.set()
        reply = self.handler(received) if self.handler else None
        if reply is None:
            reply = self.script.popleft() if self.script else self.default
        environ["scripted.date"] = reply.date
        if reply.delay:
            self._stop.wait(reply.delay)
        if reply.drop:
            sock: socket.socket = environ["werkzeug.socket"]
            sock.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
            sock.shutdown(socket.SHUT_RDWR)
            # werkzeug takes a ConnectionError as the client gone: no answer, nothing logged.
            raise ConnectionAbortedError("dropped on purpose")
        if reply.json is not None:
            payload = json.dumps(reply.json).encode()
            headers = {"Content-Type": "application/json", **reply.headers}
        else:
            payload = reply.body
            headers = dict(reply.headers)
        response = Response(payload, status=reply.status, headers=headers)
        return response(environ, start_response)
