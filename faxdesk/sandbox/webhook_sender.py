"""Delivers webhook events the way Telnyx does: the §5.1 envelope, Ed25519-signed over
"{timestamp}|{raw body}", retried and sent to the failover URL when the receiver fails, optionally
duplicated or out of order. A background thread does the POSTs; only loopback URLs are contacted."""

from __future__ import annotations

import base64
import heapq
import ipaddress
import itertools
import json
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from nacl.signing import SigningKey

from faxdesk.sandbox.state import WebhookEvent


def is_loopback_url(url: str) -> bool:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    event_id: str
    event_type: str
    url: str
    attempt: int
    status: int | None  # HTTP status, or None when the POST failed or was not made
    error: str | None = None


@dataclass(slots=True)
class _Job:
    event: WebhookEvent
    attempt: int


class WebhookSender:
    def __init__(self, *, signing_key: SigningKey | None = None, max_attempts: int = 4,
                 retry_delays: tuple[float, ...] = (0.5, 1.0, 2.0), timeout: float = 5.0) -> None:
        self.signing_key = signing_key or SigningKey.generate()
        self.max_attempts = max_attempts
        self.retry_delays = retry_delays  # real seconds before attempt 2, 3, ...
        self.timeout = timeout
        self.duplicate = False  # deliver every event twice (same event id)
        self.out_of_order = False  # deliver each batch of events in reverse order
        self.deliveries: list[DeliveryRecord] = []
        self._queue: list[tuple[float, int, _Job]] = []
        self._counter = itertools.count()
        self._cond = threading.Condition()
        self._busy = 0
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._client: httpx.Client | None = None

    @property
    def public_key_b64(self) -> str:
        return base64.b64encode(bytes(self.signing_key.verify_key)).decode()

    def start(self) -> None:
        # Only loopback is ever contacted, so no CA bundle is loaded (that costs ~0.3 s).
        self._client = httpx.Client(timeout=self.timeout, trust_env=False, verify=False)
        self._thread = threading.Thread(target=self._run, name="sandbox-webhooks", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        if self._client is not None:
            self._client.close()
            self._client = None

    def submit(self, events: list[WebhookEvent]) -> None:
        batch = list(reversed(events)) if self.out_of_order else list(events)
        if self.duplicate:
            batch = [e for e in batch for _ in (0, 1)]
        with self._cond:
            now = time.monotonic()
            for event in batch:
                heapq.heappush(self._queue, (now, next(self._counter), _Job(event, 1)))
            self._cond.notify_all()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until every queued delivery (retries included) is done; False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._queue or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.05))
        return True

    def sign(self, timestamp: str, body: bytes) -> str:
        signed = self.signing_key.sign(timestamp.encode() + b"|" + body)
        return base64.b64encode(signed.signature).decode()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and (not self._queue
                                              or self._queue[0][0] > time.monotonic()):
                    wait = self._queue[0][0] - time.monotonic() if self._queue else None
                    self._cond.wait(wait)
                if self._stopping:
                    return
                _, _, job = heapq.heappop(self._queue)
                self._busy += 1
            try:
                self._deliver(job)
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()

    def _deliver(self, job: _Job) -> None:
        event = job.event
        use_failover = event.failover_url is not None and job.attempt % 2 == 0
        url = event.failover_url if use_failover and event.failover_url else event.url
        envelope: dict[str, Any] = {
            "data": {"event_type": event.event_type, "id": event.id,
                     "occurred_at": event.occurred_at, "record_type": "event",
                     "payload": event.payload},
            "meta": {"attempt": job.attempt, "delivered_to": url},
        }
        body = json.dumps(envelope, separators=(",", ":")).encode()
        status: int | None = None
        error: str | None = None
        if not is_loopback_url(url):
            error = "not sent: the sandbox only delivers to loopback addresses"
        else:
            timestamp = str(int(time.time()))
            headers = {"content-type": "application/json",
                       "telnyx-timestamp": timestamp,
                       "telnyx-signature-ed25519": self.sign(timestamp, body),
                       "user-agent": "telnyx-webhooks (FaxDesk sandbox)"}
            try:
                assert self._client is not None
                status = self._client.post(url, content=body, headers=headers,
                                           timeout=event.timeout or self.timeout).status_code
            except httpx.HTTPError as exc:
                error = type(exc).__name__
        with self._cond:
            self.deliveries.append(DeliveryRecord(event.id, event.event_type, url, job.attempt,
                                                  status, error))
        ok = status is not None and 200 <= status < 300
        if ok or not is_loopback_url(url):  # off-host URLs are never retried: never sent
            return
        if job.attempt < self.max_attempts:
            delays = self.retry_delays or (0.0,)
            delay = delays[min(job.attempt - 1, len(delays) - 1)]
            with self._cond:
                heapq.heappush(self._queue, (time.monotonic() + delay, next(self._counter),
                                             _Job(event, job.attempt + 1)))
                self._cond.notify_all()
