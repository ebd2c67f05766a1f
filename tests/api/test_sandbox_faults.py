"""The client against the sandbox's injected faults: 429 with reset headers, 5xx, dropped
connections, a response lost after the fax was created, and a slow server abandoned by abort()."""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from faxdesk.api.client import TelnyxClient
from faxdesk.api.errors import ApiConnectionError, RequestAbortedError, ServerError
from tests.api.conftest import fast_retry

SENDER = "+13125550100"


@pytest.fixture
def api(sandbox: Any) -> Iterator[TelnyxClient]:
    client = TelnyxClient(
        sandbox.api_key, base_url=sandbox.base_url, timeout=10.0, retry=fast_retry()
    )
    yield client
    client.close()


@pytest.fixture
def app_id(api: TelnyxClient) -> str:
    return api.create_fax_application(
        {"application_name": "Faults", "webhook_event_url": "https://example.com/hooks"}
    ).id


def statuses(sandbox: Any, method: str, path: str, count: int) -> list[int]:
    """The statuses the sandbox logged for `method path`, once `count` requests are logged.

    A dropped connection is logged just after the socket is shut down, so the client can see
    the drop a moment before the sandbox's log has it: wait for it (bounded), then compare.
    """
    deadline = time.monotonic() + 5
    while True:
        found = [r.status for r in sandbox.request_log if r.method == method and r.path == path]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.01)


def test_429_with_reset_headers_is_waited_out_and_retried(
    sandbox: Any, api: TelnyxClient, app_id: str
) -> None:
    sandbox.reset_request_log()
    sandbox.faults.rate_limit_next(1, retry_after=1, method="GET", path="/v2/faxes")
    page = api.list_faxes()
    assert page.items == []
    log = [r for r in sandbox.request_log if r.path == "/v2/faxes"]
    assert [r.status for r in log] == [429, 200]
    # The retry came no earlier than the Retry-After the sandbox sent with its 429.
    assert log[1].time - log[0].time >= 1.0
    assert api.rate_limit is not None and api.rate_limit.limit is not None


def test_5xx_on_a_get_is_retried(sandbox: Any, api: TelnyxClient, app_id: str) -> None:
    sandbox.reset_request_log()
    sandbox.faults.fail_next(2, status=503, method="GET")
    assert api.get_fax_application(app_id).id == app_id
    assert statuses(sandbox, "GET", f"/v2/fax_applications/{app_id}", 3) == [503, 503, 200]


def test_5xx_on_a_send_is_not_repeated(sandbox: Any, api: TelnyxClient, app_id: str) -> None:
    sandbox.reset_request_log()
    sandbox.faults.fail_next(1, status=500, method="POST", path="/v2/faxes")
    with pytest.raises(ServerError):
        api.send_fax(
            connection_id=app_id,
            from_number=SENDER,
            to="+13125550142",
            media_url="https://example.com/a.pdf",
        )
    assert statuses(sandbox, "POST", "/v2/faxes", 1) == [500]


def test_lost_response_after_create_is_not_repeated_and_can_be_reconciled(
    sandbox: Any, api: TelnyxClient, app_id: str
) -> None:
    sandbox.reset_request_log()
    sandbox.faults.lose_response_after_create(1)
    token = base64.b64encode(b"faxdesk:journal-17").decode()
    with pytest.raises(ApiConnectionError) as info:
        api.send_fax(
            connection_id=app_id,
            from_number=SENDER,
            to="+13125550142",
            media_url="https://example.com/a.pdf",
            client_state=token,
        )
    assert info.value.maybe_sent is True
    assert statuses(sandbox, "POST", "/v2/faxes", 1) == [0]  # sent once, answer lost
    # What the outbox does next: find the fax by its client_state instead of sending again.
    found = [f for f in api.iter_faxes(direction="outbound") if f.client_state == token]
    assert len(found) == 1 and found[0].status == "queued"


def test_dropped_connection_surfaces_with_maybe_sent(sandbox: Any, app_id: str) -> None:
    once = TelnyxClient(
        sandbox.api_key, base_url=sandbox.base_url, timeout=10.0, retry=fast_retry(max_attempts=1)
    )
    try:
        sandbox.faults.drop_next(1, method="GET")
        with pytest.raises(ApiConnectionError) as info:
            once.get_fax_application(app_id)
        assert info.value.maybe_sent is True
        assert "dropped" in str(info.value)
    finally:
        once.close()


def test_dropped_get_is_retried(sandbox: Any, api: TelnyxClient, app_id: str) -> None:
    sandbox.reset_request_log()
    sandbox.faults.drop_next(1, method="GET")
    assert api.get_fax_application(app_id).id == app_id
    assert statuses(sandbox, "GET", f"/v2/fax_applications/{app_id}", 2) == [0, 200]


def test_abort_abandons_a_slow_sandbox_call(sandbox: Any, api: TelnyxClient) -> None:
    sandbox.reset_request_log()
    sandbox.faults.latency = 2.0  # if abort failed, the call would return normally after 2 s
    errors: list[BaseException] = []

    def call() -> None:
        try:
            api.list_fax_applications()
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=call)
    thread.start()
    time.sleep(0.3)  # the request is in the sandbox, the client blocked reading
    api.abort()
    thread.join(5)
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], RequestAbortedError)
    sandbox.faults.latency = 0.0
    # Wait for the sandbox to finish the abandoned request so no thread outlives the test.
    deadline = time.monotonic() + 5
    while not sandbox.request_log and time.monotonic() < deadline:
        time.sleep(0.05)
    assert api.list_fax_applications().items == []
