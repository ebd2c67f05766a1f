"""TelnyxClient: the synchronous Telnyx fax API client FaxDesk's worker threads use.

It speaks the wire format of shared/telnyx/fax-api.md exactly (deepObject query parameters, the
spec's JSON field names, multipart media upload), turns every failure into the typed errors of
`faxdesk.api.errors`, retries what is safe to retry (see `faxdesk.api.retry`), and can be told
from another thread to stop waiting (`abort()`), which wakes a blocked socket read at once.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from os import PathLike
from pathlib import Path
from typing import Any, BinaryIO, TypeVar
from urllib.parse import quote

import httpx

from faxdesk import __version__
from faxdesk.api.errors import (
    AmbiguousReplyError,
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    ErrorDetail,
    MediaLinkError,
    RateLimitError,
    RequestAbortedError,
    ServerError,
    TelnyxError,
    TransportError,
    UnexpectedResponseError,
    error_class_for_status,
)
from faxdesk.api.models import Fax, FaxApplication, MediaResource, Page, PageMeta, PhoneNumber
from faxdesk.api.retry import RateLimitInfo, RetryPolicy, is_retryable_status, server_wait_hint

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_BASE_URL = "https://api.telnyx.com/v2"
#: Connecting is quick or hopeless; a long connect timeout only delays the error message.
CONNECT_TIMEOUT = 5.0
USER_AGENT = f"FaxDesk/{__version__}"
_CHUNK = 64 * 1024

#: httpcore trace events at which a cancelled call stops before doing more network work.
_CHECKPOINTS = frozenset(
    {
        "connection.connect_tcp.started",
        "connection.start_tls.started",
        "http11.send_request_headers.started",
        "http11.send_request_body.started",
        "http11.receive_response_headers.started",
        "http2.send_request_headers.started",
        "http2.send_request_body.started",
        "http2.receive_response_headers.started",
    }
)
_NEW_SOCKET_EVENTS = frozenset(
    {
        "connection.connect_tcp.complete",
        "connection.connect_unix_socket.complete",
        "connection.start_tls.complete",
    }
)
_SENDING_EVENTS = frozenset(
    {"http11.send_request_headers.started", "http2.send_request_headers.started"}
)
#: Fax application fields the spec lets be null (`type: [..., 'null']`); any other field that is
#: None is left out of a create or update rather than sent as null.
_NULLABLE_APP_FIELDS = frozenset(
    {"webhook_event_failover_url", "webhook_timeout_secs", "fax_email_recipient"}
)


class _Aborted(Exception):
    """Raised inside httpcore's trace hook to stop a cancelled call; never leaves the client."""


def _wake(sock: socket.socket) -> None:
    """Shut the socket down so a thread blocked on it returns at once.

    The plain socket method is called even on an SSLSocket: SSLSocket.shutdown() also drops the
    TLS object, which the reading thread may still be using.
    """
    with contextlib.suppress(OSError):  # already closed: nothing to wake
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _SocketRegistry:
    """Every socket the client's connections opened, so `abort()` can shut them down.

    Closing a socket does not wake a thread blocked reading it on Linux; `shutdown()` does, which
    is what makes abandoning a call take milliseconds instead of the read timeout.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)

    def shutdown_all(self) -> None:
        with self._lock:
            sockets = list(self._sockets)
            self._sockets.clear()
        for sock in sockets:
            _wake(sock)


class _CallTrace:
    """httpcore `trace` extension for one call: cancellation checkpoints and socket tracking."""

    def __init__(self, cancel: threading.Event, registry: _SocketRegistry) -> None:
        self.cancel = cancel
        self.registry = registry
        #: True once the request headers started going out: from then on it may have arrived.
        self.sending = False
        #: False when the transport never called the hook (a custom transport without httpcore).
        self.active = False

    def __call__(self, name: str, info: Mapping[str, Any]) -> None:
        self.active = True
        if name in _CHECKPOINTS and self.cancel.is_set():
            raise _Aborted
        if name in _SENDING_EVENTS:
            self.sending = True
        elif name in _NEW_SOCKET_EVENTS:
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if isinstance(sock, socket.socket):
                self.registry.add(sock)
                if self.cancel.is_set():
                    _wake(sock)


class _Secret:
    """Holds the API key so that no repr, vars() dump or debugger view shows it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "<hidden>"

    __str__ = __repr__


def _check_api_key(api_key: str) -> None:
    # httpx echoes an invalid header value in its error message, which would leak the key: refuse
    # such a key here, with a message that does not contain it.
    if not isinstance(api_key, str) or not api_key.strip():
        raise ValueError("An API key is required.")
    if any(not (0x21 <= ord(ch) <= 0x7E) for ch in api_key):
        raise ValueError(
            "The API key contains spaces or characters that cannot be sent; "
            "paste it again from the Telnyx portal."
        )


def _iso(value: datetime | str) -> str:
    """A filter timestamp as ISO 8601 UTC with `Z`; naive datetimes are taken as UTC."""
    if isinstance(value, str):
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _segment(value: str) -> str:
    """One path segment, quoted so an id or media name can never change the path."""
    if not isinstance(value, str) or not value:
        raise ValueError("An id is required.")
    return quote(value, safe="")


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


class TelnyxClient:
    """The Telnyx fax API over httpx. Thread-safe; meant to be called from worker threads."""

    def __init__(
        self,
        api_key: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """`clock` is this machine's wall clock (tests give a skewed one); the server's clock is
        learned from the `Date` header of each answer, see `server_time_offset`."""
        _check_api_key(api_key)
        self._key = _Secret(api_key)
        self._base_url = httpx.URL(base_url.rstrip("/") + "/")
        self._timeout = float(timeout)
        self._connect_timeout = min(CONNECT_TIMEOUT, self._timeout)
        self._retry = retry if retry is not None else RetryPolicy()
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._closed = False
        self._sockets = _SocketRegistry()
        self._rate_limit: RateLimitInfo | None = None
        self._clock = clock
        self._server_offset: float | None = None
        self._http = httpx.Client(
            base_url=self._base_url,
            timeout=httpx.Timeout(self._timeout, connect=self._connect_timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            transport=transport,
            follow_redirects=False,
            # Office networks need HTTPS_PROXY / SSL_CERT_FILE honoured; the loopback sandbox
            # must never be sent through a proxy.
            trust_env=not _is_loopback(self._base_url.host),
        )

    def __repr__(self) -> str:
        return f"TelnyxClient(base_url={str(self._base_url)!r})"

    def __enter__(self) -> TelnyxClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def base_url(self) -> str:
        return str(self._base_url).rstrip("/")

    @property
    def rate_limit(self) -> RateLimitInfo | None:
        """The last `x-ratelimit-*` values Telnyx sent, or None before any were seen."""
        return self._rate_limit

    @property
    def server_time_offset(self) -> float | None:
        """Telnyx's clock minus this machine's, in seconds, from the `Date` header of the last
        answer (None before any answer carried one). Accurate to about a second."""
        return self._server_offset

    def server_now(self) -> float | None:
        """Telnyx's current time as Unix seconds, or None while its clock is not known yet."""
        offset = self._server_offset
        return None if offset is None else self._clock() + offset

    def to_server_time(self, local: float) -> float | None:
        """A time read from this machine's clock, as Telnyx's clock would have read it."""
        offset = self._server_offset
        return None if offset is None else local + offset

    # ------------------------------------------------------------------ lifecycle

    def abort(self) -> None:
        """Make every call now in progress raise RequestAbortedError promptly (any thread).

        Calls started afterwards run normally; use `close()` to stop for good.
        """
        with self._lock:
            cancelled, self._cancel = self._cancel, threading.Event()
        cancelled.set()
        self._sockets.shutdown_all()

    def close(self) -> None:
        """Abort calls in progress and release the connections; later calls raise."""
        with self._lock:
            self._closed = True
            cancelled = self._cancel
        cancelled.set()
        self._sockets.shutdown_all()
        try:
            self._http.close()
        except Exception:  # closing under a call in progress: the connections are gone anyway
            log.debug("error while closing the HTTP client", exc_info=True)

    # ------------------------------------------------------------------ fax applications

    def list_fax_applications(
        self,
        *,
        name_contains: str | None = None,
        outbound_voice_profile_id: str | None = None,
        sort: str | None = None,
        page_number: int = 1,
        page_size: int = 20,
    ) -> Page[FaxApplication]:
        params: dict[str, Any] = {}
        if name_contains is not None:
            params["filter[application_name][contains]"] = name_contains
        if outbound_voice_profile_id is not None:
            params["filter[outbound_voice_profile_id]"] = outbound_voice_profile_id
        if sort is not None:
            params["sort"] = sort
        return self._page(
            "/fax_applications", params, page_number, page_size, FaxApplication.from_json
        )

    def iter_fax_applications(
        self,
        *,
        name_contains: str | None = None,
        outbound_voice_profile_id: str | None = None,
        sort: str | None = None,
        page_size: int = 250,
    ) -> Iterator[FaxApplication]:
        return self._iterate(
            lambda n: self.list_fax_applications(
                name_contains=name_contains,
                outbound_voice_profile_id=outbound_voice_profile_id,
                sort=sort,
                page_number=n,
                page_size=page_size,
            )
        )

    def create_fax_application(self, fields: Mapping[str, Any]) -> FaxApplication:
        # Not retried: a repeat could create a second application.
        response = self._request(
            "POST", "/fax_applications", json_body=_application_body(fields), retry_safe=False
        )
        return FaxApplication.from_json(self._created(response, "id"))

    def get_fax_application(self, app_id: str) -> FaxApplication:
        response = self._request("GET", f"/fax_applications/{_segment(app_id)}")
        return FaxApplication.from_json(self._data(response))

    def update_fax_application(self, app_id: str, fields: Mapping[str, Any]) -> FaxApplication:
        response = self._request(
            "PATCH", f"/fax_applications/{_segment(app_id)}", json_body=_application_body(fields)
        )
        return FaxApplication.from_json(self._data(response))

    def delete_fax_application(self, app_id: str) -> FaxApplication:
        response = self._request("DELETE", f"/fax_applications/{_segment(app_id)}")
        return FaxApplication.from_json(self._data(response))

    # ------------------------------------------------------------------ faxes

    def list_faxes(
        self,
        *,
        created_after: datetime | str | None = None,
        created_at_or_after: datetime | str | None = None,
        created_before: datetime | str | None = None,
        created_at_or_before: datetime | str | None = None,
        direction: str | None = None,
        from_number: str | None = None,
        to: str | None = None,
        page_number: int = 1,
        page_size: int = 20,
    ) -> Page[Fax]:
        params: dict[str, Any] = {}
        for op, value in (
            ("gt", created_after),
            ("gte", created_at_or_after),
            ("lt", created_before),
            ("lte", created_at_or_before),
        ):
            if value is not None:
                params[f"filter[created_at][{op}]"] = _iso(value)
        if direction is not None:
            params["filter[direction][eq]"] = direction
        if from_number is not None:
            params["filter[from][eq]"] = from_number
        if to is not None:
            params["filter[to][eq]"] = to
        return self._page("/faxes", params, page_number, page_size, Fax.from_json)

    def iter_faxes(
        self,
        *,
        created_after: datetime | str | None = None,
        created_at_or_after: datetime | str | None = None,
        created_before: datetime | str | None = None,
        created_at_or_before: datetime | str | None = None,
        direction: str | None = None,
        from_number: str | None = None,
        to: str | None = None,
        page_size: int = 250,
    ) -> Iterator[Fax]:
        return self._iterate(
            lambda n: self.list_faxes(
                created_after=created_after,
                created_at_or_after=created_at_or_after,
                created_before=created_before,
                created_at_or_before=created_at_or_before,
                direction=direction,
                from_number=from_number,
                to=to,
                page_number=n,
                page_size=page_size,
            )
        )

    def send_fax(
        self,
        *,
        connection_id: str,
        from_number: str,
        to: str,
        media_name: str | None = None,
        media_url: str | None = None,
        quality: str | None = None,
        t38_enabled: bool | None = None,
        monochrome: bool | None = None,
        black_threshold: int | None = None,
        store_media: bool | None = None,
        store_preview: bool | None = None,
        preview_format: str | None = None,
        webhook_url: str | None = None,
        client_state: str | None = None,
        from_display_name: str | None = None,
    ) -> Fax:
        """Send a fax (POST /faxes, JSON). Never retried: see docs/api-client.md.

        On a TransportError with `maybe_sent=True` the fax may exist; look for it by
        `client_state` before sending again.
        """
        if (media_name is None) == (media_url is None):
            raise ValueError("Give exactly one of media_name or media_url.")
        body: dict[str, Any] = {"connection_id": connection_id, "from": from_number, "to": to}
        optional: dict[str, Any] = {
            "media_name": media_name,
            "media_url": media_url,
            "quality": quality,
            "t38_enabled": t38_enabled,
            "monochrome": monochrome,
            "black_threshold": black_threshold,
            "store_media": store_media,
            "store_preview": store_preview,
            "preview_format": preview_format,
            "webhook_url": webhook_url,
            "client_state": client_state,
            "from_display_name": from_display_name,
        }
        body.update({k: v for k, v in optional.items() if v is not None})
        response = self._request("POST", "/faxes", json_body=body, retry_safe=False)
        # A 2xx that does not show the fax proves nothing either way: the fax may exist.
        return Fax.from_json(self._created(response, "id"))

    def get_fax(self, fax_id: str) -> Fax:
        response = self._request("GET", f"/faxes/{_segment(fax_id)}")
        return Fax.from_json(self._data(response))

    def delete_fax(self, fax_id: str) -> None:
        self._request("DELETE", f"/faxes/{_segment(fax_id)}", gone_ok=True)

    def cancel_fax(self, fax_id: str) -> None:
        # Retried: cancelling twice leaves the fax cancelled once (a repeat after a lost response
        # may answer 422 "not cancellable"; the caller re-reads the fax then).
        self._request("POST", f"/faxes/{_segment(fax_id)}/actions/cancel")

    def refresh_fax(self, fax_id: str) -> None:
        # Retried: a second refresh just signs the link again.
        self._request("POST", f"/faxes/{_segment(fax_id)}/actions/refresh")

    # ------------------------------------------------------------------ media

    def upload_media(
        self,
        path_or_bytes: str | PathLike[str] | bytes,
        *,
        media_name: str | None = None,
        ttl_secs: int | None = None,
        content_type: str = "application/pdf",
        filename: str | None = None,
    ) -> MediaResource:
        """Upload a file as multipart `media` (POST /media). Never retried: see the docs.

        After a TransportError with `maybe_sent=True`, `get_media(media_name)` tells whether it
        arrived.
        """
        data: dict[str, str] = {}
        if media_name is not None:
            data["media_name"] = media_name
        if ttl_secs is not None:
            data["ttl_secs"] = str(int(ttl_secs))
        if isinstance(path_or_bytes, bytes | bytearray | memoryview):
            name = filename or media_name or "document"
            files = {"media": (name, bytes(path_or_bytes), content_type)}
            response = self._request("POST", "/media", files=files, data=data, retry_safe=False)
        else:
            path = Path(path_or_bytes)
            with path.open("rb") as handle:
                files_io = {"media": (filename or path.name, handle, content_type)}
                response = self._request(
                    "POST", "/media", files=files_io, data=data, retry_safe=False
                )
        return MediaResource.from_json(self._created(response, "media_name"))

    def get_media(self, name: str) -> MediaResource:
        response = self._request("GET", f"/media/{_segment(name)}")
        return MediaResource.from_json(self._data(response))

    def list_media(self) -> list[MediaResource]:
        response = self._request("GET", "/media")
        return [MediaResource.from_json(item) for item in self._data_list(response)]

    def delete_media(self, name: str) -> None:
        self._request("DELETE", f"/media/{_segment(name)}", gone_ok=True)

    def download_media(self, name: str) -> bytes:
        # The spec offers only application/octet-stream for this answer.
        response = self._request(
            "GET",
            f"/media/{_segment(name)}/download",
            follow_redirects=True,
            headers={"Accept": "application/octet-stream"},
        )
        return response.content

    # ------------------------------------------------------------------ phone numbers

    def list_phone_numbers(
        self, *, connection_id: str | None = None, page_number: int = 1, page_size: int = 20
    ) -> Page[PhoneNumber]:
        params: dict[str, Any] = {}
        if connection_id is not None:
            params["filter[connection_id]"] = connection_id
        return self._page("/phone_numbers", params, page_number, page_size, PhoneNumber.from_json)

    def iter_phone_numbers(
        self, *, connection_id: str | None = None, page_size: int = 250
    ) -> Iterator[PhoneNumber]:
        return self._iterate(
            lambda n: self.list_phone_numbers(
                connection_id=connection_id, page_number=n, page_size=page_size
            )
        )

    # ------------------------------------------------------------------ documents by URL

    def download_url(self, url: str, dest: BinaryIO) -> int:
        """Stream the document at `url` (an inbound fax's `media_url`) into `dest`.

        Returns the number of bytes written. The API key is sent only when `url` is on the API's
        own host; redirects to another host never carry it. Retried only while nothing has been
        written to `dest`.
        """
        target = httpx.URL(url)
        if target.scheme not in ("http", "https"):
            raise ValueError("Only http and https links can be downloaded.")
        same_host = _origin(target) == _origin(self._base_url)
        what = f"GET {target.host}{target.path}"
        cancel = self._begin()
        attempt = 0
        waited = 0.0
        while True:
            attempt += 1
            trace = _CallTrace(cancel, self._sockets)
            written = 0
            error: TelnyxError
            hint: float | None = None
            try:
                with self._http.stream(
                    "GET",
                    target,
                    headers=self._auth_headers() if same_host else None,
                    follow_redirects=True,
                    extensions={"trace": trace},
                ) as response:
                    self._note_rate_limit(response)
                    if same_host:
                        self._note_server_time(response)
                    if response.is_success:
                        for chunk in response.iter_bytes(_CHUNK):
                            dest.write(chunk)
                            written += len(chunk)
                        return written
                    response.read()
                    error = self._error_for(response, what, link=not same_host)
                    hint = self._hint(response)
            except Exception as exc:
                error = self._translate(exc, what, trace, cancel, host=target.host)
                if isinstance(error, RequestAbortedError):
                    raise error from None
            if written or not self._retryable(error):
                raise error
            delay = self._retry.next_delay(attempt, waited, hint)
            if delay is None:
                raise error
            self._pause(what, error, delay, attempt, cancel)
            waited += delay

    # ------------------------------------------------------------------ plumbing

    def _auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._key.reveal()}"}

    def _begin(self) -> threading.Event:
        with self._lock:
            if self._closed:
                raise RequestAbortedError(
                    "The connection to Telnyx was closed (FaxDesk is shutting down).",
                    maybe_sent=False,
                )
            return self._cancel

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        files: Any = None,
        data: Mapping[str, str] | None = None,
        retry_safe: bool = True,
        gone_ok: bool = False,
        follow_redirects: bool = False,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """One API call with the retry rules; returns a 2xx response (body read) or raises.

        `gone_ok`: a 404 after an earlier attempt that may have taken effect counts as success
        (a DELETE whose first response was lost).
        """
        what = f"{method} {path}"
        cancel = self._begin()
        attempt = 0
        waited = 0.0
        maybe_done = False
        while True:
            attempt += 1
            trace = _CallTrace(cancel, self._sockets)
            hint: float | None = None
            error: TelnyxError
            try:
                response = self._http.request(
                    method,
                    path.lstrip("/"),
                    params=params,
                    json=json_body,
                    files=files,
                    data=data,
                    headers={**self._auth_headers(), **(headers or {})},
                    follow_redirects=follow_redirects,
                    extensions={"trace": trace},
                )
            except Exception as exc:
                error = self._translate(exc, what, trace, cancel)
                if isinstance(error, RequestAbortedError):
                    raise error from None
            else:
                self._note_rate_limit(response)
                self._note_server_time(response)
                log.debug("%s -> %s (attempt %d)", what, response.status_code, attempt)
                if response.is_success:
                    return response
                if not retry_safe and 300 <= response.status_code < 400:
                    # Neither a success nor a refusal: what was asked may have been done.
                    raise AmbiguousReplyError(
                        "Telnyx answered with a redirect; what was asked may have been "
                        "carried out.", detail=f"{what}: HTTP {response.status_code}",
                    )
                if gone_ok and maybe_done and response.status_code == 404:
                    log.info("%s: gone after an unanswered earlier attempt; done", what)
                    return response
                error = self._error_for(response, what)
                hint = self._hint(response)
            if isinstance(error, ServerError) or (
                isinstance(error, TransportError) and error.maybe_sent
            ):
                maybe_done = True
            if not (retry_safe and self._retryable(error)):
                raise error
            delay = self._retry.next_delay(attempt, waited, hint)
            if delay is None:
                raise error
            self._pause(what, error, delay, attempt, cancel)
            waited += delay

    @staticmethod
    def _retryable(error: TelnyxError) -> bool:
        if isinstance(error, ApiConnectionError | ApiTimeoutError):
            return True
        return isinstance(error, ApiError) and is_retryable_status(error.status_code)

    @staticmethod
    def _hint(response: httpx.Response) -> float | None:
        return server_wait_hint(response.headers, rate_limited=response.status_code == 429)

    def _pause(
        self, what: str, error: TelnyxError, delay: float, attempt: int, cancel: threading.Event
    ) -> None:
        log.info(
            "%s failed (%s); trying again in %.2f s (attempt %d of %d)",
            what,
            type(error).__name__,
            delay,
            attempt + 1,
            self._retry.max_attempts,
        )
        if self._retry.sleep(delay, cancel):
            raise RequestAbortedError(
                "The request was stopped while waiting to try again.", maybe_sent=True,
                detail=what,
            ) from None

    def _translate(
        self,
        exc: Exception,
        what: str,
        trace: _CallTrace,
        cancel: threading.Event,
        host: str | None = None,
    ) -> TelnyxError:
        """A failure without a response → the matching TransportError.

        Once the call was aborted any failure counts as the abort: a socket shut down under a
        call can surface as an odd exception from deep inside httpcore or ssl.
        """
        api_host = host is None or host == self._base_url.host
        host = host or self._base_url.host
        who = "Telnyx" if api_host else host
        # Without trace events (a custom transport) nothing is known: assume it may have arrived.
        sent = trace.sending or not trace.active
        if isinstance(exc, _Aborted) or cancel.is_set() or self._closed:
            return RequestAbortedError(
                f"The request was stopped before {who} answered"
                + ("; it may still have been received." if trace.sending else "."),
                maybe_sent=trace.sending, detail=what,
            )
        if not isinstance(exc, httpx.HTTPError):
            raise exc  # not a network failure, and not an abort: a bug to see, not to retry
        if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
            return ApiTimeoutError(
                f"Could not reach {who} within {self._connect_timeout:g} s. "
                "Check the internet connection.",
                maybe_sent=False, detail=what,
            )
        if isinstance(exc, httpx.TimeoutException):
            return ApiTimeoutError(
                f"{who} did not answer within {self._timeout:g} s; "
                "the request may have been received.",
                maybe_sent=sent, detail=what,
            )
        if isinstance(exc, httpx.ConnectError | httpx.UnsupportedProtocol) or (
            trace.active and not trace.sending
        ):
            reason = str(exc) or type(exc).__name__
            return ApiConnectionError(
                f"Could not connect to {host}. Check the internet connection.",
                maybe_sent=False, detail=f"{what}: {reason}",
            )
        return ApiConnectionError(
            f"The connection to {host} dropped before {who} answered; "
            "the request may have been received.",
            maybe_sent=True, detail=what,
        )

    def _error_for(self, response: httpx.Response, what: str, *, link: bool = False) -> ApiError:
        method, _, path = what.partition(" ")
        errors = _parse_errors(response)
        headers = dict(response.headers)
        status = response.status_code
        if link and status in (401, 403, 404, 410):
            return MediaLinkError(status, errors, method=method, path=path, headers=headers)
        cls = error_class_for_status(status)
        if cls is RateLimitError:
            return RateLimitError(
                status,
                errors,
                retry_after=server_wait_hint(response.headers),
                method=method,
                path=path,
                headers=headers,
            )
        return cls(status, errors, method=method, path=path, headers=headers)

    def _note_rate_limit(self, response: httpx.Response) -> None:
        info = RateLimitInfo.from_headers(response.headers)
        if info is not None:
            self._rate_limit = info

    def _note_server_time(self, response: httpx.Response) -> None:
        server = _date_header(response.headers.get("date"))
        if server is not None:
            self._server_offset = server - self._clock()

    def _json(self, response: httpx.Response) -> Mapping[str, Any]:
        body = _body(response)
        if not isinstance(body, Mapping):
            raise UnexpectedResponseError(
                response.status_code,
                [ErrorDetail(code="unreadable", title="The reply was not the expected JSON")],
                method=response.request.method,
                path=response.request.url.path,
            )
        return body

    def _data(self, response: httpx.Response) -> Any:
        return self._json(response).get("data")

    @staticmethod
    def _created(response: httpx.Response, key: str) -> Mapping[str, Any]:
        """The object a create answered with; AmbiguousReplyError when the 2xx answer does not
        show it (not JSON, or no object with `key`): the create may still have happened."""
        body = _body(response)
        data = body.get("data") if isinstance(body, Mapping) else None
        if not isinstance(data, Mapping) or not isinstance(data.get(key), str) or not data[key]:
            request = response.request
            raise AmbiguousReplyError(
                "Telnyx answered with a reply FaxDesk could not read; what was asked may have "
                "been carried out.", detail=f"{request.method} {request.url.path}",
            )
        return data

    def _data_list(self, response: httpx.Response,
                   body: Mapping[str, Any] | None = None) -> list[Any]:
        """The list in the reply's `data` (`body`: the reply already parsed, if it was)."""
        data = (body if body is not None else self._json(response)).get("data")
        if not isinstance(data, list):
            raise UnexpectedResponseError(
                response.status_code,
                [ErrorDetail(code="unreadable", title="The reply had no list of items")],
                method=response.request.method,
                path=response.request.url.path,
            )
        return data

    def _page(
        self,
        path: str,
        params: dict[str, Any],
        page_number: int,
        page_size: int,
        parse: Callable[[Any], T],
    ) -> Page[T]:
        query = dict(params)
        query["page[number]"] = int(page_number)
        query["page[size]"] = int(page_size)
        response = self._request("GET", path, params=query)
        body = self._json(response)  # parsed once: a page of 250 faxes is 120 KB of JSON
        items = [parse(item) for item in self._data_list(response, body)]
        meta = PageMeta.from_json(body.get("meta"), fallback_count=len(items))
        return Page(items=items, meta=meta)

    @staticmethod
    def _iterate(fetch: Callable[[int], Page[T]]) -> Iterator[T]:
        number = 1
        while True:
            page = fetch(number)
            yield from page.items
            # Trust the page number asked for if the server misreports it, so a confused server
            # can neither repeat a page forever nor send us past total_pages.
            current = max(number, page.meta.page_number)
            if not page.items or current >= page.meta.total_pages:
                return
            number = current + 1


def _body(response: httpx.Response) -> Any:
    """The parsed JSON body, or None when it is not JSON (or nested too deep to parse)."""
    try:
        return response.json()
    except (ValueError, RecursionError):
        return None


def _date_header(value: str | None) -> float | None:
    """An HTTP `Date` header as Unix seconds, or None when missing or unreadable."""
    if not value:
        return None
    try:
        date = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if date.tzinfo is None:
        return None
    return date.timestamp()


def _application_body(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A fax application body without the None values the spec does not allow (an unset
    `outbound_voice_profile_id` is left out, not sent as null); nested objects likewise."""
    body: dict[str, Any] = {}
    for key, value in fields.items():
        if isinstance(value, Mapping):
            value = {k: v for k, v in value.items() if v is not None}
            if not value:
                continue
        elif value is None and key not in _NULLABLE_APP_FIELDS:
            continue
        body[key] = value
    return body


def _parse_errors(response: httpx.Response) -> list[ErrorDetail]:
    body = _body(response)
    items = body.get("errors") if isinstance(body, Mapping) else None
    if not isinstance(items, list):
        return []
    return [ErrorDetail.from_json(item) for item in items if isinstance(item, Mapping)]
