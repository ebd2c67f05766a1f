"""Optional local webhook receiver: signed Telnyx events make status updates instant.

Bound to 127.0.0.1 by default (host and port are configurable, for users who put a tunnel in
front). Deliveries are accepted on `WEBHOOK_PATH` only, and every one is verified with the
account's Ed25519 public key before anything is read from it. A client that stalls is cut off
after `read_timeout` seconds, and nothing is printed to stderr. Answers:

- 200: verified and queued (applied on a worker thread through `status.apply_status`, so the
  reply is fast and Telnyx does not time out);
- 400: malformed body or headers; 401: bad signature; 403: timestamp outside the tolerance
  (stale or from the future); 409: an event id already applied (a replay; nothing changes);
- 404 for any other path; 405 for anything but POST; 413 when the body is larger than
  `max_body`.

If the port cannot be bound, `start()` raises ListenerStartError with a message in words that
names the port and the fix (werkzeug would print to stderr and call sys.exit instead).
"""

from __future__ import annotations

import errno
import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from faxdesk.core.events import EventHub
from faxdesk.core.status import StatusUpdate, apply_status
from faxdesk.core.store import Store, iso

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

    from faxdesk.webhooks import FaxEvent

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/telnyx"
#: Seconds `stop` waits for requests being handled.
STOP_WAIT = 5.0
#: Seconds a connection may stay silent before it is closed (a stalled client holds a thread).
READ_TIMEOUT = 10.0


class ListenerStartError(Exception):
    """The listener could not start; the message says why and what to change, in words."""

    def __init__(self, message: str, *, host: str, port: int) -> None:
        super().__init__(message)
        self.host = host
        self.port = port


def _start_error(exc: BaseException, host: str, port: int) -> ListenerStartError:
    fix = ("Choose another port in Settings (Webhook listener, Port); until then FaxDesk "
           "keeps syncing by polling.")
    code = exc.errno if isinstance(exc, OSError) else None
    if code == errno.EADDRINUSE:
        why = f"port {port} is already in use by another program"
    elif code == errno.EACCES:
        why = f"this user may not listen on port {port}"
    elif code == errno.EADDRNOTAVAIL or isinstance(exc, socket.gaierror):
        why = f"the address {host} is not one of this computer's"
        fix = ("Enter another address in Settings (Webhook listener, Address); until then "
               "FaxDesk keeps syncing by polling.")
    else:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it was refused"
        why = f"listening on port {port} failed ({reason})"
    return ListenerStartError(f"The webhook listener could not start: {why}. {fix}",
                              host=host, port=port)


class _QuietHandler(WSGIRequestHandler):
    """No request lines on stderr, and a read timeout per connection."""

    timeout = READ_TIMEOUT  # socketserver sets it on each accepted connection

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass

    def log(self, type: str, message: str, *args: Any) -> None:
        log.debug("webhook listener %s: " + message.rstrip("\n"), type, *args)


def event_update(event: FaxEvent) -> StatusUpdate | None:
    """A verified webhook event as a status update (None when it is not about a fax)."""
    if not event.fax_id:
        return None
    fields: dict[str, Any] = {
        "direction": event.direction,
        "from_number": event.from_number,
        "to_number": event.to,
        "connection_id": event.connection_id,
        "client_state": event.client_state,
        "media_url": event.media_url,
        "page_count": event.page_count,
        "media_name": getattr(event, "media_name", None),
        "created_at": iso(event.occurred_at),
    }
    return StatusUpdate(
        fax_id=event.fax_id,
        status=event.status,
        source="webhook",
        at=event.occurred_at,
        fields=fields,
        failure_reason=event.failure_reason,
        event_id=event.id or None,
    )


class WebhookListener:
    def __init__(
        self,
        store: Store,
        hub: EventHub,
        public_key_b64: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        max_body: int = 256 * 1024,
        tolerance: int = 300,
        on_valid: Callable[[], None] | None = None,
        now: Callable[[], float] = time.time,
        read_timeout: float = READ_TIMEOUT,
    ) -> None:
        self._store = store
        self._hub = hub
        self._public_key = public_key_b64
        self._host = host
        self._port = port
        self.max_body = max_body
        self._tolerance = tolerance
        self._on_valid = on_valid
        self._now = now
        self._read_timeout = read_timeout
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._executor: ThreadPoolExecutor | None = None
        self.last_valid_at: float | None = None
        # Requests being handled; `stop` waits for them so none reaches a closed store.
        self._requests = threading.Condition()
        self._active = 0
        self._stopping = False

    @property
    def port(self) -> int:
        return int(self._server.server_address[1]) if self._server else self._port

    @property
    def url(self) -> str:
        host = self._host if ":" not in self._host else f"[{self._host}]"
        return f"http://{host}:{self.port}{WEBHOOK_PATH}"

    def start(self) -> WebhookListener:
        """Listen; ListenerStartError (never SystemExit) when the port cannot be used."""
        try:
            # Bound here, so a taken port raises OSError: werkzeug would print and exit.
            listener = socket.create_server(
                (self._host, self._port),
                family=socket.AF_INET6 if ":" in self._host else socket.AF_INET)
        except (OSError, OverflowError) as exc:
            raise _start_error(exc, self._host, self._port) from None
        handler = type("_Handler", (_QuietHandler,), {"timeout": self._read_timeout})
        try:
            self._server = make_server(self._host, listener.getsockname()[1], self._wsgi,
                                       threaded=True, request_handler=handler,
                                       fd=listener.fileno())
        except (OSError, SystemExit) as exc:
            raise _start_error(exc, self._host, self._port) from None
        finally:
            listener.close()  # werkzeug works on its own duplicate of the descriptor
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="faxdesk-webhook")
        self._thread = threading.Thread(target=self._server.serve_forever, name="faxdesk-webhooks",
                                        kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._requests:
            self._stopping = True
            self._requests.wait_for(lambda: self._active == 0, STOP_WAIT)
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)

    def drain(self) -> None:
        """Wait until every queued event is applied (tests, and a clean stop)."""
        if self._executor is not None:
            self._executor.submit(lambda: None).result()

    # --- HTTP -----------------------------------------------------------------------------

    def _wsgi(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        with self._requests:
            if self._stopping:  # Telnyx retries a delivery that was not accepted
                return _reply(503, "FaxDesk is stopping")(environ, start_response)
            self._active += 1
        try:
            response = self.handle(Request(environ))
        except Exception:  # a bug: answered, logged, never werkzeug's page on stderr
            log.exception("the webhook listener failed on a request")
            response = _reply(500, "internal error")
        finally:
            with self._requests:
                self._active -= 1
                self._requests.notify_all()
        return response(environ, start_response)

    def handle(self, request: Request) -> Response:
        from faxdesk.webhooks import (
            InvalidSignatureError,
            MalformedWebhookError,
            StaleTimestampError,
            WebhookVerificationError,
            parse_webhook,
            verify_webhook,
        )

        if request.path != WEBHOOK_PATH:
            return _reply(404, "not a webhook address")
        if request.method != "POST":
            return _reply(405, "POST only")
        length = request.content_length
        if length is not None and length > self.max_body:
            return _reply(413, "body too large")
        body = request.stream.read(self.max_body + 1)
        if len(body) > self.max_body:
            return _reply(413, "body too large")
        headers = {k.lower(): v for k, v in request.headers.items()}
        try:
            verify_webhook(body, headers, self._public_key, now=self._now(),
                           tolerance=self._tolerance)
            event = parse_webhook(body)
        except InvalidSignatureError:
            return _reply(401, "invalid signature")
        except StaleTimestampError:
            return _reply(403, "timestamp outside the tolerance")
        except MalformedWebhookError:
            return _reply(400, "malformed webhook")
        except WebhookVerificationError:
            return _reply(400, "cannot verify")
        self.last_valid_at = self._now()
        if self._on_valid is not None:
            self._on_valid()
        if event.id and self._store.event_applied(event.id):
            return _reply(409, "event already applied")
        update = event_update(event)
        executor = self._executor
        if update is not None and executor is not None:
            executor.submit(self._apply, update)
        return _reply(200, "ok")

    def _apply(self, update: StatusUpdate) -> None:
        try:
            apply_status(self._store, self._hub, update)
        except Exception:
            log.exception("applying webhook event %s failed", update.event_id)


def _reply(status: int, message: str) -> Response:
    return Response(json.dumps({"result": message}), status=status, mimetype="application/json")
