"""Errors, retries, timeouts and abort, over real loopback HTTP with scripted failures."""

from __future__ import annotations

import email.utils
import io
import socket
import threading
import time
from collections.abc import Callable

import httpx
import pytest

from faxdesk.api.client import TelnyxClient
from faxdesk.api.errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    MediaLinkError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestAbortedError,
    ServerError,
    ValidationError,
)
from tests.api.conftest import SECRET_KEY, fast_retry
from tests.api.scripted_server import Reply, ScriptedServer

FAX = {"id": "f1", "status": "queued", "direction": "outbound"}
SEND = {
    "connection_id": "1",
    "from_number": "+13125550100",
    "to": "+13125550199",
    "media_name": "faxdesk-1",
}


def _errors(code: str, title: str, detail: str | None = None, pointer: str | None = None) -> dict:
    item: dict = {"code": code, "title": title}
    if detail:
        item["detail"] = detail
    if pointer:
        item["source"] = {"pointer": pointer}
    return {"errors": [item]}


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, ValidationError),
        (409, ApiError),
    ],
)
def test_statuses_map_to_typed_errors(
    scripted: ScriptedServer, sclient: TelnyxClient, status: int, cls: type[ApiError]
) -> None:
    scripted.push(Reply(status=status, json=_errors(str(status), "Title", "The detail.")))
    with pytest.raises(cls) as info:
        sclient.get_fax("f1")
    err = info.value
    assert type(err) is cls
    assert (err.status_code, err.code, err.title, err.detail) == (
        status,
        str(status),
        "Title",
        "The detail.",
    )
    assert (err.method, err.path) == ("GET", "/faxes/f1")
    assert "The detail." in str(err)
    assert len(scripted.requests) == 1  # client errors are never retried


def test_validation_error_keeps_pointer_per_field(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    body = {
        "errors": [
            {
                "code": "10016",
                "title": "Invalid",
                "detail": "must be +E.164",
                "source": {"pointer": "/to"},
            },
            {
                "code": "10004",
                "title": "Missing",
                "detail": "is required",
                "source": {"pointer": "/connection_id"},
            },
        ]
    }
    scripted.push(Reply(status=422, json=body))
    with pytest.raises(ValidationError) as info:
        sclient.send_fax(**SEND)
    assert info.value.errors[0].pointer == "/to"
    assert info.value.field_errors() == {"to": "must be +E.164", "connection_id": "is required"}
    assert str(info.value) == (
        "Telnyx did not accept the values sent. to: must be +E.164; connection_id: is required"
    )


def test_403_without_body_and_html_502_still_read_well(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]
) -> None:
    client = make_client(scripted.base_url, retry=fast_retry(max_attempts=1))
    scripted.push(Reply(status=403), Reply(status=502, body=b"<html>Bad gateway</html>"))
    with pytest.raises(PermissionDeniedError, match=r"not allowed.*HTTP 403"):
        client.get_fax_application("1")
    with pytest.raises(ServerError, match=r"temporary problem.*HTTP 502"):
        client.get_fax_application("1")


def test_get_is_retried_after_5xx_and_succeeds(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(
        Reply(status=503, json=_errors("10007", "Unexpected")),
        Reply(status=500),
        Reply(json={"data": FAX}),
    )
    assert sclient.get_fax("f1").id == "f1"
    assert len(scripted.requests) == 3


def test_retries_are_bounded_by_max_attempts(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]
) -> None:
    client = make_client(scripted.base_url, retry=fast_retry(max_attempts=3))
    scripted.default = Reply(status=503)
    with pytest.raises(ServerError):
        client.list_faxes()
    assert len(scripted.requests) == 3


def test_429_waits_the_reset_the_server_asked_for_then_retries(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(
        Reply(
            status=429,
            json=_errors("10011", "Too many requests"),
            headers={
                "x-ratelimit-limit": "10",
                "x-ratelimit-remaining": "0",
                "x-ratelimit-reset": "1",
            },
        ),
        Reply(json={"data": FAX}, headers={"x-ratelimit-remaining": "9"}),
    )
    started = time.monotonic()
    assert sclient.get_fax("f1").id == "f1"
    waited = time.monotonic() - started
    # Behaviour, not speed: the retry did not come before the reset the server announced.
    assert waited >= 1.0
    assert len(scripted.requests) == 2
    assert sclient.rate_limit is not None and sclient.rate_limit.remaining == 9


def test_retry_after_http_date_is_honoured(scripted: ScriptedServer, sclient: TelnyxClient) -> None:
    when = email.utils.formatdate(time.time() + 2, usegmt=True)  # whole seconds: 1–2 s away
    scripted.push(Reply(status=503, headers={"Retry-After": when}), Reply(json={"data": FAX}))
    started = time.monotonic()
    sclient.get_fax("f1")
    assert time.monotonic() - started >= 0.9
    assert len(scripted.requests) == 2


def test_429_asking_longer_than_the_budget_gives_up_with_retry_after(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]
) -> None:
    client = make_client(scripted.base_url, retry=fast_retry(max_total_wait=2.0))
    scripted.push(
        Reply(
            status=429, json=_errors("10011", "Too many requests"), headers={"Retry-After": "120"}
        )
    )
    with pytest.raises(RateLimitError) as info:
        client.list_fax_applications()
    assert info.value.retry_after == 120.0
    assert len(scripted.requests) == 1


@pytest.mark.parametrize("failure", [Reply(status=503), Reply(status=429), Reply(drop=True)])
def test_send_fax_is_never_repeated(
    scripted: ScriptedServer, sclient: TelnyxClient, failure: Reply
) -> None:
    scripted.push(failure, Reply(status=202, json={"data": FAX}))
    with pytest.raises((ServerError, RateLimitError, ApiConnectionError)) as info:
        sclient.send_fax(**SEND)
    assert len(scripted.requests) == 1
    if failure.drop:
        assert isinstance(info.value, ApiConnectionError)
        assert info.value.maybe_sent is True
        assert "may have been received" in str(info.value)


def test_upload_and_create_application_are_never_repeated(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.default = Reply(status=500)
    with pytest.raises(ServerError):
        sclient.upload_media(b"%PDF", media_name="m")
    with pytest.raises(ServerError):
        sclient.create_fax_application({"application_name": "x", "webhook_event_url": "http://a"})
    assert [r.method for r in scripted.requests] == ["POST", "POST"]


def test_dropped_get_is_retried(scripted: ScriptedServer, sclient: TelnyxClient) -> None:
    scripted.push(Reply(drop=True), Reply(json={"data": FAX}))
    assert sclient.get_fax("f1").id == "f1"
    assert len(scripted.requests) == 2


def test_dropped_connection_after_sending_says_maybe_sent(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]
) -> None:
    client = make_client(scripted.base_url, retry=fast_retry(max_attempts=1))
    scripted.push(Reply(drop=True))
    with pytest.raises(ApiConnectionError) as info:
        client.get_fax("f1")
    assert info.value.maybe_sent is True


def test_connection_refused_says_not_sent(make_client: Callable[..., TelnyxClient]) -> None:
    # A port nobody listens on: bind, note the port, close.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = make_client(f"http://127.0.0.1:{port}/v2", retry=fast_retry(max_attempts=2))
    with pytest.raises(ApiConnectionError) as info:
        client.send_fax(**SEND)
    assert info.value.maybe_sent is False
    assert "Could not connect to 127.0.0.1" in str(info.value)


def test_read_timeout_is_a_timeout_that_may_have_been_sent(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]
) -> None:
    client = make_client(scripted.base_url, timeout=0.3, retry=fast_retry(max_attempts=1))
    scripted.push(Reply(delay=5, json={"data": FAX}))
    with pytest.raises(ApiTimeoutError) as info:
        client.send_fax(**SEND)
    assert info.value.maybe_sent is True
    assert "did not answer within 0.3 s" in str(info.value)


def test_delete_whose_first_answer_was_lost_counts_404_as_done(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    scripted.push(Reply(drop=True), Reply(status=404, json=_errors("404", "Not Found")))
    assert sclient.delete_fax("f1") is None
    assert [r.method for r in scripted.requests] == ["DELETE", "DELETE"]
    scripted.push(Reply(status=404, json=_errors("404", "Not Found")))
    with pytest.raises(NotFoundError):  # a plain 404 is still an error
        sclient.delete_media("m1")


def _call_in_thread(fn: Callable[[], object]) -> tuple[threading.Thread, list[BaseException]]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            fn()
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def test_abort_stops_a_call_waiting_for_a_slow_answer(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]
) -> None:
    client = make_client(scripted.base_url, timeout=60.0)
    # If abort did not work the call would get this answer after 30 s and return normally.
    scripted.push(Reply(delay=30, json={"data": FAX}))
    thread, errors = _call_in_thread(lambda: client.get_fax("f1"))
    assert scripted.arrived.wait(5)
    time.sleep(0.2)  # let the client get blocked reading, the hard case to interrupt
    client.abort()
    thread.join(5)
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], RequestAbortedError)
    assert errors[0].maybe_sent is True
    # The client stays usable after an abort.
    scripted.push(Reply(json={"data": FAX}))
    assert client.get_fax("f1").id == "f1"


def test_abort_stops_a_call_over_tls(make_client: Callable[..., TelnyxClient]) -> None:
    server = ScriptedServer(tls=True).start()
    try:
        # Certificate checks off for the throwaway certificate; everything else is the real path.
        client = make_client(
            server.base_url, timeout=60.0, transport=httpx.HTTPTransport(verify=False)
        )
        server.push(Reply(json={"data": FAX}), Reply(delay=30, json={"data": FAX}))
        assert client.get_fax("f1").id == "f1"  # TLS works, and the connection is kept alive
        server.arrived.clear()
        thread, errors = _call_in_thread(lambda: client.get_fax("f1"))
        assert server.arrived.wait(5)
        time.sleep(0.2)  # blocked in the TLS read
        client.abort()
        thread.join(5)
        assert not thread.is_alive()
        assert len(errors) == 1 and isinstance(errors[0], RequestAbortedError)
    finally:
        server.stop()


def test_abort_stops_a_retry_wait(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]
) -> None:
    client = make_client(scripted.base_url, retry=fast_retry(max_total_wait=120.0))
    scripted.push(Reply(status=503, headers={"Retry-After": "60"}), Reply(json={"data": FAX}))
    thread, errors = _call_in_thread(lambda: client.list_faxes())
    assert scripted.arrived.wait(5)
    time.sleep(0.05)  # let the client read the 503 and start waiting
    client.abort()
    thread.join(5)
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], RequestAbortedError)
    assert len(scripted.requests) == 1


def test_close_stops_a_call_and_later_calls(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]
) -> None:
    client = make_client(scripted.base_url, timeout=60.0)
    scripted.push(Reply(delay=30, json={"data": FAX}))
    thread, errors = _call_in_thread(lambda: client.download_media("m"))
    assert scripted.arrived.wait(5)
    time.sleep(0.2)  # blocked reading
    client.close()
    thread.join(5)
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], RequestAbortedError)
    with pytest.raises(RequestAbortedError) as info:
        client.get_fax("f1")
    assert info.value.maybe_sent is False


def test_download_url_sends_the_key_only_to_the_api_host(
    scripted: ScriptedServer, make_client: Callable[..., TelnyxClient]
) -> None:
    other = ScriptedServer().start()  # another port: another origin, like S3
    try:
        client = make_client(scripted.base_url)
        content = b"%PDF-1.4 received fax" * 5000
        other.push(Reply(body=content))
        scripted.push(Reply(body=b"same host"))
        off_host, on_host = io.BytesIO(), io.BytesIO()
        assert client.download_url(
            other.root_url + "/bucket/fax.pdf?X-Amz-Expires=600", off_host
        ) == len(content)
        client.download_url(scripted.root_url + "/v2/media/x/download", on_host)
        assert off_host.getvalue() == content and on_host.getvalue() == b"same host"
        assert "authorization" not in other.requests[0].headers
        assert dict(other.requests[0].query) == {"X-Amz-Expires": "600"}
        assert scripted.requests[0].headers["authorization"] == f"Bearer {SECRET_KEY}"

        # A redirect from the API host to another host must not carry the key along.
        scripted.push(Reply(status=302, headers={"Location": other.root_url + "/moved.pdf"}))
        other.push(Reply(body=b"moved"))
        moved = io.BytesIO()
        client.download_url(scripted.root_url + "/v2/media/y/download", moved)
        assert moved.getvalue() == b"moved"
        assert "authorization" not in other.requests[1].headers
    finally:
        other.stop()


def test_download_url_expired_link_and_retry(
    scripted: ScriptedServer, sclient: TelnyxClient
) -> None:
    other = ScriptedServer().start()
    try:
        other.push(
            Reply(status=403, body=b"<Error>Request has expired</Error>"),
            Reply(status=503),
            Reply(body=b"ok"),
        )
        with pytest.raises(MediaLinkError, match="expired"):
            sclient.download_url(other.root_url + "/a.pdf", io.BytesIO())
        sink = io.BytesIO()
        assert sclient.download_url(other.root_url + "/a.pdf", sink) == 2  # 503 then retried
        assert sink.getvalue() == b"ok"
        with pytest.raises(ValueError):
            sclient.download_url("file:///etc/passwd", io.BytesIO())
    finally:
        other.stop()


def test_download_url_errors_name_the_document_host(
    sclient: TelnyxClient,
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.2", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ApiConnectionError) as info:
        sclient.download_url(f"http://127.0.0.2:{port}/f.pdf", io.BytesIO())
    assert "127.0.0.2" in str(info.value) and info.value.maybe_sent is False


@pytest.mark.parametrize(
    ("exc", "cls", "maybe_sent"),
    [
        (httpx.ConnectError("refused"), ApiConnectionError, False),
        (httpx.ConnectTimeout("slow"), ApiTimeoutError, False),
        (httpx.ReadError("reset"), ApiConnectionError, True),
        (httpx.ReadTimeout("slow"), ApiTimeoutError, True),
        (httpx.RemoteProtocolError("closed"), ApiConnectionError, True),
    ],
)
def test_custom_transport_failures_assume_the_worst_when_unsure(
    make_client: Callable[..., TelnyxClient],
    exc: httpx.HTTPError,
    cls: type[Exception],
    maybe_sent: bool,
) -> None:
    # A transport that gives no trace events (a test double): the exception type decides.
    def fail(request: httpx.Request) -> httpx.Response:
        raise exc

    client = make_client(
        "http://127.0.0.1:9/v2",
        transport=httpx.MockTransport(fail),
        retry=fast_retry(max_attempts=1),
    )
    with pytest.raises(cls) as info:
        client.send_fax(**SEND)
    assert type(info.value) is cls
    assert info.value.maybe_sent is maybe_sent  # type: ignore[attr-defined]
