"""SandboxServer: the sandbox on a loopback port in a background thread, plus the control methods
tests use (advance the clock, faults, inbound faxes, the request log)."""

from __future__ import annotations

import secrets
import socket
import threading
from types import TracebackType
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from faxdesk.sandbox.clock import Clock, ManualClock, ScaledClock
from faxdesk.sandbox.faults import FaultConfig
from faxdesk.sandbox.http import RequestRecord, SandboxApp
from faxdesk.sandbox.state import SandboxState, WebhookEvent, iso
from faxdesk.sandbox.webhook_sender import WebhookSender

TICK_INTERVAL = 0.05  # real seconds between lifecycle ticks on a running clock


class _QuietHandler(WSGIRequestHandler):
    """No access log on stderr: the request log is kept in memory instead. The `Date` header
    tells the sandbox's clock (a client learns the server's time from it), and errors raised
    before the app runs (a malformed request line) still come in the Telnyx error envelope."""

    error_content_type = "application/json"
    error_message_format = ('{"errors": [{"code": "%(code)d", "title": "%(message)s", '
                            '"detail": "%(explain)s"}]}')

    def date_time_string(self, timestamp: float | None = None) -> str:
        app = getattr(self.server, "app", None)
        if timestamp is None and isinstance(app, SandboxApp):
            timestamp = app.state.now_us() / 1_000_000
        return super().date_time_string(timestamp)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass

    def log(self, type: str, message: str, *args: Any) -> None:
        pass


class SandboxServer:
    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, speed: float = 1.0,
                 manual_clock: bool = False, api_key: str | None = None, seed_history: int = 0,
                 demo: bool = False, inbound_url_ttl: float = 600.0,
                 rate_limit: int = 1000, start_time: float | None = None) -> None:
        """`start_time` (Unix seconds, manual clock only): where the sandbox's clock starts,
        e.g. `time.time() - 660` plays a server 11 minutes behind, i.e. a PC 11 minutes fast,
        for clients that cannot be given a skewed clock (a command run as a subprocess)."""
        if start_time is not None and not manual_clock:
            raise ValueError("start_time needs manual_clock=True")
        self._host = host
        self._port = port
        self.clock: Clock = ManualClock(start_time) if manual_clock else ScaledClock(speed)
        self.speed = speed
        self._api_key = api_key or "KEYSANDBOX_" + secrets.token_hex(16)
        self.faults = FaultConfig()
        self.webhooks = WebhookSender()
        self.state = SandboxState(self.clock, inbound_url_ttl=inbound_url_ttl,
                                  event_sink=self._on_events)
        self.app = SandboxApp(self.state, api_key=self._api_key, faults=self.faults,
                              sender=self.webhooks,
                              advance=self.advance if manual_clock else None,
                              rate_limit=rate_limit, info=self._info)
        self._seed_history = seed_history
        self._demo = demo
        self._server: BaseWSGIServer | None = None
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()

    def __repr__(self) -> str:  # never shows the API key
        return f"SandboxServer(root_url={self.root_url!r})" if self._server else "SandboxServer()"

    # -- lifecycle --------------------------------------------------------------------------------

    def start(self) -> SandboxServer:
        # Bind here so a busy port raises OSError (werkzeug would print and sys.exit instead).
        listener = socket.create_server((self._host, self._port),
                                        family=socket.AF_INET6 if ":" in self._host
                                        else socket.AF_INET)
        try:
            self._server = make_server(self._host, listener.getsockname()[1], self.app,
                                       threaded=True, request_handler=_QuietHandler,
                                       fd=listener.fileno())
        finally:
            listener.close()  # werkzeug works on its own duplicate of the descriptor
        self.state.url_base = self.root_url
        if self._demo:
            from faxdesk.sandbox.demo import load_demo

            load_demo(self.state)
        if self._seed_history:
            self.state.seed_history(self._seed_history)
        self.webhooks.start()
        serve = threading.Thread(target=self._server.serve_forever, name="sandbox-http",
                                 kwargs={"poll_interval": 0.02}, daemon=True)
        serve.start()
        self._threads.append(serve)
        if not isinstance(self.clock, ManualClock):
            ticker = threading.Thread(target=self._tick_loop, name="sandbox-clock", daemon=True)
            ticker.start()
            self._threads.append(ticker)
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        for thread in self._threads:
            thread.join(timeout=10)
        self._threads.clear()
        self.webhooks.stop()

    def __enter__(self) -> SandboxServer:
        return self.start() if self._server is None else self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _tick_loop(self) -> None:
        while not self._stop.wait(TICK_INTERVAL):
            self.state.tick()

    def _on_events(self, events: list[WebhookEvent]) -> None:
        self.webhooks.submit(events)

    # -- addresses and keys -----------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the sandbox is not started")
        return int(self._server.server_address[1])

    @property
    def root_url(self) -> str:
        host = self._host if ":" not in self._host else f"[{self._host}]"
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.root_url + "/v2"

    @property
    def api_key(self) -> str:
        return self._api_key

    @property
    def public_key_b64(self) -> str:
        return self.webhooks.public_key_b64

    def set_api_key(self, key: str) -> None:
        """Accept only `key` from now on: what revoking or rotating a key in the portal does."""
        self._api_key = key
        self.app.api_key = key

    # -- control ----------------------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move a manual clock forward and run the lifecycle up to the new time."""
        if not isinstance(self.clock, ManualClock):
            raise RuntimeError("advance() needs SandboxServer(manual_clock=True)")
        self.clock.advance(seconds)
        self.state.tick()

    def receive_inbound(self, *, from_number: str, to: str, connection_id: str | None = None,
                        pages: int = 1) -> str:
        return self.state.receive_inbound(from_number=from_number, to=to,
                                          connection_id=connection_id, pages=pages)

    def wait_for_webhooks(self, timeout: float = 10.0) -> bool:
        """Block until all pending webhook deliveries (and retries) are done."""
        return self.webhooks.wait_idle(timeout)

    @property
    def request_log(self) -> list[RequestRecord]:
        return list(self.app.request_log)

    def reset_request_log(self) -> None:
        self.app.reset_request_log()

    def _info(self) -> dict[str, Any]:
        return {"base_url": self.base_url, "public_key": self.public_key_b64,
                "speed": self.speed, "manual_clock": isinstance(self.clock, ManualClock),
                "now": iso(self.state.now_us()),
                "inbound_url_ttl": self.state.inbound_url_ttl}
