"""Optional local webhook receiver: signed Telnyx events make status updates instant.

Bound to 127.0.0.1 by default (host and port are configurable, for users who put a tunnel in
front). Every request is verified with the account's Ed25519 public key before anything is read
from it. Answers:

- 200: verified and queued (applied on a worker thread through `status.apply_status`, so the
  reply is fast and Telnyx does not time out);
- 400: malformed body or headers; 401: bad signature; 403: timestamp outside the tolerance
  (stale or from the future); 409: an event id already applied (a replay; nothing changes);
- 405 for anything but POST; 413 when the body is larger than `max_body`.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

from faxdesk.core.events import EventHub
from faxdesk.core.status import StatusUpdate, apply_status
from faxdesk.core.store import Store, iso

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

    from faxdesk.webhooks import FaxEvent

log = logging.getLogger(__name__)


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
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._executor: ThreadPoolExecutor | None = None
        self.last_valid_at: float | None = None

    @property
    def port(self) -> int:
        return self._server.server_port if self._server else self._port

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self.port}/webhooks/telnyx"

    def start(self) -> WebhookListener:
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="faxdesk-webhook")
        self._server = make_server(self._host, self._port, self._wsgi, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, name="faxdesk-webhooks",
                                        kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
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
        request = Request(environ)
        response = self.handle(request)
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
